using System.Diagnostics;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Benchmarks;

/// <summary>
/// Mesures rapides hors BenchmarkDotNet (<c>-- chrono</c>) : le meilleur de 5 passes de chaque rendu, et le pic de
/// mémoire du CSV et de la liste PDF quand les fiches arrivent en flux (10 000 puis 100 000 lignes).
/// </summary>
public static class Chrono
{
    public static void Mesurer()
    {
        var bench = new DocumentsBenchmarks();
        bench.Preparer();
        Une("QR codes seuls, 2 000", () =>
        {
            foreach (var fiche in DonneesExemple.Fiches(2_000))
            {
                Core.Documents.Pdf.QrVectoriel.Creer(LienPortail.Activation(DonneesExemple.Etablissement.PortailUrl, fiche.Identifiant));
            }
        });
        Une("Courriers avec QR, 2 000", bench.Courriers);
        Une("Fiches 8 par page, 2 000", bench.Planches);
        Une("Liste PDF, 2 000 lignes", bench.ListePdf2000);
        Une("Liste PDF, 100 000 lignes", bench.ListePdf100000);
        Une("Liste CSV, 100 000 lignes", () => bench.ListeCsv100000().GetAwaiter().GetResult());
    }

    /// <summary>Le tas géré au plus haut pendant un rendu dont les fiches sont produites à la volée.</summary>
    public static void Memoire(string rendu, int lignes)
    {
        var fiches = DonneesExemple.Fiches(lignes);
        using var suivi = new SuiviTas();
        if (rendu == "csv")
        {
            new ListeComptesCsvRenderer().EcrireAsync(DonneesExemple.Etablissement, Profil.Eleve, fiches, Stream.Null).GetAwaiter().GetResult();
        }
        else
        {
            new ListeComptesPdfRenderer().Ecrire(DonneesExemple.Etablissement, Profil.Eleve, fiches, Stream.Null);
        }

        Console.WriteLine($"{rendu} {lignes,7:N0} lignes : tas géré au plus haut {suivi.Pic / 1024.0 / 1024:F1} Mo");
    }

    /// <summary>Le meilleur de 5 passes après une passe de chauffe : la machine est partagée, le minimum est le plus stable.</summary>
    private static void Une(string nom, Action rendu)
    {
        rendu();
        var meilleur = TimeSpan.MaxValue;
        var meilleurCpu = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var processeur = Process.GetCurrentProcess().TotalProcessorTime;
            var chrono = Stopwatch.StartNew();
            rendu();
            meilleur = TimeSpan.FromTicks(Math.Min(meilleur.Ticks, chrono.Elapsed.Ticks));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - processeur;
            meilleurCpu = TimeSpan.FromTicks(Math.Min(meilleurCpu.Ticks, cpu.Ticks));
        }

        Console.WriteLine($"{nom,-28} {meilleur.TotalMilliseconds,6:F0} ms  (CPU {meilleurCpu.TotalMilliseconds,6:F0} ms)");
    }

    /// <summary>Relève la taille du tas géré toutes les 5 ms.</summary>
    private sealed class SuiviTas : IDisposable
    {
        private readonly CancellationTokenSource fin = new();
        private readonly Task releve;

        public SuiviTas()
        {
            GC.Collect();
            releve = Task.Run(async () =>
            {
                while (!fin.IsCancellationRequested)
                {
                    Pic = Math.Max(Pic, GC.GetTotalMemory(false));
                    await Task.Delay(5);
                }
            });
        }

        public long Pic { get; private set; }

        public void Dispose()
        {
            fin.Cancel();
            releve.Wait();
            fin.Dispose();
        }
    }
}
