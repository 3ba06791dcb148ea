using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>« Paramètres » : the school's letter settings, for the director only, checked field by field, journaled.</summary>
public sealed class ParametresTests() : DeuxEtablissements(40, 10)
{
    private static List<KeyValuePair<string, string>> Formulaire(Etablissement e, Action<Dictionary<string, string>>? modifier = null)
    {
        var champs = new Dictionary<string, string>
        {
            ["Version"] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Nom"] = e.Nom,
            ["Ville"] = e.Ville ?? "",
            ["NomChef"] = e.NomChef ?? "",
            ["PortailUrl"] = e.PortailUrl ?? "",
            ["CourrielExpediteur"] = e.CourrielExpediteur ?? "",
            ["TexteCourrier"] = e.TexteCourrier ?? "",
            ["TexteContact"] = e.TexteContact ?? "",
        };
        modifier?.Invoke(champs);
        return champs.ToList();
    }

    [Fact]
    public async Task La_directrice_modifie_les_textes_et_les_prochains_courriers_les_impriment()
    {
        var client = await app.ConnecterAsync(Directrice);
        var page = await client.GetStringAsync("/parametres");
        Assert.Contains("Paramètres de l'établissement", page);
        Assert.Contains("href=\"/parametres\"", page);
        var avant = await EtablissementAsync(etablissementA);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres", Formulaire(avant, c =>
        {
            c["NomChef"] = "  M. Bernard Moreau, principal  ";
            c["PortailUrl"] = "https://ent.college-a.fr/activation/";
            c["CourrielExpediteur"] = "Secretariat@College-A.fr";
            c["TexteContact"] = "En cas de souci, appelez Mme Diallo au 02 38 11 22 33.";
        }));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("Les paramètres de l'établissement sont enregistrés", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/parametres")));

        var apres = await EtablissementAsync(etablissementA);
        Assert.Equal("M. Bernard Moreau, principal", apres.NomChef);
        Assert.Equal("https://ent.college-a.fr/activation", apres.PortailUrl);
        Assert.Equal("Secretariat@college-a.fr", apres.CourrielExpediteur);
        Assert.Equal(avant.Nom, apres.Nom);

        // The next letters carry the new words and the school's own portal.
        var pdf = await ApplicationDeTest.PosterDocumentAsync(client, "/eleves?classes=6A", "/eleves/notifier",
            [new("classes", "6A"), new("tous", "true"), new("modele", "Detaillee")]);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var texte = await Poppler.TexteAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("appelez Mme Diallo au 02 38 11 22 33", texte);
        Assert.Contains("https://ent.college-a.fr/activation", texte);

        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var journal = await db.Evenements.SingleAsync(e => e.Action == ActionJournal.ModificationReglages);
        Assert.Equal(Directrice, journal.Auteur);
        Assert.Equal(etablissementA, journal.EtablissementId);
        Assert.Equal("Paramètres modifiés : chef d'établissement, adresse du portail, expéditeur des courriels, contact en cas de difficulté.", journal.Details);
    }

    [Theory]
    [InlineData("Nom", "   ", "Le nom de l'établissement est obligatoire")]
    [InlineData("PortailUrl", "javascript:alert(1)", "L'adresse du portail doit être une adresse web complète")]
    [InlineData("PortailUrl", "portail.college-a.fr", "L'adresse du portail doit être une adresse web complète")]
    [InlineData("CourrielExpediteur", "secrétariat@college-a.fr", "L'adresse d'expéditeur n'est pas valide")]
    [InlineData("TexteContact", "x", "500 caractères au plus (vous en avez saisi 501)")]
    public async Task Une_saisie_invalide_est_expliquee_et_rien_ne_change(string champ, string valeur, string message)
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await EtablissementAsync(etablissementA);
        var saisie = champ == "TexteContact" ? new string('x', 501) : valeur;

        var reponse = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres", Formulaire(avant, c => c[champ] = saisie));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        var apres = await EtablissementAsync(etablissementA);
        Assert.Equal((avant.Version, avant.Nom, avant.PortailUrl, avant.CourrielExpediteur, avant.TexteContact), (apres.Version, apres.Nom, apres.PortailUrl, apres.CourrielExpediteur, apres.TexteContact));
    }

    [Fact]
    public async Task Un_formulaire_ouvert_avant_une_autre_modification_est_refuse()
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await EtablissementAsync(etablissementA);
        var premier = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres", Formulaire(avant, c => c["Ville"] = "Tours"));
        Assert.Equal(HttpStatusCode.Redirect, premier.StatusCode);

        // Same page, opened before the first save: its version is stale.
        var second = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres", Formulaire(avant, c => c["Ville"] = "Blois"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("modifiés entre-temps par quelqu'un d'autre", System.Net.WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal("Tours", (await EtablissementAsync(etablissementA)).Ville);
    }

    [Fact]
    public async Task L_apercu_montre_la_saisie_en_cours_sans_rien_enregistrer()
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await EtablissementAsync(etablissementA);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres/apercu", Formulaire(avant, c =>
        {
            c["Nom"] = "Collège Aperçu";
            c["TexteCourrier"] = "Ce compte ouvre l'espace numérique de travail du collège.";
        }));

        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var texte = await Poppler.TexteAsync(await reponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("Collège Aperçu", texte);
        Assert.Contains("Ce compte ouvre l'espace numérique de travail du collège.", texte);
        Assert.Contains("camille.exemple", texte);
        Assert.Contains("dominique.exemple", texte);
        var apres = await EtablissementAsync(etablissementA);
        Assert.Equal((avant.Version, avant.Nom, avant.TexteCourrier), (apres.Version, apres.Nom, apres.TexteCourrier));
    }

    [Theory]
    [InlineData(Secretaire)]
    [InlineData(Enseignant)]
    public async Task Ni_le_secretariat_ni_un_enseignant_n_ont_acces_aux_parametres(string utilisateur)
    {
        var client = await app.ConnecterAsync(utilisateur);
        Assert.DoesNotContain("href=\"/parametres\"", await client.GetStringAsync("/eleves"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/parametres")).StatusCode);

        var avant = await EtablissementAsync(etablissementA);
        var poste = await ApplicationDeTest.PosterAsync(client, "/eleves", "/parametres", Formulaire(avant, c => c["NomChef"] = "Usurpateur"));
        Assert.Equal(HttpStatusCode.Forbidden, poste.StatusCode);
        var apercu = await ApplicationDeTest.PosterAsync(client, "/eleves", "/parametres/apercu", Formulaire(avant));
        Assert.Equal(HttpStatusCode.Forbidden, apercu.StatusCode);
        Assert.Equal(avant.NomChef, (await EtablissementAsync(etablissementA)).NomChef);
    }

    [Fact]
    public async Task Le_directeur_d_un_autre_etablissement_ne_modifie_que_le_sien()
    {
        var client = await app.ConnecterAsync(DirecteurB);
        var b = await EtablissementAsync(etablissementB);
        var a = await EtablissementAsync(etablissementA);
        var page = await client.GetStringAsync("/parametres");
        Assert.Contains("UAI : <strong>0888888Y</strong>", page);
        Assert.DoesNotContain("0999999Z", page);

        // Whatever version it posts, the form only ever writes the signed-in user's own school.
        var reponse = await ApplicationDeTest.PosterAsync(client, "/parametres", "/parametres", Formulaire(b, c => c["NomChef"] = "M. Directeur B"));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("M. Directeur B", (await EtablissementAsync(etablissementB)).NomChef);
        Assert.Equal(a.NomChef, (await EtablissementAsync(etablissementA)).NomChef);
    }
}
