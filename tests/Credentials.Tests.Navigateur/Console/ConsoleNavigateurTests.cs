using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Console;

/// <summary>A director in Debian's Chromium: sign in, filter a class, select all, notify on paper, read the PDF.</summary>
public sealed class ConsoleNavigateurTests() : ConsoleAuNavigateur(120)
{
    [Fact]
    public async Task Une_directrice_notifie_une_classe_sur_papier_et_le_pdf_contient_les_mots_de_passe()
    {
        var page = await navigateur.NouvellePageAsync();

        await page.GotoAsync(serveur.Url("/eleves"));
        Assert.Contains("/compte/connexion", page.Url);
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-connexion");
        await new PageConnexion(page).EnvoyerAsync(Directrice);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/eleves$"));
        await Navigateur.VerifierAccessibiliteAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Classe(s)", Exact = true }).GetByLabel("6A", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreUrlAsync("**/eleves?*classes=6A*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-eleves");

        await new PageComptes(page).RenotifierTousLesResultatsAsync();
        await page.AttendreUrlAsync("**/eleves/preparer");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-confirmation");

        var telechargement = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et télécharger le PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", telechargement.SuggestedFilename);
        var chemin = await telechargement.PathAsync();
        var texte = await Poppler.TexteAsync(await File.ReadAllBytesAsync(chemin!));

        // The result page says what changed, and gives the same letters again (the first file may be lost).
        // The result page starts its own download: its load event may never come, its address does
        // (polled: WaitForURL would still wait for a load state).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/documents/\\d+$"));
        await page.GetByText(new System.Text.RegularExpressions.Regex("\\d+ comptes notifiés")).WaitForAsync();
        await page.ReloadAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-resultat-document");
        var encore = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Télécharger à nouveau" }).ClickAsync());
        Assert.Equal(texte, await Poppler.TexteAsync(await File.ReadAllBytesAsync((await encore.PathAsync())!)));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la recherche" }).IsVisibleAsync());

        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
            var eleves = await db.Comptes.Where(c => c.Classe!.Code == "6A" && !c.Bloque).ToListAsync();
            Assert.NotEmpty(eleves);
            Assert.All(eleves, e => Assert.NotEqual(EtatCompte.NonNotifie, e.Etat));
            foreach (var eleve in eleves.Where(e => e.Etat == EtatCompte.NotifieNonActive))
            {
                Assert.Contains(FormatSecret.PourAffichage(coffre.Dechiffrer(eleve.MotDePasseProvisoireChiffre!)), texte);
            }
        }

        await page.GotoAsync(serveur.Url("/eleves?classes=6A&etats=NotifieNonActive"));
        Assert.True(await page.GetByText("Notifié et non activé").CountAsync() > 1);

        await page.Locator("tbody a").First.ClickAsync();
        await page.AttendreUrlAsync(new System.Text.RegularExpressions.Regex("/eleves/\\d+$"));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-fiche-eleve");
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Historique du compte" }).IsVisibleAsync());

        foreach (var url in new[] { "/", "/journal", "/eleves?externes=true" })
        {
            await page.GotoAsync(serveur.Url(url));
            await Navigateur.VerifierAccessibiliteAsync(page);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Responsables", Exact = true }).ClickAsync();
        await page.AttendreUrlAsync("**/responsables");
        await page.GetByRole(AriaRole.Group, new() { Name = "Classe(s) des enfants" }).GetByLabel("6A", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreUrlAsync("**/responsables?*classes=6A*");
        Assert.True(await page.Locator("a.enfant").CountAsync() > 0, "no child shown next to the guardians");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-responsables");

        await page.GetByRole(AriaRole.Link, new() { Name = "Publipostage" }).ClickAsync();
        await page.AttendreUrlAsync("**/publipostage");
        await page.GetByLabel("Activation").SelectOptionAsync("non-actives");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreUrlAsync("**/publipostage?*activation=non-actives*");
        await page.GetByText("comptes sélectionnés au total").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-publipostage");

        await page.GetByRole(AriaRole.Link, new() { Name = "Statistiques" }).ClickAsync();
        await page.AttendreUrlAsync("**/statistiques");
        Assert.True(await page.Locator("svg polyline").CountAsync() == 1, "the activation chart is missing");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-statistiques");

        // Paramètres: the head's name typed here signs the next letters.
        await page.GetByRole(AriaRole.Link, new() { Name = "Paramètres" }).ClickAsync();
        await page.AttendreUrlAsync("**/parametres");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Chef d'établissement").FillAsync("Mme Claire Dubois, principale");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les paramètres" }).ClickAsync();
        await page.GetByText("Les paramètres de l'établissement sont enregistrés").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-parametres");
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            Assert.Equal("Mme Claire Dubois, principale", (await db.Etablissements.SingleAsync()).NomChef);
        }

        // Utilisateurs de la console: a teacher of 6A is added and gets a password shown once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs de la console" }).ClickAsync();
        await page.AttendreUrlAsync("**/parametres/utilisateurs");
        await page.GetByLabel("Adresse électronique").FillAsync("paul.martin@college.test");
        await page.GetByLabel("Nom affiché").FillAsync("M. Paul Martin");
        await page.GetByLabel("Rôle").SelectOptionAsync("Enseignant");
        await page.GetByLabel("6A", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'utilisateur" }).ClickAsync();
        await page.GetByText("il ne sera plus jamais affiché").WaitForAsync();
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", await page.Locator("code.secret").InnerTextAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-utilisateurs");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mon mot de passe" }).ClickAsync();
        await page.AttendreUrlAsync("**/compte/mot-de-passe");
        await Navigateur.VerifierAccessibiliteAsync(page);
    }
}
