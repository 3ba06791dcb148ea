using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Console;

/// <summary>
/// Finding one account and acting on it, in Debian's Chromium: the « Bloqué » filter (and the Statistiques counts
/// that lead to it), the actions of an account's page, and every console page on a 375 px phone.
/// </summary>
public sealed class CompteNavigateurTests() : ConsoleAuNavigateur(120)
{
    [Fact]
    public async Task Le_filtre_Bloque_ne_montre_que_les_comptes_bloques_et_les_statistiques_y_menent()
    {
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            foreach (var eleve in await db.Comptes.Where(c => c.Profil == Profil.Eleve && !c.Bloque).OrderBy(c => c.Id).Take(3).ToListAsync())
            {
                eleve.Bloquer("test", null, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        var bloques = await ElevesAsync(c => c.Bloque);
        var page = await ConnecterAsync();

        await page.GotoAsync(serveur.Url("/statistiques"));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{bloques.Count} comptes bloqués, Élèves$") }).ClickAsync();
        await page.AttendreUrlAsync("**/eleves?bloques=true");
        Assert.True(await page.GetByLabel("Bloqué", new() { Exact = true }).IsCheckedAsync());
        await page.GetByText($"{bloques.Count} élèves trouvés").WaitForAsync();
        var lignes = new PageComptes(page).Lignes;
        Assert.Equal(bloques.Count, await lignes.CountAsync());
        foreach (var ligne in await lignes.AllAsync())
        {
            Assert.Contains("Bloqué", await ligne.InnerTextAsync());
        }

        await Navigateur.VerifierAccessibiliteAsync(page);

        // Combined with a state: the blocked accounts in that state only.
        var etat = bloques[0].Etat;
        await page.GetByLabel(etat.Libelle(), new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreUrlAsync(new Regex("bloques=true"));
        Assert.Equal(bloques.Count(b => b.Etat == etat), await lignes.CountAsync());

        // And a search with no result: no actions on nothing, a way back.
        await page.GotoAsync(serveur.Url("/eleves?q=zzzzzz&bloques=true"));
        await page.GetByText("Aucun élève ne correspond à ces critères.").WaitForAsync();
        Assert.Equal(0, await new PageComptes(page).Renotifier.CountAsync());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "voyez tous les élèves" }).ClickAsync();
        await page.AttendreUrlAsync(new Regex("/eleves$"));
        Assert.Equal(50, await lignes.CountAsync());
    }

    [Fact]
    public async Task La_page_d_un_compte_porte_ses_actions_et_y_revient()
    {
        var eleve = (await ElevesAsync(c => c.Etat == EtatCompte.NotifieNonActive && !c.Bloque))[0];
        var page = await ConnecterAsync();
        await page.GotoAsync(serveur.Url($"/eleves/{eleve.Id}"));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-fiche-actions");

        // Block, then unblock: each through its confirmation, each back on the account's page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Bloquer", Exact = true }).ClickAsync();
        await page.AttendreUrlAsync("**/eleves/preparer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bloquer 1 compte" }).ClickAsync();
        await page.AttendreUrlAsync($"**/eleves/{eleve.Id}");
        await page.GetByText("1 compte bloqué.").WaitForAsync();
        Assert.True((await CompteAsync(eleve.Id)).Bloque);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Notifier à nouveau" }).CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Débloquer", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Débloquer 1 compte" }).ClickAsync();
        await page.AttendreUrlAsync($"**/eleves/{eleve.Id}");
        Assert.False((await CompteAsync(eleve.Id)).Bloque);

        // Notify again on paper: the PDF carries this pupil's password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifier à nouveau" }).ClickAsync();
        await page.AttendreUrlAsync("**/eleves/preparer");
        await page.GetByText("Vous allez (re)notifier 1 élève").WaitForAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et télécharger le PDF" }).ClickAsync());
        var texte = await Poppler.TexteAsync(await File.ReadAllBytesAsync((await pdf.PathAsync())!));
        Assert.Contains(await MotDePasseAsync(eleve.Id), texte);

        // Reset: back on the account's page, which offers the new sheet.
        await page.GotoAsync(serveur.Url($"/eleves/{eleve.Id}"));
        var ancien = await MotDePasseAsync(eleve.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Réinitialiser le mot de passe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Réinitialiser 1 mot de passe" }).ClickAsync();
        await page.AttendreUrlAsync($"**/eleves/{eleve.Id}");
        await page.GetByText("Le mot de passe de l'élève sélectionné a bien été réinitialisé.").WaitForAsync();
        var nouveau = await MotDePasseAsync(eleve.Id);
        Assert.NotEqual(ancien, nouveau);
        var fiche = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Télécharger les nouvelles fiches (PDF)" }).ClickAsync());
        Assert.Contains(nouveau, await Poppler.TexteAsync(await File.ReadAllBytesAsync((await fiche.PathAsync())!)));

        // An activated guardian with an address: renewal code and « Renvoyer par courriel ».
        long responsableId;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var responsable = await db.Comptes.FirstAsync(c => c.EtablissementId == etablissementId && c.Profil == Profil.Responsable && c.Etat == EtatCompte.Active && !c.Bloque);
            responsable.ModifierCourriel("parent.actif@exemple.test");
            await db.SaveChangesAsync();
            responsableId = responsable.Id;
        }

        await page.GotoAsync(serveur.Url($"/responsables/{responsableId}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Code de renouvellement" }).ClickAsync();
        await page.AttendreUrlAsync("**/responsables/preparer");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer le code" }).ClickAsync();
        await page.AttendreUrlAsync("**/responsables/codes");
        Assert.NotNull((await CompteAsync(responsableId)).CodeRenouvellementHash);
        await page.GotoAsync(serveur.Url($"/responsables/{responsableId}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Renvoyer par courriel" }).ClickAsync();
        await page.AttendreUrlAsync("**/responsables/preparer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et envoyer par courriel" }).ClickAsync();
        await page.AttendreUrlAsync(new Regex("/responsables/courriel\\?"));
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            Assert.True(await db.Set<Credentials.Core.Courriels.MessageSortant>().AnyAsync(m => m.CompteId == responsableId && m.Destinataire == "parent.actif@exemple.test"));
        }
    }

    /// <summary>Every console page at 375 px: nothing scrolls sideways, the header and tabs stay short, axe finds nothing.</summary>
    [Fact]
    public async Task Chaque_page_de_la_console_tient_sur_un_telephone_de_375_px()
    {
        var eleve = (await ElevesAsync(c => c.Etat == EtatCompte.Active))[0];
        long responsable;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            responsable = await db.Comptes.Where(c => c.EtablissementId == etablissementId && c.Profil == Profil.Responsable).Select(c => c.Id).FirstAsync();
        }

        var page = await ConnecterAsync(new ViewportSize { Width = 375, Height = 740 });
        await VerifierTelephoneAsync(page, "/compte/mot-de-passe");
        var pages = new[]
        {
            "/", "/eleves", "/eleves?classes=6A&etats=NonNotifie", "/eleves?q=zzzzzz", $"/eleves/{eleve.Id}", "/eleves?externes=true",
            "/responsables", $"/responsables/{responsable}", "/publipostage", "/envois", "/statistiques", "/imports",
            "/imports/guide-modele", "/comptes/nouveau", $"/comptes/{eleve.Id}/modifier", "/parametres", "/parametres/utilisateurs", "/journal",
        };
        foreach (var url in pages)
        {
            await VerifierTelephoneAsync(page, url);
        }

        await page.GotoAsync(serveur.Url("/eleves"));
        var entete = await page.Locator("header.entete").BoundingBoxAsync();
        Assert.True(entete!.Height <= 150, $"the header and tabs take {entete.Height} px of 740");
        await Navigateur.CaptureAsync(page, "console-eleves-telephone");

        // The confirmation page, then the e-mail result and its sending (half of the guardians have an address).
        await page.GotoAsync(serveur.Url("/responsables"));
        await new PageComptes(page).RenotifierTousLesResultatsAsync();
        await page.AttendreUrlAsync("**/responsables/preparer");
        await VerifierTelephoneAsync(page, null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et envoyer par courriel" }).ClickAsync();
        await page.AttendreUrlAsync(new Regex("/responsables/courriel\\?"));
        await VerifierTelephoneAsync(page, null);
        await page.GotoAsync(serveur.Url("/envois"));
        await page.Locator("main table a").First.ClickAsync();
        await page.AttendreUrlAsync(new Regex("/envois/\\d+"));
        await VerifierTelephoneAsync(page, null);

        await page.GotoAsync(serveur.Url("/statistiques"));
        await Navigateur.CaptureAsync(page, "console-statistiques-telephone");

        // At 1280 px the Responsables table fits: no column cut.
        var large = await ConnecterAsync(new ViewportSize { Width = 1280, Height = 800 });
        await large.GotoAsync(serveur.Url("/responsables"));
        var debordement = await large.Locator(".tableau-conteneur").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(debordement <= 0, $"the Responsables table overflows by {debordement} px at 1280 px");
    }

    private async Task VerifierTelephoneAsync(IPage page, string? url)
    {
        if (url is not null)
        {
            var reponse = await page.GotoAsync(serveur.Url(url));
            Assert.True(reponse!.Ok, $"{url}: {reponse.Status}");
        }

        var largeurs = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (largeurs[0] > largeurs[1])
        {
            // Name the culprits: elements sticking out of the page, outside the boxes that may scroll.
            var depassent = await page.EvaluateAsync<string[]>(
                "w => [...document.querySelectorAll('main *, header *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.tableau-conteneur, .onglets ul'))" +
                ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))",
                largeurs[1]);
            Assert.Fail($"{page.Url} scrolls sideways at 375 px: scrollWidth {largeurs[0]} > clientWidth {largeurs[1]}; {string.Join(", ", depassent)}");
        }

        await Navigateur.VerifierAccessibiliteAsync(page);
    }

    private async Task<List<Compte>> ElevesAsync(System.Linq.Expressions.Expression<Func<Compte, bool>> filtre)
    {
        await using var scope = serveur.Application.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var eleves = await db.Comptes.Where(c => c.EtablissementId == etablissementId && c.Profil == Profil.Eleve).Where(filtre).OrderBy(c => c.Id).ToListAsync();
        Assert.NotEmpty(eleves);
        return eleves;
    }

    private async Task<Compte> CompteAsync(long id)
    {
        await using var scope = serveur.Application.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.SingleAsync(c => c.Id == id);
    }

    private async Task<string> MotDePasseAsync(long id)
    {
        await using var scope = serveur.Application.Portee();
        var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
        return FormatSecret.PourAffichage(coffre.Dechiffrer((await CompteAsync(id)).MotDePasseProvisoireChiffre!));
    }
}
