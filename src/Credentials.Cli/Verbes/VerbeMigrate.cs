using System.CommandLine;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

internal static class VerbeMigrate
{
    public static Command Creer()
    {
        var commande = new Command("migrate", "Crée ou met à jour le schéma de la base de données.");
        commande.SetAction(_ => Hosting.ExecuterAsync(_ =>
        {
            AnsiConsole.MarkupLine("[green]Base de données à jour.[/]");
            return Task.FromResult(0);
        }));
        return commande;
    }
}
