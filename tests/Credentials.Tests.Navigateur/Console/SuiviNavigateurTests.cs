using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Credentials.Tests.Console;

/// <summary>
/// The console as staff use it, in Debian's Chromium: a publipostage that asks before acting, a guardian's letter
/// that names the child, a Journal whose action filter holds, and a form that expired.
/// </summary>
public sealed class SuiviNavigateurTests() : ConsoleAuNavigateur(60)
{
    [Fact]
    public async Task Le_publipostage_demande_confirmation_puis_le_journal_le_retrouve_par_son_action()
    {
        var page = await ConnecterAsync();
        await page.GotoAsync(serveur.Url("/publipostage"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer en PDF…" }).ClickAsync();
        await page.AttendreUrlAsync("**/publipostage/confirmer");
        Assert.Equal(0, await JournalAsync(ActionJournal.Notification));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-publipostage-confirmation");
        Assert.True(await page.GetByRole(AriaRole.Table, new() { Name = "Comptes touchés, par profil et par état" }).IsVisibleAsync());

        var bouton = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Générer \d+ courriers?$") });
        var annonce = int.Parse(Regex.Match(await bouton.TextContentAsync() ?? "", @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        var telechargement = await page.RunAndWaitForDownloadAsync(() => bouton.ClickAsync());
        Assert.Equal(annonce, await Poppler.PagesAsync(await File.ReadAllBytesAsync((await telechargement.PathAsync())!)));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/documents/\\d+$"));
        Assert.Equal(1, await JournalAsync(ActionJournal.Publipostage));

        // The Journal's action filter: only those entries, and the select keeps its choice.
        await page.GotoAsync(serveur.Url("/journal"));
        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Value = nameof(ActionJournal.Publipostage) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.AttendreUrlAsync("**/journal?*action=Publipostage*");
        Assert.Equal(nameof(ActionJournal.Publipostage), await page.GetByLabel("Action").InputValueAsync());
        var actions = await page.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.Equal([ActionJournal.Publipostage.Libelle()], actions.Select(a => a.Trim()).Distinct());
        Assert.Equal("1 entrée — page 1 sur 1", (await page.Locator("caption").TextContentAsync())?.Trim());
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-journal-filtre");
    }

    [Fact]
    public async Task La_lettre_d_un_responsable_nomme_son_enfant_et_sa_classe()
    {
        long responsable;
        string nomResponsable, enfant, classe;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var lien = await db.Responsabilites.AsNoTracking()
                .Where(r => r.Responsable.EtablissementId == etablissementId && !r.Responsable.Bloque && r.Responsable.Enfants.Count == 1 && r.Eleve.Classe != null)
                .OrderBy(r => r.ResponsableId)
                .Select(r => new { r.ResponsableId, r.Responsable.Nom, r.Responsable.Prenom, Enfant = r.Eleve.Prenom + " " + r.Eleve.Nom, Classe = r.Eleve.Classe!.Code })
                .FirstAsync();
            (responsable, nomResponsable, enfant, classe) = (lien.ResponsableId, $"{lien.Prenom} {lien.Nom}", lien.Enfant, lien.Classe);
        }

        var page = await ConnecterAsync();
        await page.GotoAsync(serveur.Url($"/responsables/{responsable}"));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifier( à nouveau)?$") }).ClickAsync();
        await page.AttendreUrlAsync(new Regex("/responsables/preparer"));
        var telechargement = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et télécharger le PDF" }).ClickAsync());
        var texte = Regex.Replace(await Poppler.TexteAsync(await File.ReadAllBytesAsync((await telechargement.PathAsync())!)), "\\s+", " ");

        Assert.Contains(nomResponsable, texte, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"responsable de {enfant} ({classe})", texte, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Un_formulaire_expire_redonne_la_recherche_avec_la_page_a_expire_et_rien_ne_change()
    {
        var page = await ConnecterAsync();
        await page.GotoAsync(serveur.Url("/eleves?classes=6A"));
        await new PageComptes(page).RenotifierTousLesResultatsAsync();
        await page.AttendreUrlAsync("**/eleves/preparer");

        // The page stayed open too long: its anti-forgery token no longer validates.
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'CfDJ8' + 'A'.repeat(150))");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et télécharger le PDF" }).ClickAsync();
        await page.GetByText("La page a expiré, recommencez").First.WaitForAsync();
        Assert.Contains("classes=6A", page.Url);
        Assert.Equal(0, await JournalAsync(ActionJournal.Notification));
        await Navigateur.VerifierAccessibiliteAsync(page);
        await Navigateur.CaptureAsync(page, "console-page-expiree");
    }

    private async Task<int> JournalAsync(ActionJournal action)
    {
        await using var scope = serveur.Application.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return await db.Evenements.CountAsync(e => e.EtablissementId == etablissementId && e.Action == action && e.Auteur == Directrice);
    }
}
