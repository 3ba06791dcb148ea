using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>The console through real HTTP: sign-in, the Élèves tab, the state rules, and the lines nobody may cross.</summary>
public sealed class ConsoleTests() : DeuxEtablissements(120, 40)
{
    private async Task<T> LireAsync<T>(Func<CredentialsDbContext, Task<T>> lecture)
    {
        await using var scope = app.Portee();
        return await lecture(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
    }

    private Task<List<Compte>> ElevesAsync(int etablissement, string? classe = null) =>
        LireAsync(db => db.Comptes.Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve && (classe == null || c.Classe!.Code == classe))
            .OrderBy(c => c.Id).ToListAsync());

    private static KeyValuePair<string, string> Champ(string cle, object valeur) => new(cle, valeur.ToString()!);

    private static async Task<byte[]> PdfAsync(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        return await reponse.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Sans_connexion_la_console_renvoie_vers_la_page_de_connexion()
    {
        var reponse = await app.NouveauClient().GetAsync("/eleves");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/compte/connexion", reponse.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Un_mauvais_mot_de_passe_donne_un_message_en_francais()
    {
        var client = app.NouveauClient();
        var reponse = await ApplicationDeTest.PosterAsync(client, "/compte/connexion", "/compte/connexion", [Champ("Courriel", Directrice), Champ("MotDePasse", "pas-le-bon")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await reponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/eleves")).StatusCode);
    }

    [Fact]
    public async Task Un_formulaire_sans_jeton_anti_contrefacon_est_refuse()
    {
        var client = await app.ConnecterAsync(Directrice);
        var id = (await ElevesAsync(etablissementA)).First().Id;
        var reponse = await client.PostAsync("/eleves/bloquer", new FormUrlEncodedContent([Champ("ids", id), Champ("bloquer", "true"), Champ("classes", "6A")]));
        Assert.False((await ElevesAsync(etablissementA)).Single(c => c.Id == id).Bloque);

        // Not a blank 400: back to the search, criteria kept, with « La page a expiré, recommencez ».
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var retour = await client.GetAsync(reponse.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, retour.StatusCode);
        Assert.StartsWith("/eleves?", retour.Headers.Location!.OriginalString);
        Assert.Contains("classes=6A", retour.Headers.Location!.OriginalString);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(retour.Headers.Location!.OriginalString));
        Assert.Contains("La page a expiré, recommencez", page);
        Assert.Contains("name=\"ids\"", page);
    }

    [Fact]
    public async Task Les_pages_portent_les_en_tetes_de_securite()
    {
        var client = await app.ConnecterAsync(Directrice);
        var reponse = await client.GetAsync("/eleves");
        Assert.Contains("frame-ancestors 'none'", reponse.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", reponse.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", reponse.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", reponse.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task La_recherche_filtre_par_classe_et_par_etat_et_reste_dans_l_url()
    {
        var client = await app.ConnecterAsync(Secretaire);
        var eleves6A = await ElevesAsync(etablissementA, "6A");
        var html = await client.GetStringAsync("/eleves?classes=6A&etats=NonNotifie&taille=200");
        var attendus = eleves6A.Where(e => e.Etat == EtatCompte.NonNotifie).ToList();
        Assert.Contains($"{attendus.Count} {(attendus.Count > 1 ? "élèves trouvés" : "élève trouvé")}", html);
        Assert.All(attendus, e => Assert.Contains($"name=\"ids\" value=\"{e.Id}\"", html));
        Assert.All(eleves6A.Except(attendus), e => Assert.DoesNotContain($"name=\"ids\" value=\"{e.Id}\"", html));
    }

    [Fact]
    public async Task Notifier_une_classe_telecharge_le_pdf_avec_les_mots_de_passe_et_change_les_etats()
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await ElevesAsync(etablissementA, "6A");
        var reponse = await ApplicationDeTest.PosterDocumentAsync(client, "/eleves?classes=6A", "/eleves/notifier",
            [Champ("classes", "6A"), Champ("tous", "true"), Champ("modele", "Detaillee")]);
        var texte = await Poppler.TexteAsync(await PdfAsync(reponse));

        var apres = await ElevesAsync(etablissementA, "6A");
        await using var scope = app.Portee();
        var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
        foreach (var eleve in apres.Where(e => !e.Bloque))
        {
            Assert.Contains(eleve.Identifiant, texte);
            if (eleve.Etat == EtatCompte.NotifieNonActive)
            {
                Assert.Contains(FormatSecret.PourAffichage(coffre.Dechiffrer(eleve.MotDePasseProvisoireChiffre!)), texte);
            }
        }

        // Non notifié → Notifié et non activé; Activé stays Activé (a reminder); blocked ones are left out.
        Assert.All(avant.Where(e => e.Etat == EtatCompte.NonNotifie && !e.Bloque), e => Assert.Equal(EtatCompte.NotifieNonActive, apres.Single(a => a.Id == e.Id).Etat));
        Assert.All(avant.Where(e => e.Etat == EtatCompte.Active && !e.Bloque), e => Assert.Equal(EtatCompte.Active, apres.Single(a => a.Id == e.Id).Etat));
        Assert.All(avant.Where(e => e.Bloque), e => Assert.DoesNotContain(e.Identifiant, texte));
        var evenement = await LireAsync(db => db.Evenements.OrderBy(e => e.Id).LastAsync());
        Assert.Equal(ActionJournal.Notification, evenement.Action);
        Assert.Equal(Directrice, evenement.Auteur);
        Assert.Equal(apres.Count(e => !e.Bloque), evenement.NombreComptes);
    }

    [Fact]
    public async Task Reinitialiser_affiche_un_message_accorde_et_change_le_mot_de_passe()
    {
        var client = await app.ConnecterAsync(Directrice);
        var eleve = (await ElevesAsync(etablissementA)).First(e => e.Etat == EtatCompte.NotifieNonActive && !e.Bloque);
        var ancien = eleve.MotDePasseProvisoireChiffre;

        var reponse = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/reinitialiser", [Champ("ids", eleve.Id)]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(reponse.Headers.Location!.OriginalString));
        Assert.Contains("Le mot de passe de l'élève sélectionné a bien été réinitialisé.", page);
        Assert.Contains("Télécharger les nouvelles fiches", page);
        Assert.NotEqual(ancien, (await ElevesAsync(etablissementA)).Single(e => e.Id == eleve.Id).MotDePasseProvisoireChiffre);
    }

    [Fact]
    public async Task Lister_en_csv_masque_les_comptes_actives_et_laisse_vide_les_non_notifies()
    {
        var client = await app.ConnecterAsync(Secretaire);
        var reponse = await ApplicationDeTest.PosterDocumentAsync(client, "/eleves", "/eleves/lister", [Champ("tous", "true"), Champ("format", "csv")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var csv = await reponse.Content.ReadAsStringAsync();
        var eleves = await ElevesAsync(etablissementA);
        var lignes = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(eleves.Count, lignes.Count);
        foreach (var eleve in eleves)
        {
            var ligne = Assert.Single(lignes, l => l.Split(';').Contains(eleve.Identifiant));
            var motDePasse = ligne.Split(';')[9];
            switch (eleve.Etat)
            {
                case EtatCompte.Active: Assert.Equal("*****", motDePasse); break;
                case EtatCompte.NonNotifie: Assert.Equal("", motDePasse); break;
            }
        }
    }

    [Fact]
    public async Task Un_enseignant_ne_voit_que_ses_classes()
    {
        var client = await app.ConnecterAsync(Enseignant);
        var html = await client.GetStringAsync("/eleves?taille=200");
        var tous = await ElevesAsync(etablissementA);
        Assert.All(tous.Where(e => e.Classe!.Code == "6A"), e => Assert.Contains($"name=\"ids\" value=\"{e.Id}\"", html));
        Assert.All(tous.Where(e => e.Classe!.Code != "6A"), e => Assert.DoesNotContain($"name=\"ids\" value=\"{e.Id}\"", html));

        var autre = tous.First(e => e.Classe!.Code != "6A");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/eleves/{autre.Id}")).StatusCode);
    }

    [Fact]
    public async Task Un_enseignant_qui_forge_une_selection_d_une_autre_classe_n_obtient_rien()
    {
        var client = await app.ConnecterAsync(Enseignant);
        var autres = (await ElevesAsync(etablissementA)).Where(e => e.Classe!.Code != "6A").ToList();
        var champs = autres.Select(e => Champ("ids", e.Id)).Append(Champ("modele", "Detaillee")).ToList();

        var notification = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/notifier", champs);
        Assert.Equal(HttpStatusCode.Redirect, notification.StatusCode);
        var liste = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/lister", autres.Select(e => Champ("ids", e.Id)).Append(Champ("format", "pdf")));
        Assert.Equal(HttpStatusCode.Redirect, liste.StatusCode);

        var apres = await ElevesAsync(etablissementA);
        Assert.All(autres, e => Assert.Equal(e.Version, apres.Single(a => a.Id == e.Id).Version));
        Assert.Equal(0, await LireAsync(db => db.Evenements.CountAsync(ev => ev.Auteur == Enseignant && ev.NombreComptes > 0)));
    }

    [Fact]
    public async Task Un_enseignant_ne_peut_ni_exporter_en_csv_ni_bloquer()
    {
        var client = await app.ConnecterAsync(Enseignant);
        var eleve = (await ElevesAsync(etablissementA, "6A")).First(e => !e.Bloque);

        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/lister", [Champ("ids", eleve.Id), Champ("format", "csv")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", eleve.Id), Champ("bloquer", "true")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/journal")).StatusCode);
        Assert.False((await ElevesAsync(etablissementA)).Single(e => e.Id == eleve.Id).Bloque);
    }

    [Fact]
    public async Task Un_enseignant_ne_reinitialise_pas_un_compte_active()
    {
        var client = await app.ConnecterAsync(Enseignant);
        var active = (await ElevesAsync(etablissementA, "6A")).FirstOrDefault(e => e.Etat == EtatCompte.Active && !e.Bloque);
        Assert.NotNull(active);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/reinitialiser", [Champ("ids", active.Id)]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var page = await client.GetStringAsync(reponse.Headers.Location!.OriginalString);
        Assert.Contains("seule la direction ou le secrétariat", page);
        Assert.Equal(EtatCompte.Active, (await ElevesAsync(etablissementA)).Single(e => e.Id == active.Id).Etat);
    }

    [Fact]
    public async Task Un_utilisateur_d_un_autre_etablissement_ne_voit_ni_ne_change_rien()
    {
        var client = await app.ConnecterAsync(DirecteurB);
        var elevesA = await ElevesAsync(etablissementA);
        var cible = elevesA.First(e => !e.Bloque);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/eleves/{cible.Id}")).StatusCode);
        var html = await client.GetStringAsync("/eleves?taille=200");
        Assert.DoesNotContain(cible.Identifiant, html);
        var blocage = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", cible.Id), Champ("bloquer", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, blocage.StatusCode);

        // A tampered établissement cookie does not open school A either.
        client.DefaultRequestHeaders.Add("Cookie", "credentials.etab=0999999Z");
        Assert.DoesNotContain(cible.Identifiant, await client.GetStringAsync("/eleves?taille=200"));
        var apres = await ElevesAsync(etablissementA);
        Assert.Equal(elevesA.Select(e => (e.Id, e.Version, e.Etat, e.Bloque)), apres.Select(e => (e.Id, e.Version, e.Etat, e.Bloque)));
    }

    [Fact]
    public async Task Bloquer_puis_debloquer_avec_les_messages_et_le_journal()
    {
        var client = await app.ConnecterAsync(Secretaire);
        var eleve = (await ElevesAsync(etablissementA)).First(e => !e.Bloque);

        var blocage = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", eleve.Id), Champ("bloquer", "true")]);
        Assert.Contains("1 compte bloqué.", await client.GetStringAsync(blocage.Headers.Location!.OriginalString));
        Assert.True((await ElevesAsync(etablissementA)).Single(e => e.Id == eleve.Id).Bloque);

        var notification = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/notifier", [Champ("ids", eleve.Id), Champ("modele", "Detaillee")]);
        Assert.Equal(HttpStatusCode.Redirect, notification.StatusCode);
        Assert.Contains("Le compte est bloqué", await client.GetStringAsync(notification.Headers.Location!.OriginalString));

        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", eleve.Id), Champ("bloquer", "false")]);
        Assert.False((await ElevesAsync(etablissementA)).Single(e => e.Id == eleve.Id).Bloque);
        var actions = await LireAsync(db => db.EvenementComptes.Where(e => e.CompteId == eleve.Id).Select(e => e.Evenement.Action).ToListAsync());
        Assert.Contains(ActionJournal.Blocage, actions);
        Assert.Contains(ActionJournal.Deblocage, actions);
    }

    [Fact]
    public async Task La_page_d_un_eleve_montre_ses_responsables_et_son_historique()
    {
        var client = await app.ConnecterAsync(Directrice);
        var eleve = (await ElevesAsync(etablissementA)).First(e => !e.Bloque);
        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/notifier", [Champ("ids", eleve.Id), Champ("modele", "Simplifiee")]);

        var html = await client.GetStringAsync($"/eleves/{eleve.Id}");
        var responsables = await LireAsync(db => db.Responsabilites.Where(r => r.EleveId == eleve.Id).Select(r => r.Responsable.Identifiant).ToListAsync());
        Assert.NotEmpty(responsables);
        Assert.All(responsables, r => Assert.Contains(r, html));
        Assert.Contains("Notification", html);
        Assert.Contains(Directrice, html);
    }

    [Fact]
    public async Task La_directrice_filtre_le_journal_par_action()
    {
        var client = await app.ConnecterAsync(Directrice);
        var eleve = (await ElevesAsync(etablissementA)).First(e => !e.Bloque);
        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/bloquer", [Champ("ids", eleve.Id), Champ("bloquer", "true")]);

        await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/lister", [Champ("ids", eleve.Id), Champ("format", "pdf")]);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/journal?action=Blocage"));
        Assert.Contains("1 entrée", html);
        Assert.DoesNotContain("<td>Liste des comptes (PDF)</td>", html);
        Assert.Contains("<option value=\"Blocage\" selected=\"selected\">", html);

        // The entry names the account and links to its page.
        Assert.Contains($"<a href=\"/eleves/{eleve.Id}\">{eleve.Prenom} {eleve.Nom}</a>", html);
    }
}
