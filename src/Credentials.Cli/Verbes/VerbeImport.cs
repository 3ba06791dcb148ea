using System.CommandLine;
using Credentials.Core.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary>
/// <c>import siecle|onde|csv</c> : le même aperçu que la page Imports, puis l'application en une transaction
/// (sauf <c>--dry-run</c>). Crée l'établissement s'il n'existe pas ; code de sortie 1 si un fichier est refusé.
/// </summary>
internal static class VerbeImport
{
    public static Command Creer()
    {
        var commande = new Command("import", "Importe les listes de l'établissement (SIECLE, ONDE ou tableur CSV).");
        commande.Subcommands.Add(Siecle());
        commande.Subcommands.Add(Onde());
        commande.Subcommands.Add(Tableur());
        return commande;
    }

    private sealed class Communes
    {
        public Option<string> Uai { get; } = new("--uai") { Description = "UAI de l'établissement (créé s'il n'existe pas).", Required = true };

        public Option<int?> Annee { get; } = new("--annee-scolaire") { Description = "Année scolaire attendue (2026 = 2026-2027) : confirme un fichier d'une autre année que l'année en cours." };

        public Option<bool> Essai { get; } = new("--dry-run") { Description = "Affiche l'aperçu sans rien modifier." };

        public Option<string?> Nom { get; } = new("--nom") { Description = "Nom de l'établissement, s'il est créé." };

        public void AjouterA(Command commande)
        {
            commande.Options.Add(Uai);
            commande.Options.Add(Annee);
            commande.Options.Add(Essai);
            commande.Options.Add(Nom);
        }
    }

    private static Option<FileInfo> Fichier(string nom, string description, bool requis = true) =>
        new(nom) { Description = description, Required = requis };

    private static Command Siecle()
    {
        var communes = new Communes();
        var eleves = Fichier("--eleves", "ElevesSansAdresses ou ElevesAvecAdresses (.xml ou .zip).");
        var responsables = Fichier("--responsables", "ResponsablesAvecAdresses (.xml ou .zip).");
        var nomenclature = Fichier("--nomenclature", "Nomenclature (.xml ou .zip), pour les libellés des MEF.", requis: false);
        var commande = new Command("siecle", "Importe les exports XML de SIECLE (collèges et lycées).") { eleves, responsables, nomenclature };
        communes.AjouterA(commande);
        commande.SetAction(r => ImporterAsync(r, communes, services => services.GetRequiredService<LecteurSiecle>().Lire(
            FichierImport.DepuisChemin(r.GetValue(eleves)!.FullName),
            FichierImport.DepuisChemin(r.GetValue(responsables)!.FullName),
            r.GetValue(nomenclature) is { } n ? FichierImport.DepuisChemin(n.FullName) : null)));
        return commande;
    }

    private static Command Onde()
    {
        var communes = new Communes();
        var eleves = Fichier("--eleves", "Extraction ONDE des élèves (CSV).");
        var responsables = Fichier("--responsables", "Extraction ONDE des responsables (CSV).");
        var commande = new Command("onde", "Importe les extractions CSV d'ONDE (écoles primaires).") { eleves, responsables };
        communes.AjouterA(commande);
        commande.SetAction(r => ImporterAsync(r, communes, services => services.GetRequiredService<LecteurOnde>().Lire(
            FichierImport.DepuisChemin(r.GetValue(eleves)!.FullName),
            FichierImport.DepuisChemin(r.GetValue(responsables)!.FullName))));
        return commande;
    }

    private static Command Tableur()
    {
        var communes = new Communes();
        var fichier = new Argument<FileInfo>("fichier") { Description = "Le fichier CSV au format du modèle d'import." };
        var commande = new Command("csv", "Importe un fichier CSV au format du modèle (personnels, invités, écoles hors annuaire).") { fichier };
        communes.AjouterA(commande);
        commande.SetAction(r => ImporterAsync(r, communes, services => services.GetRequiredService<LecteurTableur>().Lire(
            FichierImport.DepuisChemin(r.GetValue(fichier)!.FullName))));
        return commande;
    }

    private static Task<int> ImporterAsync(ParseResult resultat, Communes communes, Func<IServiceProvider, ListeImport> lire) =>
        Hote.ExecuterAsync(async services =>
        {
            var liste = lire(services);
            var demande = new DemandeImport(resultat.GetValue(communes.Uai)!, "cli")
            {
                AnneeConfirmee = resultat.GetValue(communes.Annee),
                CreerEtablissement = true,
                NomEtablissement = resultat.GetValue(communes.Nom),
            };
            var service = services.GetRequiredService<ServiceImport>();
            var apercu = await service.ApercevoirAsync(liste, demande);
            Afficher(apercu);
            if (!apercu.EstApplicable)
            {
                AnsiConsole.MarkupLine("[red]Fichier refusé : rien n'a été modifié.[/]");
                return 1;
            }

            if (resultat.GetValue(communes.Essai))
            {
                AnsiConsole.MarkupLine("[yellow]Essai (--dry-run) : rien n'a été modifié.[/]");
                return 0;
            }

            var applique = await service.AppliquerAsync(liste, demande, apercu.Empreinte);
            if (!applique.Applique)
            {
                Afficher(applique.Apercu);
                AnsiConsole.MarkupLine("[red]Import refusé : rien n'a été modifié.[/]");
                return 1;
            }

            AnsiConsole.MarkupLineInterpolated($"[green]Import appliqué.[/] {applique.Crees.Count} compte(s) créé(s).");
            return 0;
        });

    private static void Afficher(ApercuImport apercu)
    {
        AnsiConsole.WriteLine(apercu.Resume);
        foreach (var erreur in apercu.Erreurs)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Erreur :[/] {erreur.Texte}");
        }

        foreach (var avertissement in apercu.Avertissements)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Attention :[/] {avertissement.Texte}");
        }

        foreach (var ignore in apercu.Ignores)
        {
            AnsiConsole.MarkupLineInterpolated($"Ignoré : {ignore.Texte}");
        }

        foreach (var sortant in apercu.Sortants)
        {
            AnsiConsole.MarkupLineInterpolated($"Sortant : {sortant.Prenom} {sortant.Nom} ({sortant.Identifiant}) — {sortant.Raison}");
        }
    }
}
