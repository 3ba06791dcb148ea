using Microsoft.Playwright;

namespace Credentials.Tests.Pages;

/// <summary>
/// The families' portal, account activation by form: provisional password, chosen password, then the sign-in that
/// leads to « Mon compte ».
/// </summary>
public sealed class PagePortail(IPage page)
{
    public ILocator MotDePasseProvisoire => page.GetByLabel("Mot de passe provisoire");

    public ILocator NouveauMotDePasse => page.GetByLabel("Nouveau mot de passe", new() { Exact = true });

    public ILocator Confirmation => page.GetByLabel("Confirmez le nouveau mot de passe");

    public ILocator MotDePasse => page.GetByLabel("Mot de passe", new() { Exact = true });

    public ILocator Statut => page.GetByRole(AriaRole.Status);

    /// <summary>Types the provisional password and continues to the choice of a password.</summary>
    public async Task SaisirLeProvisoireAsync(string provisoire)
    {
        await MotDePasseProvisoire.FillAsync(provisoire);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Titre("Choisissez votre mot de passe").WaitForAsync();
    }

    /// <summary>Fills both fields of the choice of a password.</summary>
    public async Task ChoisirAsync(string motDePasse)
    {
        await NouveauMotDePasse.FillAsync(motDePasse);
        await Confirmation.FillAsync(motDePasse);
    }

    /// <summary>Activates the account; the portal's sign-in form follows.</summary>
    public async Task ActiverAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Titre("Se connecter").WaitForAsync();
    }

    /// <summary>Signs in with the chosen password (the identifiant is already filled) and waits for « Mon compte ».</summary>
    public async Task SeConnecterAsync(string motDePasse)
    {
        await MotDePasse.FillAsync(motDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Titre("Mon compte").WaitForAsync();
    }

    private ILocator Titre(string nom) => page.GetByRole(AriaRole.Heading, new() { Name = nom });
}
