using System.Data.Common;
using System.Net;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>Finding and acting on one account over HTTP, and the words of the confirmations (issue 19, points 7 and 8).</summary>
public sealed class CompteTests() : DeuxEtablissements(120, 10)
{
    private static KeyValuePair<string, string> Champ(string cle, object valeur) => new(cle, valeur.ToString()!);

    private async Task<List<Compte>> ComptesAsync(Profil profil, string? classe = null)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissementA && c.Profil == profil && (classe == null || c.Classe!.Code == classe))
            .OrderBy(c => c.Id).ToListAsync();
    }

    private static async Task<string> TexteAsync(HttpResponseMessage reponse) => WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_filtre_bloques_ne_garde_que_les_comptes_bloques_dans_les_etats_choisis(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        int etablissement;
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            etablissement = (await new DemoSeeder(db, OutilsDeTest.Creer()).SeedAsync("0999999Z", 40)).Etablissement.Id;
            foreach (var compte in await db.Comptes.Where(c => c.Profil == Profil.Eleve && !c.Bloque).OrderBy(c => c.Id).Take(4).ToListAsync())
            {
                compte.Bloquer("test", null, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        await using var lecture = baseTest.Contexte();
        var eleves = await lecture.Comptes.Where(c => c.Profil == Profil.Eleve).ToListAsync();
        var recherche = new RechercheComptes(lecture);
        var portee = Portee.Cli(etablissement);

        var bloques = await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Bloques = true }, 1, 200);
        Assert.Equal(eleves.Where(e => e.Bloque).Select(e => e.Id).Order(), bloques.Lignes.Select(l => l.Id).Order());
        Assert.True(bloques.Total >= 4);

        var etat = eleves.First(e => e.Bloque).Etat;
        var bloquesDansEtat = await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Bloques = true, Etats = [etat] }, 1, 200);
        Assert.Equal(eleves.Count(e => e.Bloque && e.Etat == etat), bloquesDansEtat.Total);

        var nonBloques = await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Bloques = false }, 1, 200);
        Assert.Equal(eleves.Count(e => !e.Bloque), nonBloques.Total);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Chaque_page_de_la_recherche_donne_ses_lignes_et_le_total_meme_au_dela_de_la_derniere(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        int etablissement;
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            etablissement = (await new DemoSeeder(db, OutilsDeTest.Creer()).SeedAsync("0999999Z", 40)).Etablissement.Id;
        }

        await using var lecture = baseTest.Contexte();
        var recherche = new RechercheComptes(lecture);
        var portee = Portee.Cli(etablissement);
        var eleves = new CriteresComptes { Profil = Profil.Eleve };
        // One page of everything is the reference order; smaller pages must be its slices.
        var tout = (await recherche.RechercherAsync(portee, eleves, 1, 200)).Lignes.Select(l => l.Id).ToList();
        Assert.Equal(await lecture.Comptes.CountAsync(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve), tout.Count);

        // Full pages (counted), a last page full (40 by 10) and one that is not (by 13), pages past the end, and a page
        // number no int can skip to.
        Assert.Equal(40, tout.Count);
        foreach (var taille in new[] { 10, 13 })
        {
            var derniere = (tout.Count + taille - 1) / taille;
            foreach (var demandee in Enumerable.Range(1, derniere + 2).Append(int.MaxValue))
            {
                var page = await recherche.RechercherAsync(portee, eleves, demandee, taille);
                var attendue = Math.Min(demandee, derniere);
                Assert.Equal((attendue, tout.Count, derniere), (page.Page, page.Total, page.NombrePages));
                Assert.Equal(tout.Skip((attendue - 1) * taille).Take(taille), page.Lignes.Select(l => l.Id));
            }
        }

        // A class fits on one page: its total is its rows.
        var classe = await lecture.Comptes.Where(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve && c.Classe != null)
            .GroupBy(c => c.Classe!.Code).Select(g => new { Code = g.Key, Nombre = g.Count() }).OrderBy(g => g.Code).FirstAsync();
        var uneClasse = await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Classes = [classe.Code] }, 1, 50);
        Assert.Equal((classe.Nombre, classe.Nombre, 1), (uneClasse.Lignes.Count, uneClasse.Total, uneClasse.Page));

        var personne = await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Recherche = "zzzz" }, 3, 10);
        Assert.Equal((0, 0, 1), (personne.Lignes.Count, personne.Total, personne.Page));

        // A full page brings its total in the same statement: one round trip per page (docs/performance.md, session 13).
        var requetes = new CompteurDeRequetes();
        await using var compte = baseTest.Contexte(requetes);
        var pleine = await new RechercheComptes(compte).RechercherAsync(portee, eleves, 2, 10);
        Assert.Equal((10, 40, 1), (pleine.Lignes.Count, pleine.Total, requetes.Nombre));
    }

    /// <summary>Les requêtes SQL envoyées par un contexte.</summary>
    private sealed class CompteurDeRequetes : DbCommandInterceptor
    {
        public int Nombre { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Nombre++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Nombre++;
            return ValueTask.FromResult(result);
        }
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Chaque_tri_de_la_recherche_ordonne_toutes_les_pages_par_sa_colonne_puis_par_le_nom(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        int etablissement;
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            etablissement = (await new DemoSeeder(db, OutilsDeTest.Creer()).SeedAsync("0999999Z", 40)).Etablissement.Id;
        }

        await using var lecture = baseTest.Contexte();
        var recherche = new RechercheComptes(lecture);
        var portee = Portee.Cli(etablissement);
        var comptes = await lecture.Comptes.AsNoTracking().Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve).ToDictionaryAsync(c => c.Id);
        var parNom = (await recherche.RechercherAsync(portee, new CriteresComptes { Profil = Profil.Eleve }, 1, 200)).Lignes.Select(l => l.Id).ToList();
        Assert.Equal(40, parNom.Count);
        // The demo school mixes states and dates: a sort that ignored its column would be seen.
        Assert.True(comptes.Values.Select(c => c.Etat).Distinct().Count() > 1 && comptes.Values.Count(c => c.DateNotification is not null) > 1);

        foreach (var tri in Enum.GetValues<TriComptes>())
        {
            foreach (var descendant in new[] { false, true })
            {
                var criteres = new CriteresComptes { Profil = Profil.Eleve, Tri = tri, Descendant = descendant };
                var tout = (await recherche.RechercherAsync(portee, criteres, 1, 200)).Lignes.Select(l => l.Id).ToList();
                // Pages of 13 (the page's ids chosen in the index, then read) are slices of the one-page order.
                var pages = new List<long>();
                for (var page = 1; page <= 4; page++)
                {
                    pages.AddRange((await recherche.RechercherAsync(portee, criteres, page, 13)).Lignes.Select(l => l.Id));
                }

                Assert.Equal(tout, pages);
                Assert.Equal(parNom.Order(), tout.Order());

                // The column first, then the name order, whatever the engine's collation of names: a stable sort of
                // the name order by the column. Dates: the engines place empty dates differently; the others are ordered.
                int Rang(EtatCompte e) => e == EtatCompte.NonNotifie ? 0 : e == EtatCompte.NotifieNonActive ? 1 : 2;
                switch (tri)
                {
                    case TriComptes.Etat:
                        Assert.Equal(descendant ? parNom.OrderByDescending(id => Rang(comptes[id].Etat)) : parNom.OrderBy(id => Rang(comptes[id].Etat)), tout);
                        break;
                    case TriComptes.Classe:
                        Assert.Equal(descendant ? parNom.OrderByDescending(id => comptes[id].Classe?.Code, StringComparer.Ordinal) : parNom.OrderBy(id => comptes[id].Classe?.Code, StringComparer.Ordinal), tout);
                        break;
                    case TriComptes.DateNotification or TriComptes.DerniereConnexion:
                        var dates = tout.Select(id => tri == TriComptes.DateNotification ? comptes[id].DateNotification : comptes[id].DateDerniereConnexion)
                            .OfType<DateTime>().ToList();
                        Assert.Equal(descendant ? dates.OrderDescending() : dates.Order(), dates);
                        break;
                    case TriComptes.Nom when !descendant:
                        Assert.Equal(parNom, tout);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task La_case_Bloque_de_la_recherche_reste_dans_l_url_et_ne_montre_que_les_bloques()
    {
        var eleves = await ComptesAsync(Profil.Eleve);
        var client = await app.ConnecterAsync(Directrice);
        var cible = eleves.First(e => !e.Bloque);
        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", cible.Id), Champ("bloquer", "true")]);
        var bloques = (await ComptesAsync(Profil.Eleve)).Where(e => e.Bloque).ToList();

        var page = await TexteAsync(await client.GetAsync("/eleves?bloques=true&taille=200"));
        Assert.Contains($"{Libelles.Accorder(bloques.Count, "élève trouvé", "élèves trouvés")}", page);
        Assert.Contains($"<a href=\"/eleves/{cible.Id}\">", page);
        Assert.Contains("name=\"bloques\" value=\"true\" checked=\"checked\"", page);
        Assert.DoesNotContain(eleves.Where(e => !e.Bloque && e.Id != cible.Id), e => page.Contains($"<a href=\"/eleves/{e.Id}\">", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bloquer_avec_un_motif_enregistre_l_auteur_et_la_fiche_le_dit()
    {
        var client = await app.ConnecterAsync(Directrice);
        var cible = (await ComptesAsync(Profil.Eleve)).Last(e => !e.Bloque);
        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", cible.Id), Champ("bloquer", "true"), Champ("motif", "Compte prêté à un camarade")]);

        var bloque = (await ComptesAsync(Profil.Eleve)).Single(e => e.Id == cible.Id);
        Assert.True(bloque.BloqueParEtablissement);
        Assert.False(string.IsNullOrEmpty(bloque.BloquePar));
        var fiche = await TexteAsync(await client.GetAsync($"/eleves/{cible.Id}"));
        Assert.Contains($"bloqué par {bloque.BloquePar} le {Libelles.Date(bloque.BloqueLe)} (Compte prêté à un camarade)", fiche);
        Assert.Contains(">Débloquer</button>", fiche);
        var liste = await TexteAsync(await client.GetAsync("/eleves?bloques=true&taille=200"));
        Assert.Contains($"title=\"bloqué par {bloque.BloquePar} le {Libelles.Date(bloque.BloqueLe)} (Compte prêté à un camarade)\"", liste);
    }

    [Fact]
    public async Task Un_eleve_sorti_se_bloque_par_l_etablissement_et_ne_se_debloque_pas()
    {
        var cible = (await ComptesAsync(Profil.Eleve)).First(e => !e.Bloque);
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            (await db.Comptes.SingleAsync(c => c.Id == cible.Id)).MarquerSorti(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var client = await app.ConnecterAsync(Directrice);
        var debloquer = await TexteAsync(await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/preparer", [Champ("ids", cible.Id), Champ("operation", "debloquer")]));
        Assert.Contains("disabled=\"disabled\">Débloquer 0 compte</button>", debloquer);
        var bloquer = await TexteAsync(await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/preparer", [Champ("ids", cible.Id), Champ("operation", "bloquer")]));
        Assert.Contains(">Bloquer 1 compte</button>", bloquer);
        Assert.DoesNotContain("disabled=\"disabled\">Bloquer", bloquer);
        Assert.Contains("Motif (facultatif)", bloquer);
        var fiche = await TexteAsync(await client.GetAsync($"/eleves/{cible.Id}"));
        Assert.Contains($"sorti(e) le {Libelles.Date(DateTime.UtcNow)}", fiche);
    }

    [Fact]
    public async Task La_fiche_d_un_compte_propose_les_actions_permises_au_role()
    {
        var active = (await ComptesAsync(Profil.Eleve, "6A")).First(e => e.Etat == EtatCompte.Active && !e.Bloque);

        var directrice = await TexteAsync(await (await app.ConnecterAsync(Directrice)).GetAsync($"/eleves/{active.Id}"));
        foreach (var action in new[] { "value=\"notifier\"", "value=\"reinitialiser\"", "value=\"codes\"", "value=\"bloquer\"", "name=\"depuis\" value=\"" + active.Id + "\"" })
        {
            Assert.Contains(action, directrice);
        }

        // A teacher may neither block nor reset an activated account: the buttons are not offered.
        var enseignant = await TexteAsync(await (await app.ConnecterAsync(Enseignant)).GetAsync($"/eleves/{active.Id}"));
        Assert.Contains("value=\"notifier\"", enseignant);
        Assert.DoesNotContain("value=\"bloquer\"", enseignant);
        Assert.DoesNotContain("value=\"reinitialiser\"", enseignant);
        Assert.DoesNotContain("value=\"codes\"", enseignant);
        Assert.Contains("seule la direction ou le secrétariat peut en réinitialiser le mot de passe", enseignant);
    }

    [Fact]
    public async Task Une_action_partie_de_la_fiche_y_revient_avec_son_resultat()
    {
        var eleve = (await ComptesAsync(Profil.Eleve)).First(e => e.Etat == EtatCompte.NotifieNonActive && !e.Bloque);
        var client = await app.ConnecterAsync(Directrice);

        var confirmation = await TexteAsync(await ApplicationDeTest.PosterAsync(client, $"/eleves/{eleve.Id}", "/eleves/preparer", [Champ("ids", eleve.Id), Champ("depuis", eleve.Id), Champ("operation", "reinitialiser")]));
        Assert.Contains($"<a href=\"/eleves/{eleve.Id}\" class=\"bouton\">Annuler</a>", confirmation);
        Assert.Contains("name=\"depuis\" value=\"" + eleve.Id + "\"", confirmation);

        var reponse = await ApplicationDeTest.PosterAsync(client, $"/eleves/{eleve.Id}", "/eleves/reinitialiser", [Champ("ids", eleve.Id), Champ("depuis", eleve.Id)]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal($"/eleves/{eleve.Id}", reponse.Headers.Location!.OriginalString);
        var fiche = await TexteAsync(await client.GetAsync($"/eleves/{eleve.Id}"));
        Assert.Contains("Le mot de passe de l'élève sélectionné a bien été réinitialisé.", fiche);
        Assert.Contains("Télécharger les nouvelles fiches (PDF)", fiche);
    }

    [Fact]
    public async Task La_confirmation_d_un_enseignant_ne_se_contredit_pas_et_les_codes_s_accordent()
    {
        var classe = await ComptesAsync(Profil.Eleve, "6A");
        var actives = classe.Count(e => e.Etat == EtatCompte.Active);
        Assert.True(actives > 1);

        var enseignant = await app.ConnecterAsync(Enseignant);
        var page = await TexteAsync(await ApplicationDeTest.PosterAsync(enseignant, "/eleves", "/eleves/preparer", [Champ("classes", "6A"), Champ("tous", "true"), Champ("operation", "notifier")]));
        Assert.Contains($"Seule la direction ou le secrétariat peut réinitialiser le mot de passe d'un compte activé : si vous cochez cette case, les {actives} comptes activés seront ignorés ; sans elle, ils reçoivent un rappel sans mot de passe.", page);
        Assert.DoesNotContain("perdront le mot de passe", page);

        var directrice = await app.ConnecterAsync(Directrice);
        var un = classe.First(e => e.Etat == EtatCompte.Active);
        var autre = classe.First(e => e.Etat != EtatCompte.Active);
        var codes = await TexteAsync(await ApplicationDeTest.PosterAsync(directrice, "/eleves", "/eleves/preparer", [Champ("ids", un.Id), Champ("ids", autre.Id), Champ("operation", "codes")]));
        Assert.Contains("Seul le compte activé en recevra un.", codes);
        Assert.Contains(">Générer le code</button>", codes);
        Assert.DoesNotContain("Seuls les 1", codes);
    }
}

public sealed class LibellesTests
{
    [Theory]
    [InlineData("Arielle CARON", "d'Arielle CARON")]
    [InlineData("Émile Dupont", "d'Émile Dupont")]
    [InlineData("Paul Martin", "de Paul Martin")]
    public void Le_nom_apres_de_s_elide_devant_une_voyelle(string nom, string attendu) => Assert.Equal(attendu, Libelles.De(nom));

    [Theory]
    [InlineData("élève", "de l'élève")]
    [InlineData("responsable", "du responsable")]
    public void L_article_se_contracte_ou_s_elide(string nom, string attendu) => Assert.Equal(attendu, Libelles.DuLe(nom));
}
