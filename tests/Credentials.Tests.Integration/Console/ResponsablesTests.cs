using System.Net;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>The Responsables tab: guardians found by their children's classes and by e-mail, notified, kept in scope.</summary>
public sealed class ResponsablesTests() : DeuxEtablissements(60, 10)
{
    private sealed record Famille(Compte Responsable, List<Compte> Enfants);

    private async Task<List<Famille>> FamillesAsync(int etablissement)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var responsables = await db.Comptes.AsNoTracking().Where(c => c.EtablissementId == etablissement && c.Profil == Profil.Responsable).OrderBy(c => c.Id).ToListAsync();
        var liens = await db.Responsabilites.AsNoTracking().Include(r => r.Eleve).ThenInclude(e => e.Classe).ToListAsync();
        return responsables.Select(r => new Famille(r, liens.Where(l => l.ResponsableId == r.Id).Select(l => l.Eleve).ToList())).ToList();
    }

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task La_liste_montre_chaque_responsable_avec_ses_enfants_et_filtre_par_classe_des_enfants_et_par_adresse()
    {
        var familles = await FamillesAsync(etablissementA);
        var client = await app.ConnecterAsync(Directrice);

        var tous = await PageAsync(client, "/responsables?taille=200");
        Assert.Contains("<h1>Responsables</h1>", tous);
        Assert.Contains($"{familles.Count} responsables trouvés", tous);
        var exemple = familles.First(f => f.Enfants.Count > 0);
        Assert.Contains($"{exemple.Enfants[0].Prenom} {exemple.Enfants[0].Nom} ({exemple.Enfants[0].Classe!.Code})", tous);

        var en6A = familles.Where(f => f.Enfants.Any(e => e.Classe?.Code == "6A")).ToList();
        var page6A = await PageAsync(client, "/responsables?classes=6A&taille=200");
        Assert.Contains(Libelles.Accorder(en6A.Count, "responsable trouvé", "responsables trouvés"), page6A);
        Assert.All(familles, f => Assert.Equal(en6A.Contains(f), page6A.Contains(f.Responsable.Identifiant, StringComparison.Ordinal)));

        var sans = familles.Where(f => string.IsNullOrEmpty(f.Responsable.Courriel)).ToList();
        var pageSans = await PageAsync(client, "/responsables?courriel=sans&taille=200");
        Assert.Contains(Libelles.Accorder(sans.Count, "responsable trouvé", "responsables trouvés"), pageSans);
        Assert.All(familles, f => Assert.Equal(sans.Contains(f), pageSans.Contains(f.Responsable.Identifiant, StringComparison.Ordinal)));

        var fiche = await PageAsync(client, $"/responsables/{exemple.Responsable.Id}");
        Assert.Contains("<h2 id=\"titre-enfants\">Enfants</h2>", fiche);
        Assert.Contains($"/eleves/{exemple.Enfants[0].Id}", fiche);
    }

    [Fact]
    public async Task Le_courrier_d_un_responsable_porte_sa_civilite_et_nomme_ses_enfants_avec_leur_classe()
    {
        var famille = (await FamillesAsync(etablissementA)).First(f => f.Enfants.Count > 0 && !f.Responsable.Bloque && f.Responsable.Civilite is "M." or "Mme");
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await ApplicationDeTest.PosterDocumentAsync(client, "/responsables", "/responsables/notifier",
            [new("ids", famille.Responsable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("modele", "Detaillee")]);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var texte = System.Text.RegularExpressions.Regex.Replace(await Poppler.TexteAsync(await reponse.Content.ReadAsByteArrayAsync()), "\\s+", " ");

        Assert.Contains($"{famille.Responsable.Civilite} {famille.Responsable.Prenom} {famille.Responsable.Nom}", texte);
        Assert.DoesNotContain("Madame, Monsieur", texte);
        Assert.Contains(famille.Responsable.Civilite == "M." ? "Monsieur," : "Madame,", texte);
        var enfant = famille.Enfants[0];
        Assert.Contains($"esponsable de {enfant.Prenom} {enfant.Nom} ({enfant.Classe!.Code})", texte);
    }

    [Fact]
    public async Task Notifier_par_courriel_ceux_qui_ont_une_adresse_puis_imprimer_les_autres()
    {
        var familles = (await FamillesAsync(etablissementA)).Where(f => f.Enfants.Any(e => e.Classe?.Code == "6A") && !f.Responsable.Bloque).ToList();
        var client = await app.ConnecterAsync(Directrice);

        var envoi = await ApplicationDeTest.PosterAsync(client, "/responsables?classes=6A", "/responsables/courriel/notifier",
            [new("classes", "6A"), new("tous", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        var bilan = await PageAsync(client, envoi.Headers.Location!.OriginalString);
        var avecAdresse = familles.Where(f => AdresseCourriel.Normaliser(f.Responsable.Courriel) is not null).ToList();
        var sansAdresse = familles.Except(avecAdresse).ToList();
        Assert.Contains(Libelles.Accorder(avecAdresse.Count, "courriel mis", "courriels mis") + " en file", bilan);
        Assert.Contains($"Responsables sans adresse électronique ({sansAdresse.Count})", bilan);

        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var destinataires = await db.Set<MessageSortant>().Select(m => m.CompteId).ToListAsync();
            Assert.Equal(avecAdresse.Select(f => (long?)f.Responsable.Id).Order(), destinataires.Order());
        }

        // The paper route of the result page: the guardians without an address, in one PDF.
        var papier = await ApplicationDeTest.PosterDocumentAsync(client, envoi.Headers.Location!.OriginalString, "/responsables/notifier",
            [new("modele", "Detaillee"), .. sansAdresse.Select(f => new KeyValuePair<string, string>("ids", f.Responsable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        Assert.Equal("application/pdf", papier.Content.Headers.ContentType?.MediaType);
        var texte = await Poppler.TexteAsync(await papier.Content.ReadAsByteArrayAsync());
        Assert.All(sansAdresse, f => Assert.Contains(f.Responsable.Identifiant, texte));
        Assert.All(avecAdresse, f => Assert.DoesNotContain(f.Responsable.Identifiant, texte));
    }

    [Fact]
    public async Task Un_enseignant_ne_voit_que_les_responsables_de_ses_eleves_et_seulement_ces_enfants_la()
    {
        var familles = await FamillesAsync(etablissementA);
        var client = await app.ConnecterAsync(Enseignant);

        var page = await PageAsync(client, "/responsables?taille=200");
        foreach (var f in familles)
        {
            Assert.Equal(f.Enfants.Any(e => e.Classe?.Code == "6A"), page.Contains(f.Responsable.Identifiant, StringComparison.Ordinal));
        }

        // A sibling in another class stays invisible to the 6A teacher, in the list and on the guardian's page.
        var fratrie = familles.FirstOrDefault(f => f.Enfants.Any(e => e.Classe?.Code == "6A") && f.Enfants.Any(e => e.Classe?.Code != "6A"));
        Assert.NotNull(fratrie);
        var autre = fratrie.Enfants.First(e => e.Classe?.Code != "6A");
        Assert.DoesNotContain($"/eleves/{autre.Id}\"", page);
        var ficheFratrie = await PageAsync(client, $"/responsables/{fratrie.Responsable.Id}");
        Assert.Contains($"/eleves/{fratrie.Enfants.First(e => e.Classe?.Code == "6A").Id}\"", ficheFratrie);
        Assert.DoesNotContain($"/eleves/{autre.Id}\"", ficheFratrie);

        var horsClasse = familles.First(f => f.Enfants.Count > 0 && f.Enfants.All(e => e.Classe?.Code != "6A"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/responsables/{horsClasse.Responsable.Id}")).StatusCode);
        var forge = await ApplicationDeTest.PosterAsync(client, "/responsables", "/responsables/notifier", [new("ids", horsClasse.Responsable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("modele", "Detaillee")]);
        Assert.Equal(HttpStatusCode.Redirect, forge.StatusCode);
        Assert.Equal(horsClasse.Responsable.Etat, (await FamillesAsync(etablissementA)).Single(f => f.Responsable.Id == horsClasse.Responsable.Id).Responsable.Etat);
    }

    [Fact]
    public async Task Le_directeur_d_un_autre_etablissement_ne_voit_aucun_responsable_de_l_etablissement_a()
    {
        var familles = await FamillesAsync(etablissementA);
        var client = await app.ConnecterAsync(DirecteurB);
        var page = await PageAsync(client, "/responsables?taille=200");
        Assert.All(familles, f => Assert.DoesNotContain(f.Responsable.Identifiant, page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/responsables/{familles[0].Responsable.Id}")).StatusCode);
    }
}
