using BenchmarkDotNet.Attributes;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Benchmarks;

/// <summary>
/// Le coût des rendus pour un gros établissement. Les fiches sont en mémoire avant la mesure ;
/// la sortie est <see cref="Stream.Null"/>, pour ne mesurer que le rendu.
/// </summary>
[MemoryDiagnoser]
public class DocumentsBenchmarks
{
    private readonly FichesConnexionRenderer fiches = new();
    private readonly ListeComptesPdfRenderer listePdf = new();
    private readonly ListeComptesCsvRenderer listeCsv = new();
    private List<FicheCompte> deuxMille = [];
    private List<FicheCompte> centMille = [];

    [GlobalSetup]
    public void Preparer()
    {
        deuxMille = DonneesExemple.Fiches(2_000).ToList();
        centMille = DonneesExemple.Fiches(100_000).ToList();
    }

    [Benchmark(Description = "Courriers avec QR, 2 000")]
    public void Courriers() => fiches.Ecrire(ModeleFiche.Detaillee, DonneesExemple.Etablissement, deuxMille, Stream.Null);

    [Benchmark(Description = "Fiches 8 par page, 2 000")]
    public void Planches() => fiches.Ecrire(ModeleFiche.Simplifiee, DonneesExemple.Etablissement, deuxMille, Stream.Null);

    [Benchmark(Description = "Liste PDF, 2 000 lignes")]
    public void ListePdf2000() => listePdf.Ecrire(DonneesExemple.Etablissement, Profil.Eleve, deuxMille, Stream.Null);

    [Benchmark(Description = "Liste PDF, 100 000 lignes")]
    public void ListePdf100000() => listePdf.Ecrire(DonneesExemple.Etablissement, Profil.Eleve, centMille, Stream.Null);

    [Benchmark(Description = "Liste CSV, 100 000 lignes")]
    public Task ListeCsv100000() => listeCsv.EcrireAsync(DonneesExemple.Etablissement, Profil.Eleve, centMille, Stream.Null);
}
