using Credentials.Core.Domain;
using Credentials.Tests.Pages;
using Microsoft.Playwright;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// The browser tests' usual scene: the real app on Kestrel, a demo school of <paramref name="eleves"/> pupils, its
/// director, and Debian's Chromium.
/// </summary>
public abstract class ConsoleAuNavigateur(int eleves) : IAsyncLifetime
{
    protected const string Directrice = "directrice@college.test";

    protected ServeurReel serveur = null!;
    protected Navigateur navigateur = null!;
    protected int etablissementId;

    public async Task InitializeAsync()
    {
        serveur = await ServeurReel.DemarrerAsync();
        var bilan = await serveur.Application.CreerEtablissementAsync("0999999Z", eleves);
        etablissementId = bilan.Etablissement.Id;
        await serveur.Application.CreerAsync(Directrice, RoleConsole.Directeur, etablissementId);
        navigateur = await Navigateur.LancerAsync();
    }

    public async Task DisposeAsync()
    {
        await navigateur.DisposeAsync();
        await serveur.DisposeAsync();
    }

    /// <summary>A new page (own cookies) signed in as the director through the sign-in form.</summary>
    protected async Task<IPage> ConnecterAsync(ViewportSize? taille = null)
    {
        var page = await navigateur.NouvellePageAsync(taille);
        await (await PageConnexion.OuvrirAsync(page, serveur)).ConnecterAsync(Directrice);
        return page;
    }
}
