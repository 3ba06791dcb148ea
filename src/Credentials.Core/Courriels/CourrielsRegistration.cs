using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credentials.Core.Courriels;

public static class CourrielsRegistration
{
    /// <summary>
    /// La boîte d'envoi, ses services (<see cref="ServiceCourriels"/>, <see cref="SuiviEnvois"/>) et
    /// l'expéditeur en arrière-plan (<see cref="ExpeditionCourriels"/>, démarré par l'hôte web) avec le
    /// rendu des pièces jointes (<see cref="RenduPiecesJointesFiches"/>, sauf si un autre est enregistré).
    /// La CLI ne démarre pas d'hôte : elle met en file (<see cref="AddFileCourriels"/>), le web envoie.
    /// Requiert AddCredentialsCore et ServiceComptes.
    /// </summary>
    public static IServiceCollection AddCourriels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFileCourriels(configuration);
        services.AddSingleton<FabriqueTransports>();
        services.TryAddScoped<IRenduPiecesJointes, RenduPiecesJointesFiches>();
        services.AddHostedService<ExpeditionCourriels>();
        services.AddHostedService<VerificationDepotCourriels>();
        services.AddHostedService<Relances.RelancesPlanifiees>();
        return services;
    }

    /// <summary>
    /// De quoi mettre des courriels en file et suivre les envois, sans expéditeur : la CLI met en file,
    /// les instances web envoient. Requiert AddCredentialsCore et ServiceComptes.
    /// </summary>
    /// <summary>Le refus de démarrer quand le bail ne laisse pas le temps d'envoyer (lu par l'exploitant dans le journal de démarrage).</summary>
    public const string MessageBailTropCourt =
        "Configuration des courriels invalide : Mail:Lease (durée du bail d'un lot) doit valoir au moins deux fois Mail:Smtp:Timeout " +
        "(délai d'attente du serveur SMTP), sinon chaque lot est réservé puis rendu sans qu'aucun courriel ne parte. " +
        "Allongez Mail:Lease (5 minutes par défaut) ou raccourcissez Mail:Smtp:Timeout (30 secondes par défaut).";

    public static IServiceCollection AddFileCourriels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OptionsCourriels>()
            .Bind(configuration.GetSection(OptionsCourriels.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.PickupDirectory))
                {
                    o.PickupDirectory = Path.Combine(DossierDonnees.Resoudre(configuration), "mail-pickup");
                }

                o.PickupDirectory = Path.GetFullPath(o.PickupDirectory);
                if (!string.IsNullOrWhiteSpace(configuration["Portail:Url"]))
                {
                    o.PortailUrl = configuration["Portail:Url"]!;
                }
            })
            .Validate(o => o.Workers >= 1 && o.BatchSize >= 1 && o.RatePerSecond >= 0, "Mail:Workers and Mail:BatchSize must be at least 1, Mail:RatePerSecond at least 0.")
            .Validate(o => AdresseCourriel.Normaliser(o.From) is not null, "Mail:From must be a plain e-mail address (name@domain.tld).")
            .Validate(o => o.Transport != TransportCourriel.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Mail:Smtp:Host is required when Mail:Transport is Smtp.")
            // A worker stops sending once the next message could outlive its lease (now + Timeout ≥ lease end):
            // with Lease ≤ Timeout every batch was claimed and handed back unsent, silently, forever.
            .Validate(o => o.Lease >= 2 * o.Smtp.Timeout, MessageBailTropCourt)
            .ValidateOnStart();
        services.AddSingleton<ReveilExpedition>();
        services.AddSingleton<DepotCourriels>();
        services.AddScoped<ServiceCourriels>();
        services.AddScoped<SuiviEnvois>();
        services.AddScoped<Relances.ServiceRelances>();
        services.AddScoped<Relances.ReglagesEnvois>();
        return services;
    }
}
