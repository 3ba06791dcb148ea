using System.Net;
using Credentials.Core.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Infrastructure;

public sealed partial class ApplicationDeTest
{
    /// <summary>The address Kestrel listens on (only for an app started by <see cref="ServeurReel"/>).</summary>
    public Uri AdresseReelle =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    internal static async Task<ApplicationDeTest> DemarrerSurKestrelAsync(FournisseurBase fournisseur, Dictionary<string, string?>? reglages, Action<IServiceCollection>? services)
    {
        var baseDeTest = await BaseDeTest.CreerAsync(fournisseur);
        var application = new ApplicationDeTest(baseDeTest, reglages ?? [], services);
        application.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        application.StartServer();
        return application;
    }
}

/// <summary>
/// The real web app served by Kestrel on 127.0.0.1 and a free port, over a throwaway database: what a
/// browser test points Chromium at (<c>Navigateur</c>, in Credentials.Tests.Navigateur). <see cref="Application"/> arranges data.
/// </summary>
public sealed class ServeurReel : IAsyncDisposable
{
    private ServeurReel(ApplicationDeTest application)
    {
        Application = application;
        Adresse = application.AdresseReelle;
    }

    public ApplicationDeTest Application { get; }

    /// <summary>« http://127.0.0.1:port/ ».</summary>
    public Uri Adresse { get; }

    public static async Task<ServeurReel> DemarrerAsync(FournisseurBase fournisseur = FournisseurBase.Sqlite, Dictionary<string, string?>? reglages = null, Action<IServiceCollection>? services = null) =>
        new(await ApplicationDeTest.DemarrerSurKestrelAsync(fournisseur, reglages, services));

    /// <summary>An absolute URL on this server: <c>Url("portail/activation")</c>.</summary>
    public string Url(string chemin) => new Uri(Adresse, chemin.TrimStart('/')).ToString();

    public ValueTask DisposeAsync() => Application.DisposeAsync();
}
