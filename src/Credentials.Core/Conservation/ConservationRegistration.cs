using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Conservation;

public static class ConservationRegistration
{
    /// <summary>Les durées de conservation, la purge et les données d'une personne (web et CLI).</summary>
    public static IServiceCollection AddConservation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OptionsConservation>(configuration.GetSection(OptionsConservation.Section));
        services.AddScoped<ServicePurge>();
        services.AddScoped<ServiceDonneesPersonnelles>();
        services.AddSingleton<PurgeDepotsImport>();
        services.AddSingleton<IPurgeComplementaire>(s => s.GetRequiredService<PurgeDepotsImport>());
        return services;
    }
}

/// <summary>
/// La purge qui tourne seule dans l'application web : toutes les heures, elle purge chaque établissement dont la
/// dernière purge (lue au journal, sous le verrou) date de plus d'une demi-période. Plusieurs instances peuvent
/// tourner : le verrou les met en file, et la seconde trouve la purge faite.
/// </summary>
public sealed class PurgeAutomatique(IServiceScopeFactory scopes, IOptions<OptionsConservation> options, ILogger<PurgeAutomatique> logger) : BackgroundService
{
    /// <summary>Auteur inscrit au journal.</summary>
    public const string Auteur = "purge automatique";

    private static readonly TimeSpan Attente = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Automatique)
        {
            return;
        }

        var battement = options.Value.Periode < TimeSpan.FromHours(1) ? options.Value.Periode : TimeSpan.FromHours(1);
        try
        {
            // Start-up belongs to migrations and warm-up; the purge can wait a little.
            await Task.Delay(Attente, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await PasserAsync(stoppingToken);
                await Task.Delay(battement, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Un passage : purge les établissements dont c'est le tour ; une erreur est journalisée, le passage suivant réessaie.</summary>
    public async Task PasserAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ServicePurge>().PurgerAsync(null, simulation: false, Auteur, seulementSiDue: true, ct);
        }
        catch (Exception erreur) when (erreur is not OperationCanceledException)
        {
            logger.LogWarning(erreur, "Retention purge failed; the next pass tries again");
        }
    }
}
