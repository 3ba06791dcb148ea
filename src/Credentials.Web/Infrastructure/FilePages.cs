using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Credentials.Core.Exploitation;
using Microsoft.Extensions.Options;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Marque une page de consultation (recherche, fiche, accueil, statistiques, journal, envois) : elle passe par la
/// <see cref="FilePages"/> de l'instance.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class EnFileAttribute : Attribute;

/// <summary>Les réglages de la file des pages (section <c>Exploitation</c>).</summary>
public sealed class OptionsFilePages
{
    public const string Section = "Exploitation";

    /// <summary>Les pages servies à la fois par l'instance ; par défaut le nombre de cœurs plus un.</summary>
    public int PagesSimultanees { get; set; } = Environment.ProcessorCount + 1;

    /// <summary>Les pages qui attendent leur tour ; au-delà, « réessayez dans une minute » (429).</summary>
    public int PagesEnAttente { get; set; } = 1000;
}

/// <summary>
/// La file d'attente des pages de consultation : une instance en sert au plus <c>Exploitation:PagesSimultanees</c> à
/// la fois, les suivantes attendent leur tour dans l'ordre d'arrivée. Au-delà de <c>Exploitation:PagesEnAttente</c>
/// pages en attente, la page répond 429 : « patientez une minute puis réessayez », jamais une erreur du serveur.
/// </summary>
/// <remarks>
/// Servies toutes à la fois, les pages se partagent les cœurs et finissent toutes tard : seize recherches sur deux
/// cœurs, deux instances et PostgreSQL, la plus lente sur vingt prenait 2,2 fois la médiane ; servies à tour de rôle,
/// 1,8 fois, au même débit (docs/performance.md, session 14). La file borne aussi les connexions à la base qu'une
/// rafale de pages demande. Les opérations longues (lettres, listes, imports, exports, téléchargements) n'y passent
/// pas : trois d'entre elles y retiendraient toutes les recherches derrière elles. Le portail a sa propre file, par
/// adresse.
/// </remarks>
public sealed class FilePages : IDisposable
{
    private readonly Meter meter;
    private readonly Counter<long> refus;

    public FilePages(IOptions<OptionsFilePages> options, IMeterFactory meters)
    {
        var reglages = options.Value;
        Limiteur = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = reglages.PagesSimultanees,
            QueueLimit = reglages.PagesEnAttente,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        meter = meters.Create(Metriques.Nom);
        meter.CreateObservableGauge("credentials.pages.en_attente", () => Limiteur.GetStatistics()?.CurrentQueuedCount ?? 0, "{page}", "Console pages waiting for their turn.");
        refus = meter.CreateCounter<long>("credentials.pages.refusees", "{page}", "Console pages answered 429 because the queue was full.");
    }

    /// <summary>Les places de l'instance (les tests en prennent une pour remplir la file).</summary>
    public ConcurrencyLimiter Limiteur { get; }

    public Task ServirAsync(HttpContext contexte, RequestDelegate suivant) =>
        contexte.GetEndpoint()?.Metadata.GetMetadata<EnFileAttribute>() is null ? suivant(contexte) : ServirATourDeRoleAsync(contexte, suivant);

    private async Task ServirATourDeRoleAsync(HttpContext contexte, RequestDelegate suivant)
    {
        // A client who gives up while waiting leaves the queue (AbandonParLeClient notes it 499).
        using var place = await Limiteur.AcquireAsync(1, contexte.RequestAborted);
        if (!place.IsAcquired)
        {
            refus.Add(1);
            contexte.Response.Headers.RetryAfter = "60";
            contexte.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await suivant(contexte);
    }

    public void Dispose()
    {
        Limiteur.Dispose();
        meter.Dispose();
    }
}

public static class FilePagesRegistration
{
    public const string MessageInvalide =
        "Configuration invalide : Exploitation:PagesSimultanees (pages servies à la fois par l'instance) doit valoir au moins 1 " +
        "et Exploitation:PagesEnAttente (pages qui attendent leur tour) au moins 0.";

    public static IServiceCollection AddFilePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OptionsFilePages>()
            .Bind(configuration.GetSection(OptionsFilePages.Section))
            .Validate(o => o.PagesSimultanees >= 1 && o.PagesEnAttente >= 0, MessageInvalide)
            .ValidateOnStart();
        services.AddSingleton<FilePages>();
        return services;
    }

    /// <summary>Après UseRouting (la page est connue), avant l'authentification (la session se lit en base) : tout le travail de la page passe par la file.</summary>
    public static void UseFilePages(this IApplicationBuilder app)
    {
        var file = app.ApplicationServices.GetRequiredService<FilePages>();
        app.Use(suivant => contexte => file.ServirAsync(contexte, suivant));
    }
}
