using System.Text.RegularExpressions;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary>
/// Le compte rendu d'un import en console : le verdict d'abord, puis les avertissements et les personnes groupées
/// par raison, chaque groupe replié à ses premières lignes (<c>--details</c> les montre toutes). Texte brut, jamais
/// coupé à la largeur du terminal : une ligne par personne, que l'on peut filtrer.
/// </summary>
internal static partial class RapportCli
{
    private const int LignesParGroupe = 5;

    /// <summary>Un fichier refusé : le refus et ses erreurs, rien sur les personnes qu'il aurait ignorées.</summary>
    public static void Refus(ApercuImport apercu, string titre)
    {
        AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]{titre} : rien n'a été modifié.[/] {apercu.Resume}");
        foreach (var erreur in apercu.Erreurs)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Erreur :[/] {erreur.Texte}");
        }
    }

    public static void Afficher(ApercuImport apercu, string resume, bool details)
    {
        Console.WriteLine(resume);
        Groupe($"{Libelles.Accorder(apercu.Avertissements.Count, "avertissement", "avertissements")} (n'empêchent pas l'import)", apercu.Avertissements.Select(a => a.Texte).ToList(), details);
        foreach (var g in apercu.Sortants.GroupBy(s => (s.Profil, Raison: SansDate(s.Raison))).OrderBy(g => g.Key.Profil))
        {
            Groupe($"{Libelles.Accorder(g.Count(), $"{g.Key.Profil.EnMinuscules()} marqué(e) sorti(e)", $"{g.Key.Profil.Pluriel()} marqués sortis")} — {g.Key.Raison}",
                g.Select(s => $"{s.Prenom} {s.Nom} ({s.Identifiant}) — {s.Raison}").ToList(), details);
        }

        foreach (var g in apercu.Ignores.GroupBy(i => (i.Profil, Raison: SansDate(i.Raison))).OrderBy(g => g.Key.Profil))
        {
            Groupe($"{Libelles.Accorder(g.Count(), $"{g.Key.Profil.EnMinuscules()} ignoré(e)", $"{g.Key.Profil.Pluriel()} ignorés")} — {g.Key.Raison}",
                g.Select(i => $"{i.Personne} — {i.Ou.Texte}").ToList(), details);
        }
    }

    private static void Groupe(string titre, List<string> lignes, bool details)
    {
        if (lignes.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(titre + (details || lignes.Count <= LignesParGroupe ? " :" : " — voir la liste (--details) ; les premiers :"));
        foreach (var ligne in details ? lignes : lignes.Take(LignesParGroupe))
        {
            Console.WriteLine("  " + ligne);
        }

        if (!details && lignes.Count > LignesParGroupe)
        {
            Console.WriteLine($"  … et {Libelles.Accorder(lignes.Count - LignesParGroupe, "autre", "autres")}.");
        }
    }

    /// <summary>« a quitté l'établissement le 17/10/2025 » → « a quitté l'établissement » : une raison par groupe, pas une par date.</summary>
    private static string SansDate(string raison) => DateEnFin().Replace(raison, "");

    [GeneratedRegex(@" le \d{2}/\d{2}/\d{4}$")]
    private static partial Regex DateEnFin();
}
