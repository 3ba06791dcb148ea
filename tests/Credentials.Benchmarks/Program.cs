using BenchmarkDotNet.Running;
using Credentials.Benchmarks;

switch (args)
{
    case ["samples", var dossier]:
        Echantillons.Ecrire(dossier);
        break;
    case ["chrono"]:
        Chrono.Mesurer();
        break;
    case ["memoire", var rendu, var lignes]:
        Chrono.Memoire(rendu, int.Parse(lignes));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(DocumentsBenchmarks).Assembly).Run(args);
        break;
}
