using System.Text.RegularExpressions;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Credentials.Tests.Portail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Familles;

/// <summary>
/// In Debian's Chromium: a director sets reminders in link mode, a family that activated meanwhile is not reminded,
/// the wave goes to exactly the right accounts, and a reminded parent's link activates the account once.
/// </summary>
public sealed class RelancesNavigateurTests() : ConsoleAuNavigateur(60)
{
    [Fact]
    public async Task Une_vague_de_relances_ne_part_qu_aux_bons_comptes_et_son_lien_active_le_compte_une_seule_fois()
    {
        var page = await ConnecterAsync();
        await page.GotoAsync(serveur.Url("/parametres/relances"));
        await page.GetByLabel("Un lien d'activation à usage unique").CheckAsync();
        await page.GetByLabel("Relances des responsables (jours après la notification)").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByText("Les réglages des courriels et des relances sont enregistrés.").WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The seeded guardians were notified 12 to 30 days ago. One of them activates before the wave.
        var attendus = await ResponsablesARelancerAsync();
        Assert.True(attendus.Count > 2, "The scene needs guardians to remind.");
        var active = attendus[0];
        using (var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = serveur.Adresse })
        {
            await PortailDeTest.ActiverAsync(client, await RemisAsync(active));
        }

        attendus = await ResponsablesARelancerAsync();
        Assert.DoesNotContain(active, attendus);

        await page.GotoAsync(serveur.Url("/relances"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer maintenant les relances dues par courriel" }).ClickAsync();
        var message = await page.GetByRole(AriaRole.Status).First.TextContentAsync();
        Assert.Contains($"{attendus.Count} comptes relancés", message);
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-relances");

        string texte;
        long relance;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var campagne = await db.Set<Campagne>().AsNoTracking().SingleAsync(c => c.Type == TypeCampagne.Relance);
            var comptes = await db.Set<MessageCompte>().AsNoTracking().Where(m => m.Message.CampagneId == campagne.Id).Select(m => m.CompteId).ToListAsync();
            Assert.Equal(attendus.Order(), comptes.Order());
            var premier = await db.Set<MessageSortant>().AsNoTracking().Where(m => m.CampagneId == campagne.Id).OrderBy(m => m.Id).FirstAsync();
            texte = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>().Dechiffrer(premier.CorpsTexte);
            relance = premier.CompteId!.Value;
            var provisoire = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>().Dechiffrer((await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == relance)).MotDePasseProvisoireChiffre!);
            Assert.DoesNotContain(FormatSecret.PourAffichage(provisoire), texte);
        }

        var jeton = Regex.Match(texte, @"/portail/lien/([A-Za-z0-9_-]{43})\b").Groups[1].Value;
        Assert.Equal(43, jeton.Length);
        var famille = await navigateur.NouvellePageAsync(Navigateur.Telephone);
        await famille.GotoAsync(serveur.Url($"/portail/lien/{jeton}"));
        await Navigateur.VerifierAccessibiliteAsync(famille);
        await famille.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(PortailDeTest.MotDePasseChoisi);
        await famille.GetByLabel("Confirmez le mot de passe").FillAsync(PortailDeTest.MotDePasseChoisi);
        var portail = new PagePortail(famille);
        await portail.ActiverAsync();
        Assert.Contains("Votre compte est activé", await portail.Statut.TextContentAsync());
        Assert.Equal(EtatCompte.Active, (await PortailDeTest.CompteAsync(serveur.Application, relance)).Etat);

        await famille.GotoAsync(serveur.Url($"/portail/lien/{jeton}"));
        await famille.GetByRole(AriaRole.Heading, new() { Name = "Ce lien ne fonctionne plus" }).WaitForAsync();
        await Navigateur.VerifierAccessibiliteAsync(famille);

        // The activation stops further reminders, and Statistiques counts it after the wave.
        Assert.DoesNotContain(relance, await ResponsablesARelancerAsync());
        await page.GotoAsync(serveur.Url("/statistiques"));
        var ligne = page.Locator("#relances ~ .tableau-conteneur tbody tr").First;
        Assert.Equal([attendus.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"], (await ligne.Locator("td.nombre").AllTextContentsAsync()).Select(t => t.Trim()));
    }

    /// <summary>The guardians a reminder is due for: notified, not activated, neither blocked nor left, with an address.</summary>
    private async Task<List<long>> ResponsablesARelancerAsync()
    {
        await using var scope = serveur.Application.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var candidats = await db.Comptes.AsNoTracking()
            .Where(c => c.EtablissementId == etablissementId && c.Profil == Profil.Responsable && c.Etat == EtatCompte.NotifieNonActive && !c.Bloque && c.DateSortie == null && c.Relances == 0)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Courriel })
            .ToListAsync();
        return candidats.Where(c => AdresseCourriel.Normaliser(c.Courriel) is not null).Select(c => c.Id).ToList();
    }

    private async Task<CompteRemis> RemisAsync(long id)
    {
        await using var scope = serveur.Application.Portee();
        var compte = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.AsNoTracking().SingleAsync(c => c.Id == id);
        var provisoire = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>().Dechiffrer(compte.MotDePasseProvisoireChiffre!);
        return new CompteRemis(id, compte.Identifiant, provisoire, compte.Prenom, compte.Nom);
    }
}
