using System.Net;
using Credentials.Core.Data;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Portail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>
/// Every failure gets a French page with a way back: a form whose anti-forgery token or cookie was lost shows
/// « La page a expiré, recommencez » with the form again; a session that ends on a confirmation page returns, after
/// signing in, to the search with its criteria.
/// </summary>
public sealed class FormulairesExpiresTests() : DeuxEtablissements(40, 10)
{
    [Fact]
    public async Task Un_formulaire_du_portail_sans_cookie_remontre_le_formulaire_avec_la_page_a_expire()
    {
        // An in-app QR-code browser lost the anti-forgery cookie: the token of the page no longer validates.
        var client = app.NouveauClient();
        var jeton = await ApplicationDeTest.JetonAsync(client, "/portail/activation");
        var sansCookie = app.NouveauClient();
        var reponse = await sansCookie.PostAsync("/portail/activation", new FormUrlEncodedContent(
            [new("Identifiant", "lea.martin"), new("MotDePasseProvisoire", "ABCDE FGHJK"), new("__RequestVerificationToken", jeton)]));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var page = await sansCookie.GetAsync(reponse.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await PortailDeTest.DocumentAsync(page);
        Assert.Contains("La page a expiré, recommencez", document.Body!.TextContent);
        Assert.Equal("lea.martin", document.QuerySelector("input[name='Identifiant']")?.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("input[name='MotDePasseProvisoire']"));
    }

    [Fact]
    public async Task Une_confirmation_au_jeton_perime_ramene_a_la_recherche_avec_ses_criteres()
    {
        var client = await app.ConnecterAsync(Directrice);
        var perime = "CfDJ8" + new string('A', 150);
        var reponse = await client.PostAsync("/eleves/notifier", new FormUrlEncodedContent(
            [new("classes", "6A"), new("tous", "true"), new("modele", "Detaillee"), new("__RequestVerificationToken", perime)]));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var recherche = await client.GetAsync(reponse.Headers.Location!.OriginalString);
        Assert.Equal("/eleves?classes=6A", recherche.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/eleves?classes=6A"));
        Assert.Contains("La page a expiré, recommencez", page);
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.False(await db.Evenements.AnyAsync(e => e.Auteur == Directrice));
    }

    [Fact]
    public async Task Une_session_finie_sur_une_confirmation_revient_apres_connexion_a_la_recherche()
    {
        // The confirmation page was open when the session ended (sign-out elsewhere, expiry): its form is posted.
        var client = await app.ConnecterAsync(Directrice);
        var jeton = await ApplicationDeTest.JetonAsync(client, "/eleves?classes=6A");
        await ApplicationDeTest.PosterAsync(client, "/eleves", "/compte/deconnexion", []);
        var reponse = await client.PostAsync("/eleves/lister", new FormUrlEncodedContent(
            [new("classes", "6A"), new("etats", "NonNotifie"), new("tous", "true"), new("format", "pdf"), new("__RequestVerificationToken", jeton)]));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var connexion = reponse.Headers.Location!.OriginalString;
        Assert.StartsWith("/compte/connexion?ReturnUrl=", connexion);
        var retour = Uri.UnescapeDataString(connexion["/compte/connexion?ReturnUrl=".Length..]);
        var signe = await ApplicationDeTest.PosterAsync(client, connexion, "/compte/connexion",
            [new("Courriel", Directrice), new("MotDePasse", UtilisateursDeTest.MotDePasse), new("ReturnUrl", retour)]);
        Assert.Equal(HttpStatusCode.Redirect, signe.StatusCode);

        // GET /eleves/lister was an error page; it now leads back to the search, criteria kept, and nothing was listed.
        var action = await client.GetAsync(signe.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        var recherche = action.Headers.Location!.OriginalString;
        Assert.StartsWith("/eleves?", recherche);
        Assert.Contains("classes=6A", recherche);
        Assert.Contains("etats=NonNotifie", recherche);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(recherche)).StatusCode);
    }

    [Fact]
    public async Task Les_pages_d_erreur_sont_en_francais_avec_un_chemin_de_retour()
    {
        var client = await app.ConnecterAsync(Directrice);
        var introuvable = new HttpRequestMessage(HttpMethod.Get, "/eleves/999999999");
        introuvable.Headers.Referrer = new Uri("http://localhost/eleves?classes=6A");
        var reponse = await client.SendAsync(introuvable);
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Page introuvable", html);
        Assert.Contains("href=\"/eleves?classes=6A\"", html);
        Assert.Contains("Revenir à la page précédente", html);

        var absent = await app.NouveauClient().GetAsync("/portail/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Contains("href=\"/portail\"", await absent.Content.ReadAsStringAsync());
    }
}
