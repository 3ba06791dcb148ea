using System.Diagnostics;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// Runs the real tools that read back what the product writes (poppler, zbarimg, Debian's Python): a missing tool
/// fails the test with the package to install — never skips it; a failing tool fails it with its error output.
/// </summary>
public static class Processus
{
    private static readonly Dictionary<string, string> Paquets = new()
    {
        ["pdftotext"] = "poppler-utils",
        ["pdfinfo"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["zbarimg"] = "zbar-tools",
        ["/usr/bin/python3"] = "python3",
    };

    /// <summary>Runs the tool and returns its standard output (UTF-8).</summary>
    public static async Task<string> ExecuterAsync(string programme, IEnumerable<string> arguments)
    {
        var demarrage = new ProcessStartInfo(programme)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            demarrage.ArgumentList.Add(argument);
        }

        Process processus;
        try
        {
            processus = Process.Start(demarrage) ?? throw new InvalidOperationException($"{programme} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{programme} is missing: install the Debian package {Paquets.GetValueOrDefault(programme, programme)} (scripts/test.sh does).", e);
        }

        using (processus)
        {
            var sortie = processus.StandardOutput.ReadToEndAsync();
            var erreurs = processus.StandardError.ReadToEndAsync();
            await processus.WaitForExitAsync();
            if (processus.ExitCode != 0)
            {
                throw new InvalidOperationException($"{programme} {string.Join(' ', demarrage.ArgumentList)} exited with {processus.ExitCode}: {await erreurs}");
            }

            return await sortie;
        }
    }

    /// <summary>The same, for the synchronous document tests.</summary>
    public static string Executer(string programme, params string[] arguments) =>
        ExecuterAsync(programme, arguments).GetAwaiter().GetResult();
}
