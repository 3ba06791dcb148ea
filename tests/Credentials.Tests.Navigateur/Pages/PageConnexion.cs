using System.Text.RegularExpressions;
using Credentials.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Credentials.Tests.Pages;

/// <summary>The console's sign-in form (<c>/compte/connexion</c>), where every unauthenticated console page leads.</summary>
public sealed partial class PageConnexion(IPage page)
{
    public const string Chemin = "/compte/connexion";

    public ILocator Courriel => page.GetByLabel("Adresse électronique");

    public ILocator MotDePasse => page.GetByLabel("Mot de passe");

    public ILocator SeConnecter => page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" });

    /// <summary>Opens the form on <paramref name="serveur"/>.</summary>
    public static async Task<PageConnexion> OuvrirAsync(IPage page, ServeurReel serveur)
    {
        await page.GotoAsync(serveur.Url(Chemin));
        return new PageConnexion(page);
    }

    /// <summary>Fills the form and submits it, without waiting for where it leads.</summary>
    public async Task EnvoyerAsync(string courriel, string motDePasse = UtilisateursDeTest.MotDePasse)
    {
        await Courriel.FillAsync(courriel);
        await MotDePasse.FillAsync(motDePasse);
        await SeConnecter.ClickAsync();
    }

    /// <summary>
    /// Signs in and waits until the browser has left the form. Polls the address only: WaitForURL would also wait for a
    /// load event, which a busy Chromium has been seen to miss.
    /// </summary>
    public async Task ConnecterAsync(string courriel, string motDePasse = UtilisateursDeTest.MotDePasse)
    {
        await EnvoyerAsync(courriel, motDePasse);
        await Assertions.Expect(page).Not.ToHaveURLAsync(SurLeFormulaire());
    }

    [GeneratedRegex("/compte/connexion")]
    private static partial Regex SurLeFormulaire();
}
