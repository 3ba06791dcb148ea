using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Credentials.Core.Relances;

/// <summary>
/// Lance chaque heure (<c>Relances:Intervalle</c>) les relances dues de chaque établissement qui en a
/// réglé ; <c>Relances:Planifiees=false</c> l'arrête. Toutes les instances web peuvent le faire tourner : une
/// relance n'est écrite que si le compte n'a pas changé depuis sa lecture (<see cref="ServiceRelances"/>).
/// </summary>
public sealed class RelancesPlanifiees(IServiceScopeFactory scopes, TimeProvider horloge, IConfiguration configuration, ILogger<RelancesPlanifiees> logger) : BackgroundService
{
    /// <summary>L'auteur des campagnes et des entrées du journal des relances automatiques.</summary>
    public const string Auteur = "relances";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Relances:Planifiees", true))
        {
            return;
        }

        var intervalle = configuration.GetValue("Relances:Intervalle", TimeSpan.FromHours(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(intervalle, horloge, stoppingToken);
                await RelancerToutAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception erreur)
            {
                // The due reminders stay due: the next round sends them.
                logger.LogWarning(erreur, "Scheduled reminders failed");
            }
        }
    }

    private async Task RelancerToutAsync(CancellationToken ct)
    {
        List<int> etablissements;
        await using (var scope = scopes.CreateAsyncScope())
        {
            etablissements = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Etablissements
                .Where(e => e.Relances != null).Select(e => e.Id).ToListAsync(ct);
        }

        foreach (var id in etablissements)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ServiceRelances>().RelancerAsync(Portee.Cli(id) with { Auteur = Auteur }, simulation: false, ct);
            }
            catch (ErreurMetier erreur) when (erreur.Code == CodeErreur.Concurrence)
            {
                logger.LogInformation("Reminders of school {EtablissementId} were taken by another instance", id);
            }
        }
    }
}
