using Credentials.Core.Domain;
using System.CommandLine;
using Credentials.Core.Acces;
using Credentials.Core.Relances;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary>
/// <c>relancer</c> : les relances dues maintenant, selon le calendrier de l'établissement (les courriels vont
/// en file, le web les envoie) ; <c>--dry-run</c> dit seulement qui serait relancé.
/// </summary>
internal static class VerbeRelancer
{
    public static Command Creer()
    {
        var uai = new Option<string>("--uai") { Description = "UAI de l'établissement.", Required = true };
        var essai = new Option<bool>("--dry-run") { Description = "Affiche qui serait relancé sans rien envoyer ni modifier." };
        var commande = new Command("relancer", "Lance maintenant les relances dues des comptes notifiés et non activés.") { uai, essai };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var etablissement = await Hosting.EtablissementAsync(services, resultat.GetValue(uai)!);
            if (etablissement.CalendrierRelances.EstVide)
            {
                AnsiConsole.MarkupLine("[yellow]Aucune relance n'est réglée pour cet établissement (Paramètres › Relances et courriels).[/]");
                return 0;
            }

            var simulation = resultat.GetValue(essai);
            var bilan = await services.GetRequiredService<ServiceRelances>().RelancerAsync(Portee.Cli(etablissement.Id), simulation);
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"{(simulation ? "Seraient relancés" : "Relancés")} par courriel : [green]{bilan.ParCourriel.Count} compte(s)[/] en {bilan.Courriels} courriel(s).");
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"À relancer sur papier (aucune adresse) : [yellow]{bilan.SurPapier.Count} compte(s)[/].");
            foreach (var classe in bilan.SurPapier.GroupBy(c => c.Classe ?? "sans classe").OrderBy(g => g.Key))
            {
                AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"  {classe.Key} : {string.Join(", ", classe.Select(c => c.NomComplet))}");
            }

            if (simulation)
            {
                AnsiConsole.MarkupLine("[yellow]Essai (--dry-run) : rien n'a été envoyé ni modifié.[/]");
            }

            return 0;
        }));
        return commande;
    }
}
