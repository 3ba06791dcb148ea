using System.Net;
using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>« Utilisateurs de la console » and « Mon mot de passe »: the director's staff, roles and classes, and their passwords.</summary>
public sealed partial class UtilisateursTests() : DeuxEtablissements(60, 10)
{
    private const string Page = "/parametres/utilisateurs";

    private async Task<T> LireAsync<T>(Func<CredentialsDbContext, Task<T>> lecture)
    {
        await using var scope = app.Portee();
        return await lecture(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
    }

    private Task<string> IdAsync(string courriel) => LireAsync(db => db.Users.Where(u => u.Email == courriel).Select(u => u.Id).SingleAsync());

    private Task<List<(int Etablissement, RoleConsole Role)>> AffectationsAsync(string courriel) =>
        LireAsync(async db => (await db.Affectations.Where(a => db.Users.Any(u => u.Id == a.UtilisateurId && u.Email == courriel))
            .Select(a => new { a.EtablissementId, a.Role }).ToListAsync()).Select(a => (a.EtablissementId, a.Role)).ToList());

    private async Task<bool> SeConnecteAsync(string courriel, string motDePasse)
    {
        var reponse = await ApplicationDeTest.PosterAsync(app.NouveauClient(), "/compte/connexion", "/compte/connexion", [new("Courriel", courriel), new("MotDePasse", motDePasse)]);
        return reponse.StatusCode == HttpStatusCode.Redirect;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage reponse) => WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());

    private static string MotDePasseAffiche(string html) => MotDePasseRemis().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no password shown");

    [Fact]
    public async Task La_directrice_ajoute_un_enseignant_qui_se_connecte_avec_le_mot_de_passe_affiche_une_fois_et_ne_voit_que_ses_classes()
    {
        var client = await app.ConnecterAsync(Directrice);
        var reponse = await ApplicationDeTest.PosterAsync(client, Page, Page,
            [new("Courriel", " Paul.Martin@College-A.test "), new("NomAffiche", "M. Paul Martin"), new("Role", "Enseignant"), new("Classes", "5A"), new("Classes", "6A")]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await HtmlAsync(reponse);
        var motDePasse = MotDePasseAffiche(html);
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", motDePasse);
        Assert.Contains("il ne sera plus jamais affiché", html);
        Assert.DoesNotContain(motDePasse, WebUtility.HtmlDecode(await client.GetStringAsync(Page)));

        var prof = await app.ConnecterAsync("paul.martin@college-a.test", motDePasse);
        var eleves = await prof.GetStringAsync("/eleves?taille=200");
        var classes = await LireAsync(db => db.Comptes.Where(c => c.EtablissementId == etablissementA && c.Profil == Profil.Eleve).Select(c => new { c.Identifiant, c.Classe!.Code }).ToListAsync());
        Assert.All(classes.Where(c => c.Code is "5A" or "6A"), c => Assert.Contains(c.Identifiant, eleves));
        Assert.All(classes.Where(c => c.Code is not ("5A" or "6A")), c => Assert.DoesNotContain(c.Identifiant, eleves));
        Assert.Equal(HttpStatusCode.Forbidden, (await prof.GetAsync(Page)).StatusCode);

        var journal = await LireAsync(db => db.Evenements.SingleAsync(e => e.Action == ActionJournal.GestionUtilisateurs));
        Assert.Equal(Directrice, journal.Auteur);
        Assert.Equal("paul.martin@college-a.test ajouté : Enseignant, classes 5A, 6A.", journal.Details);

        // Shown once in the page, never written to a log.
        foreach (var fichier in Directory.GetFiles(Path.Combine(app.DossierDonnees, "logs")))
        {
            await using var flux = new FileStream(fichier, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Assert.DoesNotContain(motDePasse, await new StreamReader(flux).ReadToEndAsync());
        }
    }

    [Theory]
    [InlineData("pas-une-adresse", "Enseignant", "6A", "Saisissez l'adresse électronique de la personne")]
    [InlineData("julie@college-a.test", "Enseignant", "", "choisissez-en au moins une")]
    [InlineData("julie@college-a.test", "Enseignant", "9Z", "Classe(s) inconnue(s) dans l'établissement : 9Z.")]
    [InlineData("julie@college-a.test", "Administrateur", "", "Choisissez un rôle")]
    [InlineData(Secretaire, "Secretaire", "", "a déjà accès à la console de l'établissement")]
    public async Task Une_saisie_invalide_est_expliquee_et_personne_n_est_cree(string courriel, string role, string classe, string message)
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await LireAsync(db => db.Users.CountAsync());

        var reponse = await ApplicationDeTest.PosterAsync(client, Page, Page, [new("Courriel", courriel), new("Role", role), new("Classes", classe)]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(message, await HtmlAsync(reponse));
        Assert.Equal(avant, await LireAsync(db => db.Users.CountAsync()));
        Assert.False(await LireAsync(db => db.Evenements.AnyAsync(e => e.Action == ActionJournal.GestionUtilisateurs)));
    }

    [Fact]
    public async Task Une_personne_d_un_autre_etablissement_recoit_un_role_ici_sans_changer_de_mot_de_passe()
    {
        var client = await app.ConnecterAsync(Directrice);
        var reponse = await ApplicationDeTest.PosterAsync(client, Page, Page, [new("Courriel", DirecteurB), new("Role", "Secretaire")]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.DoesNotMatch(MotDePasseRemis(), await HtmlAsync(reponse));
        Assert.Contains((etablissementA, RoleConsole.Secretaire), await AffectationsAsync(DirecteurB));
        Assert.True(await SeConnecteAsync(DirecteurB, UtilisateursDeTest.MotDePasse));

        // Nobody in school A may set the password of someone who also works elsewhere.
        var id = await IdAsync(DirecteurB);
        var refus = await ApplicationDeTest.PosterAsync(client, $"{Page}/{id}", $"{Page}/{id}/mot-de-passe", []);
        Assert.Contains("a aussi accès à un autre établissement", await HtmlAsync(refus));
        Assert.True(await SeConnecteAsync(DirecteurB, UtilisateursDeTest.MotDePasse));
    }

    [Fact]
    public async Task L_etablissement_garde_toujours_une_direction()
    {
        var client = await app.ConnecterAsync(Directrice);
        var moi = await IdAsync(Directrice);

        var retrogradation = await ApplicationDeTest.PosterAsync(client, $"{Page}/{moi}", $"{Page}/{moi}", [new("role", "Secretaire")]);
        Assert.Contains("doit garder au moins une direction", await HtmlAsync(retrogradation));
        var retrait = await ApplicationDeTest.PosterAsync(client, $"{Page}/{moi}", $"{Page}/{moi}/retirer", []);
        Assert.Contains("doit garder au moins une direction", await HtmlAsync(retrait));
        Assert.Equal([(etablissementA, RoleConsole.Directeur)], await AffectationsAsync(Directrice));
    }

    [Fact]
    public async Task Changer_le_role_retirer_l_acces_et_tirer_un_nouveau_mot_de_passe()
    {
        var client = await app.ConnecterAsync(Directrice);
        var prof = await IdAsync(Enseignant);

        // The 6A teacher becomes a secretary: he sees every class at his next page.
        var changement = await ApplicationDeTest.PosterAsync(client, $"{Page}/{prof}", $"{Page}/{prof}", [new("role", "Secretaire"), new("classes", "6A")]);
        Assert.Equal(HttpStatusCode.Redirect, changement.StatusCode);
        Assert.Equal([(etablissementA, RoleConsole.Secretaire)], await AffectationsAsync(Enseignant));
        Assert.Empty(await LireAsync(db => db.Set<AffectationClasse>().Where(c => c.AffectationId == db.Affectations.Single(a => a.UtilisateurId == prof).Id).ToListAsync()));

        var nouveau = await ApplicationDeTest.PosterAsync(client, $"{Page}/{prof}", $"{Page}/{prof}/mot-de-passe", []);
        var motDePasse = MotDePasseAffiche(await HtmlAsync(nouveau));
        Assert.False(await SeConnecteAsync(Enseignant, UtilisateursDeTest.MotDePasse));
        Assert.True(await SeConnecteAsync(Enseignant, motDePasse));

        var secretaire = await IdAsync(Secretaire);
        var session = await app.ConnecterAsync(Secretaire);
        var retrait = await ApplicationDeTest.PosterAsync(client, $"{Page}/{secretaire}", $"{Page}/{secretaire}/retirer", []);
        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.Empty(await AffectationsAsync(Secretaire));
        // Her open session ends at once (new security stamp); signed in again, she has no access here.
        var apres = await session.GetAsync("/eleves");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.StartsWith("/compte/connexion", apres.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        var nouvelleSession = await (await app.ConnecterAsync(Secretaire)).GetAsync("/eleves");
        Assert.Equal("/compte/acces-refuse", nouvelleSession.Headers.Location?.OriginalString);
        Assert.Equal(3, await LireAsync(db => db.Evenements.CountAsync(e => e.Action == ActionJournal.GestionUtilisateurs)));
    }

    [Theory]
    [InlineData(Secretaire)]
    [InlineData(Enseignant)]
    public async Task Ni_le_secretariat_ni_un_enseignant_ne_gerent_les_utilisateurs(string utilisateur)
    {
        var client = await app.ConnecterAsync(utilisateur);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        var ajout = await ApplicationDeTest.PosterAsync(client, "/eleves", Page, [new("Courriel", "complice@college-a.test"), new("Role", "Directeur")]);
        Assert.Equal(HttpStatusCode.Forbidden, ajout.StatusCode);
        var directrice = await IdAsync(Directrice);
        var retrait = await ApplicationDeTest.PosterAsync(client, "/eleves", $"{Page}/{directrice}/retirer", []);
        Assert.Equal(HttpStatusCode.Forbidden, retrait.StatusCode);
        Assert.False(await LireAsync(db => db.Users.AnyAsync(u => u.Email == "complice@college-a.test")));
        Assert.Equal([(etablissementA, RoleConsole.Directeur)], await AffectationsAsync(Directrice));
    }

    [Fact]
    public async Task Le_directeur_d_un_autre_etablissement_ne_touche_pas_aux_utilisateurs_de_l_etablissement_a()
    {
        var client = await app.ConnecterAsync(DirecteurB);
        Assert.DoesNotContain(Secretaire, await client.GetStringAsync(Page));
        var secretaire = await IdAsync(Secretaire);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Page}/{secretaire}")).StatusCode);
        var changement = await ApplicationDeTest.PosterAsync(client, Page, $"{Page}/{secretaire}", [new("role", "Directeur")]);
        Assert.Equal(HttpStatusCode.NotFound, changement.StatusCode);
        var motDePasse = await ApplicationDeTest.PosterAsync(client, Page, $"{Page}/{secretaire}/mot-de-passe", []);
        Assert.Equal(HttpStatusCode.NotFound, motDePasse.StatusCode);
        Assert.Equal([(etablissementA, RoleConsole.Secretaire)], await AffectationsAsync(Secretaire));
        Assert.True(await SeConnecteAsync(Secretaire, UtilisateursDeTest.MotDePasse));
    }

    [Fact]
    public async Task Chacun_change_son_propre_mot_de_passe_en_donnant_l_ancien()
    {
        var client = await app.ConnecterAsync(Enseignant);
        const string Nouveau = "une phrase facile à retenir";

        var faux = await ApplicationDeTest.PosterAsync(client, "/compte/mot-de-passe", "/compte/mot-de-passe", [new("Actuel", "pas le bon"), new("Nouveau", Nouveau), new("Confirmation", Nouveau)]);
        Assert.Contains("Mot de passe incorrect.", await HtmlAsync(faux));
        var different = await ApplicationDeTest.PosterAsync(client, "/compte/mot-de-passe", "/compte/mot-de-passe", [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", Nouveau), new("Confirmation", Nouveau + "!")]);
        Assert.Contains("Les deux saisies du nouveau mot de passe sont différentes.", await HtmlAsync(different));
        var court = await ApplicationDeTest.PosterAsync(client, "/compte/mot-de-passe", "/compte/mot-de-passe", [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", "court"), new("Confirmation", "court")]);
        Assert.Contains("au moins 12 caractères", await HtmlAsync(court));
        Assert.True(await SeConnecteAsync(Enseignant, UtilisateursDeTest.MotDePasse));

        var change = await ApplicationDeTest.PosterAsync(client, "/compte/mot-de-passe", "/compte/mot-de-passe", [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", Nouveau), new("Confirmation", Nouveau)]);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/eleves")).StatusCode);
        Assert.False(await SeConnecteAsync(Enseignant, UtilisateursDeTest.MotDePasse));
        Assert.True(await SeConnecteAsync(Enseignant, Nouveau));
    }

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex MotDePasseRemis();
}
