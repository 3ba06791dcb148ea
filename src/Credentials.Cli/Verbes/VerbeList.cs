using System.CommandLine;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary><c>list</c> : la liste des comptes en PDF (par classe) ou CSV, sans rien changer aux états.</summary>
internal static class VerbeList
{
    public static Command Creer()
    {
        var selection = new OptionsSelection();
        var format = new Option<string>("--format") { Description = "pdf ou csv.", DefaultValueFactory = _ => "pdf" };
        var commande = new Command("list", "Écrit la liste des comptes (PDF groupé par classe, ou CSV) sans changer leur état.") { format };
        selection.AjouterA(commande);
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var csv = resultat.GetValue(format) switch
            {
                "csv" => true,
                "pdf" => false,
                var f => throw new ErreurMetier($"Format inconnu « {f} » : pdf ou csv."),
            };
            var etablissement = await Hosting.EtablissementAsync(services, resultat.GetValue(selection.Uai)!);
            var criteres = selection.Criteres(resultat);
            var fiches = await services.GetRequiredService<ServiceComptes>().ListerAsync(Portee.Cli(etablissement.Id), new DemandeListe(criteres, csv ? Canal.Csv : Canal.Pdf));
            var entete = OptionsSelection.EnTete(etablissement, services.GetRequiredService<IConfiguration>()["Portail:Url"]);
            var fichier = resultat.GetValue(selection.Sortie)!;
            await using (var flux = fichier.Create())
            {
                if (csv)
                {
                    await new ListeComptesCsvRenderer().EcrireAsync(entete, criteres.Profil, fiches, flux);
                }
                else
                {
                    await new ListeComptesPdfRenderer().EcrireAsync(entete, criteres.Profil, fiches.ToAsyncEnumerable(), flux);
                }
            }

            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{fiches.Count} compte(s)[/] listés dans {fichier.FullName}.");
            return 0;
        }));
        return commande;
    }
}
