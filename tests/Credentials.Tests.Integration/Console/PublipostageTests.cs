using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>« Publipostage »: accounts of several profiles filtered together, counted, printed in one PDF or exported as CSV.</summary>
public sealed class PublipostageTests() : DeuxEtablissements(60, 10)
{
    private async Task<List<Compte>> ComptesAsync(int etablissement)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.AsNoTracking().Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissement).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<List<long>> ResponsablesDeAsync(string classe)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Responsabilites
            .Where(r => r.Eleve.Classe!.Code == classe && r.Eleve.EtablissementId == etablissementA).Select(r => r.ResponsableId).Distinct().ToListAsync();
    }

    /// <summary>The page's text, without tags (« <strong>5 comptes</strong> — … » reads « 5 comptes — … »).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await client.GetStringAsync(url), "<[^>]+>", ""));

    [Fact]
    public async Task Les_comptes_sont_comptes_par_profil_classe_et_adresse()
    {
        var comptes = await ComptesAsync(etablissementA);
        var client = await app.ConnecterAsync(Directrice);

        var personnels = comptes.Where(c => c.Profil is Profil.Enseignant or Profil.Personnel).ToList();
        var page = await PageAsync(client, "/publipostage?profils=Enseignant&profils=Personnel");
        Assert.Contains($"{Libelles.Accorder(personnels.Count, "compte sélectionné", "comptes sélectionnés")} au total — {Libelles.Accorder(personnels.Count(c => string.IsNullOrEmpty(c.Courriel)), "compte sans adresse courriel", "comptes sans adresse courriel")}", page);

        var responsables6A = await ResponsablesDeAsync("6A");
        var attendus = comptes.Count(c => c.Profil == Profil.Eleve && c.Classe?.Code == "6A") + responsables6A.Count;
        var classe = await PageAsync(client, "/publipostage?profils=Eleve&profils=Responsable&classes=6A");
        Assert.Contains($"{attendus} comptes sélectionnés au total", classe);

        var actives = comptes.Count(c => c.Etat == EtatCompte.Active);
        Assert.Contains($"{actives} comptes sélectionnés au total", await PageAsync(client, "/publipostage?activation=actives"));
        Assert.Contains("0 compte sélectionné au total", await PageAsync(client, $"/publipostage?depuis={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}"));

        var illisible = await PageAsync(client, "/publipostage?depuis=2026-13-45");
        Assert.Contains("Des filtres de l'adresse sont illisibles", illisible);
        Assert.Contains($"{comptes.Count} comptes sélectionnés au total", illisible);
    }

    [Fact]
    public async Task Generer_en_pdf_passe_par_une_confirmation_qui_compte_par_profil_et_nomme_les_bloques()
    {
        var avant = await ComptesAsync(etablissementA);
        var client = await app.ConnecterAsync(Directrice);
        // The form's markup, not its text: the buttons must lead to the confirmation, never straight to the PDF.
        var index = await client.GetStringAsync("/publipostage");
        Assert.DoesNotContain("action=\"/publipostage/pdf\"", index);
        Assert.Contains("action=\"/publipostage/confirmer\"", index);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/publipostage", "/publipostage/confirmer", [new("canal", "pdf")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        var courriers = avant.Count(c => !c.Bloque);
        Assert.Contains($"Générer {Libelles.Accorder(courriers, "courrier", "courriers")}", page);
        Assert.Contains("<th scope=\"row\">Enseignants</th>", page);
        var bloque = avant.Where(c => c.Bloque).OrderBy(c => c.Profil).ThenBy(c => c.Nom, StringComparer.Ordinal).ThenBy(c => c.Prenom, StringComparer.Ordinal).First();
        Assert.Contains(bloque.Identifiant, page);
        Assert.Contains("action=\"/publipostage/pdf\"", page);

        // Nothing changed yet, nothing journaled.
        Assert.Equal(avant.Select(c => (c.Id, c.Version)), (await ComptesAsync(etablissementA)).Select(c => (c.Id, c.Version)));
        await using var scope = app.Portee();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Evenements.AnyAsync(e => e.Auteur == Directrice));
    }

    [Fact]
    public async Task Generer_en_pdf_notifie_tous_les_profils_filtres_en_une_fois()
    {
        var avant = (await ComptesAsync(etablissementA)).Where(c => c.Profil is Profil.Enseignant or Profil.Personnel).ToList();
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await ApplicationDeTest.PosterDocumentAsync(client, "/publipostage", "/publipostage/pdf",
            [new("profils", "Enseignant"), new("profils", "Personnel"), new("modele", "Simplifiee")]);

        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var texte = await Poppler.TexteAsync(await reponse.Content.ReadAsByteArrayAsync());
        var apres = (await ComptesAsync(etablissementA)).Where(c => c.Profil is Profil.Enseignant or Profil.Personnel).ToList();
        Assert.All(avant.Where(c => !c.Bloque), c => Assert.Contains(c.Identifiant, texte));
        Assert.All(apres.Where(c => !c.Bloque), c => Assert.NotEqual(EtatCompte.NonNotifie, c.Etat));
        Assert.All(avant.Where(c => c.Bloque), c => Assert.DoesNotContain(c.Identifiant, texte));

        await using var scope = app.Portee();
        // One « Publipostage » entry for every profile, no « Notification » line (not even one of 0 accounts).
        var journal = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Evenements.Where(e => e.Auteur == Directrice).ToListAsync();
        Assert.Equal(avant.Count(c => !c.Bloque), journal.Single(e => e.Action == ActionJournal.Publipostage).NombreComptes);
        Assert.DoesNotContain(journal, e => e.Action == ActionJournal.Notification);
    }

    [Fact]
    public async Task Le_csv_de_publipostage_reprend_les_colonnes_du_guide_sans_rien_changer()
    {
        var avant = await ComptesAsync(etablissementA);
        var client = await app.ConnecterAsync(Secretaire);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/publipostage", "/publipostage/csv", [new("profils", "Eleve"), new("classes", "6A")]);

        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        var lignes = (await reponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nom;Prénom;Profil;Login;Code d'activation;Courriel;Classe;Date de création", lignes[0]);
        var eleves6A = avant.Where(c => c.Profil == Profil.Eleve && c.Classe?.Code == "6A").ToList();
        Assert.Equal(eleves6A.Count, lignes.Length - 1);
        Assert.All(eleves6A.Where(c => c.Etat == EtatCompte.Active), c => Assert.Contains(lignes, l => l.Contains($";{c.Identifiant};*****;", StringComparison.Ordinal)));
        var apres = await ComptesAsync(etablissementA);
        Assert.Equal(avant.Select(c => (c.Id, c.Version)), apres.Select(c => (c.Id, c.Version)));
    }

    [Fact]
    public async Task Un_enseignant_n_a_pas_de_publipostage_et_une_autre_ecole_ne_voit_pas_l_etablissement_a()
    {
        var avant = await ComptesAsync(etablissementA);
        var prof = await app.ConnecterAsync(Enseignant);
        Assert.DoesNotContain("href=\"/publipostage\"", await prof.GetStringAsync("/eleves"));
        Assert.Equal(HttpStatusCode.Forbidden, (await prof.GetAsync("/publipostage")).StatusCode);
        var pdf = await ApplicationDeTest.PosterDocumentAsync(prof, "/eleves", "/publipostage/pdf", [new("profils", "Eleve"), new("modele", "Detaillee")]);
        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        Assert.Equal(avant.Select(c => (c.Id, c.Version)), (await ComptesAsync(etablissementA)).Select(c => (c.Id, c.Version)));

        var b = await app.ConnecterAsync(DirecteurB);
        var page = await PageAsync(b, "/publipostage");
        Assert.Contains($"{(await ComptesAsync(etablissementB)).Count} comptes sélectionnés au total", page);
        Assert.All(avant.Take(20), c => Assert.DoesNotContain(c.Identifiant, page));
    }

    [Fact]
    public async Task Envoyer_par_courriel_fait_une_campagne_pour_tous_les_profils_puis_montre_les_comptes_sans_adresse()
    {
        var comptes = await ComptesAsync(etablissementA);
        var responsables6A = await ResponsablesDeAsync("6A");
        var vises = comptes.Where(c => !c.Bloque && (c.Profil == Profil.Eleve && c.Classe?.Code == "6A" || responsables6A.Contains(c.Id))).ToList();
        var joignables = vises.Where(c => Core.Domain.AdresseCourriel.Normaliser(c.Courriel) is not null).ToList();
        Assert.NotEmpty(joignables);
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/publipostage", "/publipostage/courriel",
            [new("profils", "Eleve"), new("profils", "Responsable"), new("classes", "6A")]);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var suite = reponse.Headers.Location!.OriginalString;
        Assert.Contains("courriel=sans", suite);
        var page = await PageAsync(client, suite);
        Assert.Contains(Libelles.Accorder(joignables.Count, "courriel mis", "courriels mis") + " en file", page);
        Assert.Contains("pas d'adresse électronique valable", page);

        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.Equal(1, await db.Set<Core.Courriels.Campagne>().CountAsync());
        var destinataires = await db.Set<Core.Courriels.MessageSortant>().Select(m => m.CompteId).ToListAsync();
        Assert.Equal(joignables.Select(c => (long?)c.Id).Order(), destinataires.Order());
    }
}
