using System.Diagnostics;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Au démarrage, rend en arrière-plan quelques documents fictifs (courriers avec QR code, fiches 8 par page,
/// liste) : le premier « tout notifier » de la journée ne paie plus la compilation à la volée de PDFsharp,
/// de l'encodeur QR et de nos gabarits — sur 2 cœurs, 2 000 courriers passaient de 0,6 s à chaud à 2 s à froid.
/// Désactivable par <c>Documents:Prechauffer=false</c> (les tests d'intégration le font).
/// </summary>
public sealed class PrechauffageDocuments(IConfiguration configuration, ILogger<PrechauffageDocuments> logger) : BackgroundService
{
    /// <summary>Assez d'appels pour que le runtime recompile les méthodes chaudes en code optimisé (30 appels, puis 100 ms de calme).</summary>
    private const int Passes = 4;

    private const int FichesParPasse = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Documents:Prechauffer", true))
        {
            return;
        }

        try
        {
            // After start-up work, so the first pages are not slowed by it.
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            var chrono = Stopwatch.StartNew();
            var octets = await RendreAsync(stoppingToken);
            logger.LogInformation("Document renderers warmed up in {Duree} ms ({Octets} bytes of sample PDFs)", chrono.ElapsedMilliseconds, octets);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Rend les documents fictifs, passe après passe ; renvoie le nombre d'octets produits.</summary>
    public static async Task<long> RendreAsync(CancellationToken ct = default)
    {
        var entete = new EnTeteEtablissement("0000000A", "Établissement fictif", "Orléans", "Mme Exemple", "https://portail.exemple.invalid", null, null);
        var jour = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        var fiches = Enumerable.Range(1, FichesParPasse)
            .Select(i => FicheCompte.Exemple(Profil.Eleve, $"Prénom{i}", $"Nom{i}", i % 3 == 0 ? EtatCompte.Active : EtatCompte.NotifieNonActive, "6A", jour))
            .ToList();
        long octets = 0;
        for (var passe = 0; passe < Passes; passe++)
        {
            foreach (var modele in new[] { ModeleFiche.Detaillee, ModeleFiche.Simplifiee })
            {
                using var sortie = new MemoryStream();
                await new FichesConnexionRenderer().EcrireAsync(modele, entete, fiches.ToAsyncEnumerable(), sortie, ct);
                octets += sortie.Length;
            }

            using (var liste = new MemoryStream())
            {
                await new ListeComptesPdfRenderer().EcrireAsync(entete, Profil.Eleve, fiches.ToAsyncEnumerable(), liste, ct);
                octets += liste.Length;
            }

            // Methods called 30 times are recompiled in the background once calls have been quiet for 100 ms.
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        return octets;
    }
}
