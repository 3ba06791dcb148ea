using BenchmarkDotNet.Running;
using Credentials.Benchmarks;
using Credentials.Benchmarks.Imports;

switch (args)
{
    case ["samples", var dossier]:
        Echantillons.Ecrire(dossier);
        break;
    case ["chrono"]:
        Chrono.Mesurer();
        break;
    case ["memoire", var rendu, var lignes]:
        Chrono.Memoire(rendu, int.Parse(lignes, System.Globalization.CultureInfo.InvariantCulture));
        break;
    case ["notifier", .. var options]:
        // Stopwatch figures for docs/performance.md (Console): notify a whole school on paper.
        Environment.ExitCode = await Credentials.Benchmarks.Notification.BancNotification.ExecuterAsync(options);
        break;
    case ["fichiers-siecle", var dossier, .. var options]:
        // The two generated exports on disk, for scripts/bench-imports.sh (the whole CLI process).
        BancImports.EcrireFichiers(dossier, options);
        break;
    case ["imports", .. var options]:
        // Stopwatch figures for docs/performance.md (Imports).
        Environment.ExitCode = await BancImports.ExecuterAsync(options);
        break;
    default:
        // In process: the project BenchmarkDotNet would generate lacks the ASP.NET Core shared
        // framework that Credentials.Core needs, and its restore fails.
        BenchmarkSwitcher.FromAssembly(typeof(DocumentsBenchmarks).Assembly)
            .Run(args.Contains("--inProcess") ? args : [.. args, "--inProcess"]);
        break;
}
