using System.Net;
using Credentials.Core.Conservation;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Credentials.Tests.Conservation;

/// <summary>The console pages of a person's data, the portal notice and the purge job, over HTTP through the real app.</summary>
public sealed class DonneesPersonnellesWebTests : IAsyncLifetime
{
    private const string Directrice = "directrice@college.test";
    private const string Secretaire = "secretaire@college.test";
    private ApplicationDeTest app = null!;
    private BilanDemo ecole = null!;

    public async Task InitializeAsync()
    {
        app = await ApplicationDeTest.CreerAsync();
        ecole = await app.CreerEtablissementAsync("0999999Z", 30);
        await app.CreerAsync(Directrice, RoleConsole.Directeur, ecole.Etablissement.Id);
        await app.CreerAsync(Secretaire, RoleConsole.Secretaire, ecole.Etablissement.Id);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<Compte> EleveAsync()
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return await db.Comptes.AsNoTracking().Where(c => c.Profil == Profil.Eleve && c.MotDePasseProvisoireChiffre != null).OrderBy(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task La_directrice_telecharge_les_donnees_d_un_eleve_en_json_et_en_pdf_la_secretaire_non()
    {
        var eleve = await EleveAsync();
        var directrice = await app.ConnecterAsync(Directrice);
        var secretaire = await app.ConnecterAsync(Secretaire);

        var fiche = await (await directrice.GetAsync($"/eleves/{eleve.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/comptes/{eleve.Id}/donnees\"", fiche);
        var page = $"/comptes/{eleve.Id}/donnees";
        var json = await ApplicationDeTest.PosterAsync(directrice, page, $"{page}/json", []);
        var pdf = await ApplicationDeTest.PosterAsync(directrice, page, $"{page}/pdf", []);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var texte = await json.Content.ReadAsStringAsync();
        Assert.Contains($"\"Identifiant\": \"{eleve.Identifiant}\"", texte);
        Assert.DoesNotContain(eleve.MotDePasseProvisoireChiffre!, texte);
        Assert.Contains($"donnees-personnelles_{eleve.Identifiant}_", json.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains($"Données personnelles de {eleve.Prenom} {eleve.Nom}", await Poppler.TexteAsync(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain($"/comptes/{eleve.Id}/donnees", await (await secretaire.GetAsync($"/eleves/{eleve.Id}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretaire.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(secretaire, "/eleves", $"{page}/json", [])).StatusCode);

        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.Equal(2, await db.Evenements.CountAsync(e => e.Action == ActionJournal.ExportPersonne && e.Auteur == Directrice));
    }

    [Fact]
    public async Task Un_compte_cree_a_la_main_s_efface_apres_confirmation_un_compte_importe_reste()
    {
        var importe = await EleveAsync();
        Compte manuel;
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            manuel = new CompteBuilder().Dans(await db.Etablissements.SingleAsync()).Nomme("NOUVEAU", "Nina").Identifiant("nina.nouveau").CreeALaMain().CreeLe(DateTime.UtcNow).Construire();
            db.Comptes.Add(manuel);
            await db.SaveChangesAsync();
        }

        var directrice = await app.ConnecterAsync(Directrice);
        var confirmation = await (await directrice.GetAsync($"/comptes/{manuel.Id}/effacer")).Content.ReadAsStringAsync();
        var pageImporte = await (await directrice.GetAsync($"/comptes/{importe.Id}/donnees")).Content.ReadAsStringAsync();
        var refus = await ApplicationDeTest.PosterAsync(directrice, $"/comptes/{importe.Id}/donnees", $"/comptes/{importe.Id}/effacer", [new("version", importe.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var efface = await ApplicationDeTest.PosterAsync(directrice, $"/comptes/{manuel.Id}/effacer", $"/comptes/{manuel.Id}/effacer", [new("version", manuel.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Contains("Effacer définitivement ce compte", confirmation);
        Assert.Contains("il suit l&#x27;annuaire", pageImporte);
        Assert.Equal(HttpStatusCode.Redirect, refus.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, efface.StatusCode);
        Assert.Equal("/eleves", efface.Headers.Location?.OriginalString);
        Assert.Contains("est effacé", await (await directrice.GetAsync("/eleves")).Content.ReadAsStringAsync());
        await using var verification = app.Portee();
        var db2 = verification.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.False(await db2.Comptes.AnyAsync(c => c.Id == manuel.Id));
        Assert.True(await db2.Comptes.AnyAsync(c => c.Id == importe.Id));
    }

    [Fact]
    public async Task La_notice_du_portail_donne_le_contact_de_l_etablissement_et_chaque_page_du_portail_y_mene()
    {
        int version;
        await using (var scope = app.Portee())
        {
            version = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Etablissements.Select(e => e.Version).SingleAsync();
        }

        var directrice = await app.ConnecterAsync(Directrice);
        var reglage = await ApplicationDeTest.PosterAsync(directrice, "/parametres", "/parametres", [
            new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Nom", ecole.Etablissement.Nom),
            new("ContactDonneesPersonnelles", "DPO de l'académie d'Orléans-Tours : dpd@ac-orleans-tours.test"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, reglage.StatusCode);

        var client = app.NouveauClient();
        var notice = await (await client.GetAsync("/portail/donnees-personnelles?uai=0999999z")).Content.ReadAsStringAsync();
        var generale = await client.GetAsync("/portail/donnees-personnelles");

        Assert.True(notice.Contains("dpd@ac-orleans-tours.test", StringComparison.Ordinal), notice[notice.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("trois mois après votre départ", notice);
        Assert.Equal(HttpStatusCode.OK, generale.StatusCode);
        Assert.Contains("Le secrétariat de votre établissement", await generale.Content.ReadAsStringAsync());
        foreach (var page in new[] { "/portail", "/portail/activation", "/portail/connexion", "/portail/renouvellement" })
        {
            Assert.Contains("href=\"/portail/donnees-personnelles\"", await (await client.GetAsync(page)).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task La_purge_automatique_de_l_application_purge_une_fois_par_periode()
    {
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var sortis = await db.Comptes.Where(c => c.Profil == Profil.Eleve).OrderBy(c => c.Id).Take(3).ToListAsync();
            sortis.ForEach(c => c.MarquerSorti(DateTime.UtcNow.AddDays(-100)));
            await db.SaveChangesAsync();
        }

        var purge = app.Services.GetServices<IHostedService>().OfType<PurgeAutomatique>().Single();
        await purge.PasserAsync(CancellationToken.None);
        await purge.PasserAsync(CancellationToken.None);

        await using var verification = app.Portee();
        var db2 = verification.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var journal = await db2.Evenements.Where(e => e.Action == ActionJournal.Purge).ToListAsync();
        var ligne = Assert.Single(journal);
        Assert.Equal(PurgeAutomatique.Auteur, ligne.Auteur);
        Assert.Contains($"{CategoriesPurge.ElevesSortis} : 3", ligne.Details);
        Assert.Equal(0, await db2.Comptes.CountAsync(c => c.DateSortie != null && c.DateSortie < DateTime.UtcNow.AddDays(-90)));
    }
}
