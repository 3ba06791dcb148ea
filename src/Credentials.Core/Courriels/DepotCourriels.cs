using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Courriels;

/// <summary>
/// Le dossier Pickup : des .eml qui portent des mots de passe provisoires en clair. <see cref="Purger"/> efface ceux
/// qui ont dépassé <see cref="OptionsCourriels.PickupRetention"/> ; le travail de purge périodique l'appelle, le
/// démarrage aussi.
/// </summary>
public sealed class DepotCourriels(IOptions<OptionsCourriels> options, TimeProvider horloge, ILogger<DepotCourriels> logger)
{
    /// <summary>Efface les .eml plus vieux que la rétention ; renvoie combien.</summary>
    public int Purger()
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.PickupDirectory) || !Directory.Exists(o.PickupDirectory))
        {
            return 0;
        }

        var limite = horloge.GetUtcNow().UtcDateTime - o.PickupRetention;
        var effaces = 0;
        foreach (var fichier in new DirectoryInfo(o.PickupDirectory).EnumerateFiles("*.eml"))
        {
            if (fichier.LastWriteTimeUtc < limite)
            {
                fichier.Delete();
                effaces++;
            }
        }

        if (effaces > 0)
        {
            logger.LogInformation("Pickup purge removed {Fichiers} .eml files older than {Retention}", effaces, o.PickupRetention);
        }

        return effaces;
    }
}

/// <summary>Au démarrage : avertit si le transport Pickup est actif en Production, et purge le dossier.</summary>
public sealed class VerificationDepotCourriels(DepotCourriels depot, IOptions<OptionsCourriels> options, IHostEnvironment environnement, ILogger<VerificationDepotCourriels> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Transport == TransportCourriel.Pickup && environnement.IsProduction())
        {
            logger.LogWarning(
                "Mail:Transport is Pickup in Production: e-mails are not sent but written to {Dossier}, with clear-text provisional passwords (owner-only files, purged after {Retention}). Configure Mail:Transport=Smtp.",
                options.Value.PickupDirectory,
                options.Value.PickupRetention);
        }

        depot.Purger();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
