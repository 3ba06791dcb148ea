using System.CommandLine;
using Credentials.Core.Conservation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary><c>purge</c> : applique les durées de conservation (section « Conservation ») et dit ce qui est supprimé.</summary>
internal static class VerbePurge
{
    public static Command Creer()
    {
        var uai = new Option<string>("--uai") { Description = "Un seul établissement (sinon tous, et les fichiers du déploiement)." };
        var simulation = new Option<bool>("--dry-run") { Description = "Compter ce qui serait supprimé, sans rien supprimer." };
        var commande = new Command("purge", "Supprime ce qui a dépassé sa durée de conservation : comptes des sortants, journal, courriels, fichiers.") { uai, simulation };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var essai = resultat.GetValue(simulation);
            var purge = await services.GetRequiredService<ServicePurge>().PurgerAsync(resultat.GetValue(uai), essai, "cli");
            AnsiConsole.WriteLine(essai ? "Simulation : rien n'a été supprimé. Une purge supprimerait :" : "Purge effectuée. Supprimé :");
            foreach (var ligne in purge.Totaux)
            {
                AnsiConsole.WriteLine($"  {ligne.Categorie} : {ligne.Nombre}");
            }

            AnsiConsole.WriteLine($"({purge.Etablissements.Count} établissement(s))");
            return 0;
        }));
        return commande;
    }
}
