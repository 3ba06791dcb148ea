using BenchmarkDotNet.Running;
using Credentials.Benchmarks;

if (args is ["samples", var dossier])
{
    Echantillons.Ecrire(dossier);
    return;
}

// Stopwatch figures for docs/performance.md: `dotnet run -c Release --project tests/Credentials.Benchmarks -- imports`.
if (args is ["imports", .. var options])
{
    Environment.ExitCode = await Credentials.Benchmarks.Imports.BancImports.ExecuterAsync(options);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DonneesExemple).Assembly).Run(args);
