using System.CommandLine;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary>
/// <c>import siecle|onde|csv</c> : le même aperçu que la page Imports, puis l'application en une transaction
/// (sauf <c>--dry-run</c>). Crée l'établissement s'il n'existe pas ; code de sortie 1 si un fichier est refusé,
/// 2 si un fichier est introuvable ou illisible. Le résumé vient d'abord, puis les personnes par raison, repliées.
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

        public Option<bool> Details { get; } = new("--details") { Description = "Affiche toutes les personnes de chaque groupe (sinon les premières)." };

        public void AjouterA(Command commande)
        {
            commande.Options.Add(Uai);
            commande.Options.Add(Annee);
            commande.Options.Add(Essai);
            commande.Options.Add(Nom);
            commande.Options.Add(Details);
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
        commande.SetAction(r => ImporterAsync(r, communes, [r.GetValue(eleves), r.GetValue(responsables), r.GetValue(nomenclature)], (services, f) =>
            services.GetRequiredService<LecteurSiecle>().Lire(f[0]!, f[1], f[2])));
        return commande;
    }

    private static Command Onde()
    {
        var communes = new Communes();
        var eleves = Fichier("--eleves", "Extraction ONDE des élèves (CSV).");
        var responsables = Fichier("--responsables", "Extraction ONDE des responsables (CSV) ; sans elle, seuls les élèves sont importés.", requis: false);
        var commande = new Command("onde", "Importe les extractions CSV d'ONDE (écoles primaires).") { eleves, responsables };
        communes.AjouterA(commande);
        commande.SetAction(r => ImporterAsync(r, communes, [r.GetValue(eleves), r.GetValue(responsables)], (services, f) =>
            services.GetRequiredService<LecteurOnde>().Lire(f[0]!, f[1])));
        return commande;
    }

    private static Command Tableur()
    {
        var communes = new Communes();
        var fichier = new Argument<FileInfo>("fichier") { Description = "Le fichier CSV au format du modèle d'import." };
        var commande = new Command("csv", "Importe un fichier CSV au format du modèle (personnels, invités, écoles hors annuaire).") { fichier };
        communes.AjouterA(commande);
        commande.SetAction(r => ImporterAsync(r, communes, [r.GetValue(fichier)], (services, f) =>
            services.GetRequiredService<LecteurTableur>().Lire(f[0]!)));
        return commande;
    }

    /// <summary>Ouvre les fichiers donnés (code 2 s'il en manque un), lit, montre l'aperçu, puis applique sauf <c>--dry-run</c>.</summary>
    private static async Task<int> ImporterAsync(ParseResult resultat, Communes communes, FileInfo?[] chemins, Func<IServiceProvider, FichierImport?[], ListeImport> lire)
    {
        var fichiers = new FichierImport?[chemins.Length];
        for (var i = 0; i < chemins.Length; i++)
        {
            if (chemins[i] is not { } chemin)
            {
                continue;
            }

            if (Ouvrir(chemin) is not { } fichier)
            {
                return 2;
            }

            fichiers[i] = fichier;
        }

        var details = resultat.GetValue(communes.Details);
        // The files are read while the database is opened and checked.
        return await Hosting.ExecuterAsync(services => lire(services, fichiers), async (services, liste) =>
        {
            var demande = new DemandeImport(resultat.GetValue(communes.Uai)!, "cli")
            {
                AnneeConfirmee = resultat.GetValue(communes.Annee),
                CreerEtablissement = true,
                NomEtablissement = resultat.GetValue(communes.Nom),
            };
            var service = services.GetRequiredService<ServiceImport>();
            if (resultat.GetValue(communes.Essai))
            {
                var apercu = await service.ApercevoirAsync(liste, demande);
                if (!apercu.EstApplicable)
                {
                    RapportCli.Refus(apercu, "Fichier refusé");
                    return 1;
                }

                RapportCli.Afficher(apercu, apercu.ResumeApercu, details);
                AnsiConsole.MarkupLine("[yellow]Essai (--dry-run) : rien n'a été modifié.[/]");
                return 0;
            }

            // Nobody reviews a preview between the two steps here: the apply computes the plan once, in its transaction.
            var applique = await service.AppliquerAsync(liste, demande);
            if (!applique.Applique)
            {
                RapportCli.Refus(applique.Apercu, "Fichier refusé");
                return 1;
            }

            RapportCli.Afficher(applique.Apercu, applique.Apercu.Resume, details);
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]Import appliqué.[/] {Libelles.Accorder(applique.Crees.Count, "compte créé", "comptes créés")}.");
            return 0;
        });
    }

    /// <summary>Le fichier s'il existe et se lit ; sinon un message en français (la commande sort alors avec le code 2).</summary>
    private static FichierImport? Ouvrir(FileInfo chemin)
    {
        try
        {
            if (!chemin.Exists)
            {
                AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Fichier introuvable :[/] {chemin.FullName}");
                return null;
            }

            using (chemin.OpenRead())
            {
                // Opened once here so that a permission problem is told now, in French, not as an exception later.
            }

            return FichierImport.DepuisChemin(chemin.FullName);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Fichier illisible :[/] {chemin.FullName} (accès refusé ou fichier verrouillé).");
            return null;
        }
    }
}
