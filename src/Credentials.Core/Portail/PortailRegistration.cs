using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Credentials.Core.Portail;

public static class PortailRegistration
{
    /// <summary>Le service du portail, ses limites et ses options (section « Portail »).</summary>
    public static IServiceCollection AddPortail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OptionsPortail>(configuration.GetSection(OptionsPortail.Section));
        services.AddSingleton<SecretLeurre>();
        services.AddSingleton<JetonsActivation>();
        services.AddScoped<LimiteurPortail>();
        services.AddScoped<ServicePortail>();
        services.AddScoped<LiensPortail>();
        services.AddHostedService<PurgeLimitesPortail>();
        return services;
    }
}

/// <summary>Efface chaque heure les compteurs d'échecs périmés (un essai par identifiant inventé en crée un).</summary>
public sealed class PurgeLimitesPortail(IServiceScopeFactory scopes, TimeProvider horloge, ILogger<PurgeLimitesPortail> logger) : BackgroundService
{
    private static readonly TimeSpan Periode = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Periode, horloge, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var effaces = await scope.ServiceProvider.GetRequiredService<LimiteurPortail>().PurgerAsync(stoppingToken);
                if (effaces > 0)
                {
                    logger.LogInformation("Portal limiter purge removed {Lignes} stale counters", effaces);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception erreur)
            {
                // A failed purge only leaves stale rows behind; the next hour tries again.
                logger.LogWarning(erreur, "Portal limiter purge failed");
            }
        }
    }
}
