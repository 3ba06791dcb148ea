using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Credentials.Tests.Cli;

/// <summary>A command line run as a real process: its exit code and what it printed, without the terminal colours.</summary>
internal static class LigneDeCommande
{
    public static async Task<(int Code, string Sortie)> ExecuterAsync(string programme, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environnement)
    {
        var depart = new ProcessStartInfo(programme) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            depart.ArgumentList.Add(a);
        }

        depart.Environment["COLUMNS"] = "200";
        foreach (var (cle, valeur) in environnement)
        {
            depart.Environment[cle] = valeur;
        }

        using var processus = Process.Start(depart)!;
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var erreurs = processus.StandardError.ReadToEndAsync();
        await processus.WaitForExitAsync();
        // Without the terminal colours, so that tests read the words.
        return (processus.ExitCode, Regex.Replace(await sortie + await erreurs, "\u001b\\[[0-9;]*m", ""));
    }
}
