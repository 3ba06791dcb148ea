using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Au démarrage, rend en arrière-plan quelques documents fictifs (courriers avec QR code, fiches 8 par page,
/// liste) : le premier « tout notifier » de la journée ne paie plus la compilation à la volée de PDFsharp,
/// de l'encodeur QR et de nos gabarits — sur 2 cœurs, 2 000 courriers passaient de 0,6 s à chaud à 2 s à froid.
/// Puis il prépare sans l'enregistrer la notification des élèves d'un établissement : la requête de sélection, le
/// suivi des modifications et les transitions sont compilés avant le premier « tout notifier » (le premier payait
/// la compilation de 4 500 méthodes, dont celles qu'EF Core génère).
/// Désactivable par <c>Documents:Prechauffer=false</c> (les tests d'intégration le font).
/// </summary>
public sealed class PrechauffageDocuments(IConfiguration configuration, IServiceScopeFactory scopes, ILogger<PrechauffageDocuments> logger) : BackgroundService
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

            chrono.Restart();
            if (await PreparerNotificationAsync(stoppingToken) is { } comptes)
            {
                logger.LogInformation("Notification path warmed up in {Duree} ms on {Comptes} accounts, nothing saved", chrono.ElapsedMilliseconds, comptes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DbException or ErreurMetier or CryptographicException)
        {
            // A warm-up only: the database briefly unreachable or an old key must not stop the instance.
            logger.LogWarning(ex, "Start-up warm-up of the notification path skipped");
        }
    }

    /// <summary>
    /// La notification de tous les élèves du premier établissement qui en a, préparée dans un contexte jeté sans
    /// enregistrement : aucun compte, aucune entrée du journal ne change. Null si la base n'a encore aucun élève.
    /// </summary>
    private async Task<int?> PreparerNotificationAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var etablissement = await db.Comptes.AsNoTracking().Where(c => c.Profil == Profil.Eleve).Select(c => (int?)c.EtablissementId).FirstOrDefaultAsync(ct);
        if (etablissement is not { } id)
        {
            return null;
        }

        var preparation = await scope.ServiceProvider.GetRequiredService<ServiceComptes>()
            .PreparerNotificationAsync(Portee.Cli(id), new DemandeNotification(new CriteresComptes()), ct);
        db.ChangeTracker.DetectChanges();
        return preparation.Fiches.Count;
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
