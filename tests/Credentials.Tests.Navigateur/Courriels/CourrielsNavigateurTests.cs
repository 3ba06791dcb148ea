using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Courriels;

/// <summary>What a secretary clicks through to send credentials by e-mail, in Debian's Chromium, with axe on every page.</summary>
public sealed class CourrielsNavigateurTests : IAsyncLifetime
{
    private const string Secretaire = "secretaire@galois.test";

    private ServeurReel serveur = null!;
    private Navigateur navigateur = null!;
    private IPage page = null!;

    /// <summary>The school of <see cref="EcoleDeTest"/>, its secretary signed in. The dispatcher is off: tests play it.</summary>
    public async Task InitializeAsync()
    {
        serveur = await ServeurReel.DemarrerAsync(reglages: new() { ["Mail:DispatcherEnabled"] = "false" });
        await using (var scope = serveur.Application.Portee())
        {
            var ecole = await EcoleDeTest.CreerAsync(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
            await serveur.Application.CreerAsync(Secretaire, RoleConsole.Secretaire, ecole.Etablissement.Id);
        }

        navigateur = await Navigateur.LancerAsync();
        page = await navigateur.NouvellePageAsync();
        await (await PageConnexion.OuvrirAsync(page, serveur)).EnvoyerAsync(Secretaire);
        await Assertions.Expect(page).ToHaveURLAsync(serveur.Url("/"));
    }

    public async Task DisposeAsync()
    {
        await navigateur.DisposeAsync();
        await serveur.DisposeAsync();
    }

    [Fact]
    public async Task Notifier_par_courriel_puis_suivre_l_envoi_qui_avance_sans_recharger_la_page()
    {
        await page.GotoAsync(serveur.Url("eleves?classes=6A"));
        await page.GetByLabel("Sélectionner les élèves de cette page").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "(Re)notifier" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "(Re)notifier les comptes" }).WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-notifier-canal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et envoyer par courriel" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Notification par courriel" }).WaitForAsync();
        Assert.Contains("2 courriels mis en file", await page.Locator("main").TextContentAsync());
        Assert.Equal(3, await page.Locator("table tbody tr").CountAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-notifier-courriel");

        await page.GetByRole(AriaRole.Link, new() { Name = "Suivre cet envoi dans l'onglet Envois" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Notification de 2 élèves (6A)" }).WaitForAsync();
        Assert.Equal("0 / 2 courriels envoyés — 2 en attente.", await page.Locator("[data-progression-texte]").TextContentAsync());
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new() { Name = "Envois", Exact = true }).GetAttributeAsync("aria-current"));
        await Navigateur.CaptureAsync(page, "console-envoi");

        // Playing the dispatcher: envois.js re-reads the progress every 2 s, without reloading the page, until the campaign is done.
        await using (var scope = serveur.Application.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<MessageSortant>()
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Statut, StatutMessage.Envoye));
        }

        await page.Locator("[data-progression-texte]").Filter(new() { HasText = "2 / 2 courriels envoyés — envoi terminé." }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(2, await page.Locator("progress").EvaluateAsync<int>("p => p.value"));
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GotoAsync(serveur.Url("envois"));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-envois");
    }

    [Fact]
    public async Task Envoyer_aux_familles_de_la_confirmation_au_pdf_des_familles_sans_adresse()
    {
        await page.GotoAsync(serveur.Url("eleves"));
        await page.GetByLabel("Sélectionner les 6 résultats").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer aux familles" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Envoyer aux familles" }).WaitForAsync();
        Assert.Contains("6 élèves", await page.Locator("main").TextContentAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-familles-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'envoi aux familles" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Envoi aux familles" }).WaitForAsync();
        Assert.Contains("0 / 3 courriels envoyés", await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "courriels envoyés" }).TextContentAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-familles-bilan");
        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Courriers des familles sans adresse (PDF)" }).ClickAsync());
        Assert.StartsWith("courriers-familles-sans-adresse_", telechargement.SuggestedFilename);
        Assert.Equal(6, await Poppler.PagesAsync(await File.ReadAllBytesAsync(await telechargement.PathAsync())));
    }
}
