using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Portail;

/// <summary>A holder's account as the school handed it out: identifier and the provisional password from the sheet.</summary>
internal sealed record CompteRemis(long Id, string Identifiant, string MotDePasse, string Prenom, string Nom);

/// <summary>What the portal tests share: a host with a controllable clock, accounts notified by the CLI, form posts.</summary>
internal static class PortailDeTest
{
    /// <summary>Passes the policy: 13 characters, 4 kinds, no name, not common.</summary>
    public const string MotDePasseChoisi = "Velo-Rouge-42";

    public const string AutreMotDePasse = "Train&Bleu-1987";

    /// <summary>The app with <paramref name="horloge"/> as its clock and a cheap PBKDF2 (1,000 iterations) unless a hasher is given.</summary>
    public static Task<ApplicationDeTest> CreerAsync(
        FournisseurBase fournisseur = FournisseurBase.Sqlite,
        HorlogeDeTest? horloge = null,
        IHacheurSecrets? hacheur = null,
        Dictionary<string, string?>? reglages = null) =>
        ApplicationDeTest.CreerAsync(fournisseur, reglages, services => Remplacer(services, horloge, hacheur ?? new HacheurPbkdf2(1_000)));

    public static void Remplacer(IServiceCollection services, HorlogeDeTest? horloge, IHacheurSecrets? hacheur)
    {
        if (horloge is not null)
        {
            services.AddSingleton<TimeProvider>(horloge);
        }

        if (hacheur is not null)
        {
            services.AddSingleton(hacheur);
        }
    }

    /// <summary>Notifies (through the CLI's service) the first account of that profile never notified yet.</summary>
    public static async Task<CompteRemis> NotifierUnCompteAsync(ApplicationDeTest app, int etablissementId, Profil profil = Profil.Eleve)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var id = await db.Comptes
            .Where(c => c.EtablissementId == etablissementId && c.Profil == profil && c.Etat == EtatCompte.NonNotifie && !c.Bloque)
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .FirstAsync();
        var lot = await scope.ServiceProvider.GetRequiredService<ServiceComptes>()
            .NotifierAsync(Portee.Cli(etablissementId), new DemandeNotification(new CriteresComptes { Profil = profil, Ids = [id] }, false, Canal.Courrier));
        var fiche = Assert.Single(lot.Fiches);
        Assert.NotNull(fiche.MotDePasse);
        return new CompteRemis(fiche.CompteId, fiche.Identifiant, fiche.MotDePasse, fiche.Prenom, fiche.Nom);
    }

    /// <summary>An account never notified (it has no provisional password).</summary>
    public static async Task<string> IdentifiantNonNotifieAsync(ApplicationDeTest app, int etablissementId)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes
            .Where(c => c.EtablissementId == etablissementId && c.Etat == EtatCompte.NonNotifie && !c.Bloque)
            .OrderByDescending(c => c.Id)
            .Select(c => c.Identifiant)
            .FirstAsync();
    }

    /// <summary>The provisional password as a person may type it: lower case, with the printed space.</summary>
    public static string CommeTape(string motDePasse) => FormatSecret.PourAffichage(motDePasse).ToLowerInvariant();

    public static async Task<Compte> CompteAsync(ApplicationDeTest app, long id)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>The journal entries about one account, oldest first.</summary>
    public static async Task<List<Evenement>> JournalAsync(ApplicationDeTest app, long compteId)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return await db.EvenementComptes.Where(e => e.CompteId == compteId).Select(e => e.Evenement).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task BloquerAsync(ApplicationDeTest app, int etablissementId, long compteId)
    {
        await using var scope = app.Portee();
        await scope.ServiceProvider.GetRequiredService<ServiceComptes>().BloquerAsync(Portee.Cli(etablissementId), new DemandeBlocage(new CriteresComptes { Ids = [compteId] }, true));
    }

    public static async Task<string> CodeRenouvellementAsync(ApplicationDeTest app, int etablissementId, long compteId)
    {
        await using var scope = app.Portee();
        var (codes, _) = await scope.ServiceProvider.GetRequiredService<ServiceComptes>().GenererCodesAsync(Portee.Cli(etablissementId), new CriteresComptes { Ids = [compteId] });
        return Assert.Single(codes).Code;
    }

    // ---- The portal's forms, posted as a browser would ----

    public static Task<HttpResponseMessage> PremiereConnexionAsync(HttpClient client, string identifiant, string provisoire) =>
        ApplicationDeTest.PosterAsync(client, "/portail/activation", "/portail/activation", [new("Identifiant", identifiant), new("MotDePasseProvisoire", provisoire)]);

    /// <summary>Step 2, from the page step 1 returned (its anti-forgery token and activation token).</summary>
    public static async Task<HttpResponseMessage> ChoisirAsync(HttpClient client, HttpResponseMessage etape1, string motDePasse, string? confirmation = null, string? courriel = null)
    {
        var page = await DocumentAsync(etape1);
        var jeton = page.QuerySelector("input[name=Jeton]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(jeton), "Step 1 did not lead to the choose-password form: " + Texte(page.QuerySelector("#resume-erreurs")));
        return await client.PostAsync("/portail/activation/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = JetonAntiforgery(page),
            ["Jeton"] = jeton!,
            ["MotDePasse"] = motDePasse,
            ["Confirmation"] = confirmation ?? motDePasse,
            ["Courriel"] = courriel ?? "",
        }));
    }

    /// <summary>Both steps of the first connection; asserts the account was activated (redirect to sign-in).</summary>
    public static async Task ActiverAsync(HttpClient client, CompteRemis compte, string motDePasse = MotDePasseChoisi, string? courriel = null)
    {
        var etape1 = await PremiereConnexionAsync(client, compte.Identifiant, CommeTape(compte.MotDePasse));
        var etape2 = await ChoisirAsync(client, etape1, motDePasse, courriel: courriel);
        Assert.True(etape2.StatusCode == HttpStatusCode.Redirect, "Activation failed: " + await ErreursAsync(etape2));
    }

    public static Task<HttpResponseMessage> ConnecterAsync(HttpClient client, string identifiant, string motDePasse) =>
        ApplicationDeTest.PosterAsync(client, "/portail/connexion", "/portail/connexion", [new("Identifiant", identifiant), new("MotDePasse", motDePasse)]);

    public static Task<HttpResponseMessage> RenouvelerAsync(HttpClient client, string identifiant, string code, string motDePasse) =>
        ApplicationDeTest.PosterAsync(client, "/portail/renouvellement", "/portail/renouvellement", [new("Identifiant", identifiant), new("Code", code), new("MotDePasse", motDePasse), new("Confirmation", motDePasse)]);

    public static async Task<IDocument> DocumentAsync(HttpResponseMessage reponse) =>
        new HtmlParser().ParseDocument(await reponse.Content.ReadAsStringAsync());

    /// <summary>The error summary's text (whitespace collapsed), or "" when the page shows none.</summary>
    public static async Task<string> ErreursAsync(HttpResponseMessage reponse) => Texte((await DocumentAsync(reponse)).QuerySelector("#resume-erreurs"));

    /// <summary>The element's text, runs of ASCII white space collapsed (French non-breaking spaces are kept).</summary>
    public static string Texte(IElement? element) =>
        element is null ? "" : string.Join(' ', element.TextContent.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string JetonAntiforgery(IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No anti-forgery token on the page.");
}
