using System.CommandLine;
using Credentials.Core.Domain;
using Spectre.Console;

namespace Credentials.Cli;

/// <summary>La commande <c>credentials</c>.</summary>
public static class PointEntree
{
    public static Task<int> Main(string[] args) => Executer(args);

    /// <summary>Exécute une ligne de commande (les tests l'appellent directement).</summary>
    public static async Task<int> Executer(string[] args)
    {
        // The parser's own messages (« option requise », help) come from its French resources.
        System.Globalization.CultureInfo.CurrentUICulture = Libelles.Culture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = Libelles.Culture;
        var racine = new RootCommand("Credentials : identifiants des élèves, des responsables et des personnels d'un établissement.");
        foreach (var verbe in ListeVerbes.Tous())
        {
            racine.Subcommands.Add(verbe);
        }

        MessagesFrancais.DecrireOptionsStandard(racine);
        try
        {
            var analyse = racine.Parse(args);
            if (analyse.Errors.Count > 0 && analyse.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (var erreur in analyse.Errors)
                {
                    AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Erreur :[/] {MessagesFrancais.Traduire(erreur.Message)}");
                }

                AnsiConsole.WriteLine($"Aide : {MessagesFrancais.Chemin(analyse.CommandResult.Command)} --help");
                return 1;
            }

            if (analyse.Action is System.CommandLine.Help.HelpAction)
            {
                // The help's « (REQUIRED) » label is not translated either.
                using var aide = new StringWriter();
                var code = await analyse.InvokeAsync(new InvocationConfiguration { Output = aide });
                Console.Write(aide.ToString().Replace("(REQUIRED)", "(obligatoire)", StringComparison.Ordinal));
                return code;
            }

            return await analyse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never a stack trace for the user: what failed, in French, and the technical cause on one line.
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Erreur inattendue :[/] la commande n'a pas abouti ({ex.GetType().Name} : {ex.Message}).");
            return 1;
        }
    }
}
