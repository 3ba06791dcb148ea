using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Core.Imports;

public static class ImportsRegistration
{
    /// <summary>Les lecteurs (SIECLE, ONDE, tableur), le service d'import et la saisie manuelle ; réglages dans « Imports ».</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new OptionsImport();
        configuration.GetSection(OptionsImport.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<LecteurSiecle>();
        services.AddSingleton<LecteurOnde>();
        services.AddSingleton<LecteurTableur>();
        services.AddScoped<ServiceImport>();
        services.AddScoped<ServiceCompteManuel>();
        services.AddScoped<LectureRapportImport>();
        return services;
    }
}
