using System.Net;
using Credentials.Core.Data;
using Credentials.Tests.Infrastructure;
using static Credentials.Tests.Securite.SceneConsole;

namespace Credentials.Tests.Securite;

/// <summary>A copied session cookie stops working at once, on the server, when the session should end.</summary>
public sealed class SessionsTests
{
    private const string NouveauMotDePasse = "un-tout-autre-mot-de-passe-77";

    [Theory]
    [InlineData("deconnexion", FournisseurBase.Sqlite)]
    [InlineData("deconnexion", FournisseurBase.Postgres)]
    [InlineData("mon-mot-de-passe", FournisseurBase.Sqlite)]
    [InlineData("reinitialisation", FournisseurBase.Sqlite)]
    [InlineData("changement-de-role", FournisseurBase.Sqlite)]
    [InlineData("retrait", FournisseurBase.Postgres)]
    public async Task Un_cookie_de_session_copie_ne_sert_plus_a_rien_des_que_la_session_doit_finir(string evenement, FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);
        var (connexion, secretaire) = await scene.EssayerAsync(Secretaire, UtilisateursDeTest.MotDePasse);
        var copie = scene.ClientAvecCookie(CookieSession(connexion));
        Assert.Equal(HttpStatusCode.OK, (await copie.GetAsync("/eleves")).StatusCode);

        var id = await scene.IdAsync(Secretaire);
        var fiche = $"/parametres/utilisateurs/{id}";
        var reponse = evenement switch
        {
            "deconnexion" => await ApplicationDeTest.PosterAsync(secretaire, "/", "/compte/deconnexion", []),
            "mon-mot-de-passe" => await ApplicationDeTest.PosterAsync(secretaire, "/compte/mot-de-passe", "/compte/mot-de-passe",
                [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", NouveauMotDePasse), new("Confirmation", NouveauMotDePasse)]),
            "reinitialisation" => await ApplicationDeTest.PosterAsync(await scene.App.ConnecterAsync(Directrice), fiche, fiche + "/mot-de-passe", []),
            "changement-de-role" => await ApplicationDeTest.PosterAsync(await scene.App.ConnecterAsync(Directrice), fiche, fiche, [new("role", "Enseignant"), new("classes", "6A")]),
            _ => await ApplicationDeTest.PosterAsync(await scene.App.ConnecterAsync(Directrice), fiche, fiche + "/retirer", []),
        };
        Assert.True(reponse.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{evenement}: {reponse.StatusCode}");

        var apres = await copie.GetAsync("/eleves");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.StartsWith("/compte/connexion", apres.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Celui_qui_change_son_mot_de_passe_garde_sa_propre_session()
    {
        await using var scene = await CreerAsync(FournisseurBase.Sqlite);
        var (_, secretaire) = await scene.EssayerAsync(Secretaire, UtilisateursDeTest.MotDePasse);
        var reponse = await ApplicationDeTest.PosterAsync(secretaire, "/compte/mot-de-passe", "/compte/mot-de-passe",
            [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", NouveauMotDePasse), new("Confirmation", NouveauMotDePasse)]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretaire.GetAsync("/eleves")).StatusCode);
    }
}
