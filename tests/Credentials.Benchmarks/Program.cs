using BenchmarkDotNet.Running;
using Credentials.Benchmarks;

if (args is ["samples", var dossier])
{
    Echantillons.Ecrire(dossier);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DonneesExemple).Assembly).Run(args);
