using Credentials.Core.Data;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Portail;

/// <summary>
/// The usual arrange of a portal test: the app over a fresh database, the demo school, one pupil whose
/// sheet was just printed by the CLI, and a client that keeps cookies like a browser.
/// </summary>
internal sealed class ScenePortail : IAsyncDisposable
{
    private ScenePortail(ApplicationDeTest app, int etablissementId, CompteRemis remis)
    {
        App = app;
        EtablissementId = etablissementId;
        Remis = remis;
        Client = app.NouveauClient();
    }

    public ApplicationDeTest App { get; }

    public int EtablissementId { get; }

    /// <summary>The pupil, « Notifié et non activé » (or « Activé » after <see cref="ActiveAsync"/>).</summary>
    public CompteRemis Remis { get; }

    public HttpClient Client { get; }

    /// <param name="fournisseur">The database engine.</param>
    /// <param name="horloge">The clock; the real one unless given.</param>
    /// <param name="hacheur">The hasher; a cheap PBKDF2 (1,000 iterations) unless given.</param>
    /// <param name="services">More test services (a log capture…).</param>
    public static async Task<ScenePortail> NotifieAsync(
        FournisseurBase fournisseur = FournisseurBase.Sqlite,
        HorlogeDeTest? horloge = null,
        IHacheurSecrets? hacheur = null,
        Action<IServiceCollection>? services = null)
    {
        var app = await ApplicationDeTest.CreerAsync(fournisseur, null, s =>
        {
            PortailDeTest.Remplacer(s, horloge, hacheur ?? new HacheurPbkdf2(1_000));
            services?.Invoke(s);
        });
        var etablissement = (await app.CreerEtablissementAsync()).Etablissement;
        return new ScenePortail(app, etablissement.Id, await PortailDeTest.NotifierUnCompteAsync(app, etablissement.Id));
    }

    /// <summary>The same, after the pupil's first connection with <see cref="PortailDeTest.MotDePasseChoisi"/>.</summary>
    public static async Task<ScenePortail> ActiveAsync(
        FournisseurBase fournisseur = FournisseurBase.Sqlite,
        HorlogeDeTest? horloge = null,
        IHacheurSecrets? hacheur = null,
        Action<IServiceCollection>? services = null)
    {
        var scene = await NotifieAsync(fournisseur, horloge, hacheur, services);
        await PortailDeTest.ActiverAsync(scene.Client, scene.Remis);
        return scene;
    }

    public void Deconstruct(out ApplicationDeTest app, out CompteRemis remis, out HttpClient client) => (app, remis, client) = (App, Remis, Client);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
