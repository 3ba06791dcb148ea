using Credentials.Core.Documents;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.Playwright;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

/// <summary>What a pupil or a parent clicks through, in Debian's Chromium, with axe on every page.</summary>
public class PortailNavigateurTests
{
    [Fact]
    public async Task Le_lien_du_QR_code_mene_a_l_activation_puis_a_mon_compte()
    {
        await using var serveur = await ServeurReel.DemarrerAsync(services: s => Remplacer(s, null, new HacheurPbkdf2(1_000)));
        var etablissement = (await serveur.Application.CreerEtablissementAsync()).Etablissement;
        var remis = await NotifierUnCompteAsync(serveur.Application, etablissement.Id);
        await using var navigateur = await Navigateur.LancerAsync();
        var page = await navigateur.NouvellePageAsync(Navigateur.Telephone);

        await page.GotoAsync(LienPortail.Activation(serveur.Url("portail"), remis.Identifiant));
        Assert.Equal(remis.Identifiant, await page.GetByLabel("Identifiant").InputValueAsync());
        Assert.Equal("Première connexion – Portail des comptes", await page.TitleAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "portail-activation-telephone");

        var portail = new PagePortail(page);
        await portail.SaisirLeProvisoireAsync(CommeTape(remis.MotDePasse));
        await Navigateur.VerifierAccessibiliteAsync(page);

        await portail.NouveauMotDePasse.PressSequentiallyAsync("velo");
        Assert.Equal(1, await page.Locator("[data-regle].regle-ok").CountAsync()); // only "no identity" holds
        await portail.ChoisirAsync(MotDePasseChoisi);
        Assert.Equal(4, await page.Locator("[data-regle].regle-ok").CountAsync());
        Assert.Equal("\u00A0: respectée", await page.Locator("[data-regle=types] .etat-regle").TextContentAsync());
        await page.GetByLabel("Afficher les mots de passe en clair").CheckAsync();
        Assert.Equal("text", await portail.NouveauMotDePasse.GetAttributeAsync("type"));
        await page.GetByLabel("Adresse courriel (facultatif)").FillAsync("parent@exemple.fr");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "portail-choix-telephone");
        await portail.ActiverAsync();
        Assert.Contains("Votre compte est activé", await portail.Statut.TextContentAsync());
        Assert.Equal(remis.Identifiant, await page.GetByLabel("Identifiant").InputValueAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await portail.SeConnecterAsync(MotDePasseChoisi);
        Assert.Contains($"{remis.Prenom} {remis.Nom}", await page.Locator("dl.fiche").TextContentAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "portail-mon-compte-telephone");

        await page.SetViewportSizeAsync(Navigateur.Ecran.Width, Navigateur.Ecran.Height);
        await Navigateur.CaptureAsync(page, "portail-mon-compte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        Assert.Contains("Vous êtes déconnecté", await page.GetByRole(AriaRole.Status).TextContentAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "portail-accueil");

        await page.GotoAsync(LienPortail.Activation(serveur.Url("portail"), remis.Identifiant));
        await Navigateur.CaptureAsync(page, "portail-activation");
    }

    [Fact]
    public async Task Une_erreur_est_resumee_le_resume_prend_le_focus_et_mene_au_champ()
    {
        await using var serveur = await ServeurReel.DemarrerAsync(services: s => Remplacer(s, null, new HacheurPbkdf2(1_000)));
        await using var navigateur = await Navigateur.LancerAsync();
        var page = await navigateur.NouvellePageAsync(Navigateur.Telephone);

        await page.GotoAsync(serveur.Url("portail/connexion"));
        await page.GetByLabel("Identifiant").FillAsync("personne.inconnue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.Locator("#resume-erreurs").WaitForAsync();

        Assert.Equal("resume-erreurs", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.StartsWith("Erreur\u00A0: Se connecter", await page.TitleAsync());
        Assert.Equal("true", await page.GetByLabel("Mot de passe", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "portail-connexion-erreur-telephone");
        await page.GetByRole(AriaRole.Link, new() { Name = "Saisissez votre mot de passe." }).ClickAsync();
        Assert.Equal("MotDePasse", await page.EvaluateAsync<string>("document.activeElement.id"));

        foreach (var chemin in new[] { "portail", "portail/renouvellement" })
        {
            await page.GotoAsync(serveur.Url(chemin));
            await Navigateur.VerifierAccessibiliteAsync(page);
        }

        await page.GetByLabel("Identifiant").FillAsync("camille.martin");
        await page.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("Camille-Pluie-42");
        Assert.Equal(0, await page.Locator("[data-regle=identite].regle-ok").CountAsync());
    }
}
