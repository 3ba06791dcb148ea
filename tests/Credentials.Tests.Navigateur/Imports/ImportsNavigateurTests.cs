using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Imports;

/// <summary>A secretary in Debian's Chromium: drop the SIECLE exports, read the preview, confirm, then create an account by hand.</summary>
public sealed class ImportsNavigateurTests : IAsyncLifetime
{
    private const string Secretaire = "secretaire@college.test";
    private ServeurReel serveur = null!;
    private Navigateur navigateur = null!;

    public async Task InitializeAsync()
    {
        serveur = await ServeurReel.DemarrerAsync();
        int etablissement;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var college = new Etablissement(Echantillons.Uai, "Collège Jean Moulin");
            college.DefinirAnneeScolaire(2025);
            db.Etablissements.Add(college);
            await db.SaveChangesAsync();
            etablissement = college.Id;
        }

        await serveur.Application.CreerAsync(Secretaire, RoleConsole.Secretaire, etablissement);
        navigateur = await Navigateur.LancerAsync();
    }

    public async Task DisposeAsync()
    {
        await navigateur.DisposeAsync();
        await serveur.DisposeAsync();
    }

    [Fact]
    public async Task Une_secretaire_importe_les_exports_SIECLE_puis_cree_un_compte_a_la_main()
    {
        var page = await navigateur.NouvellePageAsync();
        await page.GotoAsync(serveur.Url("/eleves"));
        await new PageConnexion(page).EnvoyerAsync(Secretaire);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/eleves$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Imports", Exact = true }).ClickAsync();
        await page.AttendreUrlAsync("**/imports");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-imports");

        await page.GetByLabel("Fichier des élèves (.xml ou .zip)").SetInputFilesAsync(Echantillons.Chemin("ElevesSansAdresses.xml"));
        await page.GetByLabel("Fichier des responsables (.xml ou .zip)").SetInputFilesAsync(Echantillons.Chemin("ResponsablesAvecAdresses.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu de l'import SIECLE" }).ClickAsync();
        await page.AttendreUrlAsync("**/imports/siecle");
        await page.GetByText("3 personnes ignorées : pourquoi").ClickAsync();
        Assert.True(await page.GetByRole(AriaRole.Cell, new() { Name = "Hugo PETIT" }).IsVisibleAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-imports-apercu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'import" }).ClickAsync();
        await page.AttendreUrlAsync(new System.Text.RegularExpressions.Regex("/imports/rapport/\\d+$"));
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "14 comptes créés" }).IsVisibleAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-imports-rapport");

        await page.GotoAsync(serveur.Url("/imports"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte à la main" }).ClickAsync();
        await page.GetByLabel("Prénom (obligatoire)").FillAsync("Zoé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        var resume = page.Locator(".resume-erreurs");
        await resume.WaitForAsync();
        Assert.True(await resume.EvaluateAsync<bool>("e => e === document.activeElement"), "the error summary takes focus");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-compte-manuel");

        await page.GetByRole(AriaRole.Link, new() { Name = "Le nom est obligatoire." }).ClickAsync();
        await page.GetByLabel("Nom (obligatoire)", new() { Exact = true }).FillAsync("GARNIER");
        await page.GetByLabel("Date de naissance").FillAsync("2014-05-02");
        await page.GetByLabel("Classe (élèves seulement)").SelectOptionAsync("6A");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await page.AttendreUrlAsync(new System.Text.RegularExpressions.Regex("/eleves/\\d+$"));
        Assert.True(await page.GetByText("Compte créé pour Zoé GARNIER (élève) : identifiant « zoe.garnier »").IsVisibleAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);

        await using var verification = serveur.Application.Portee();
        var db = verification.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.Equal(15, await db.Comptes.CountAsync());
        Assert.Equal(OrigineCompte.CreationManuelle, (await db.Comptes.SingleAsync(c => c.Identifiant == "zoe.garnier")).Origine);
    }
}
