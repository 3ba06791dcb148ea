using System.Net;
using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Securite;

/// <summary>
/// A school with two directors and a secretary on SQLite or PostgreSQL, a clock moved by hand, captured logs and a
/// spy on the console's password hasher: what an attacker meets at the console's sign-in.
/// </summary>
public sealed partial class SceneConsole : IAsyncDisposable
{
    public const string Directrice = "directrice@college-a.test";
    public const string Adjoint = "adjoint@college-a.test";
    public const string Secretaire = "secretaire@college-a.test";

    private SceneConsole(ApplicationDeTest app, HorlogeDeTest horloge, JournalCapture journal, HacheurEspion hacheur, int etablissementId)
    {
        App = app;
        Horloge = horloge;
        Journal = journal;
        Hacheur = hacheur;
        EtablissementId = etablissementId;
    }

    public ApplicationDeTest App { get; }

    public HorlogeDeTest Horloge { get; }

    public JournalCapture Journal { get; }

    public HacheurEspion Hacheur { get; }

    public int EtablissementId { get; }

    public static async Task<SceneConsole> CreerAsync(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        var journal = new JournalCapture();
        var hacheur = new HacheurEspion();
        var app = await ApplicationDeTest.CreerAsync(fournisseur, new() { ["Securite:ConnexionsParMinute"] = "1000" }, s =>
        {
            s.AddSingleton<TimeProvider>(horloge);
            s.AddSingleton<ILoggerProvider>(journal);
            s.AddSingleton(hacheur);
            s.AddScoped<IPasswordHasher<Utilisateur>>(sp => sp.GetRequiredService<HacheurEspion>());
        });
        var etablissement = (await app.CreerEtablissementAsync(eleves: 20)).Etablissement.Id;
        await app.CreerAsync(Directrice, RoleConsole.Directeur, etablissement);
        await app.CreerAsync(Adjoint, RoleConsole.Directeur, etablissement);
        await app.CreerAsync(Secretaire, RoleConsole.Secretaire, etablissement);
        return new SceneConsole(app, horloge, journal, hacheur, etablissement);
    }

    /// <summary>Posts the sign-in form from a fresh client; returns the response and the client (signed in on success).</summary>
    public async Task<(HttpResponseMessage Reponse, HttpClient Client)> EssayerAsync(string courriel, string motDePasse)
    {
        var client = App.NouveauClient();
        var reponse = await ApplicationDeTest.PosterAsync(client, "/compte/connexion", "/compte/connexion", [new("Courriel", courriel), new("MotDePasse", motDePasse)]);
        return (reponse, client);
    }

    /// <summary>The refused sign-in page as a person reads it: without the anti-forgery token and the address typed back.</summary>
    public static async Task<string> PageRefuseeAsync(HttpResponseMessage reponse, string courriel)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        return Jeton().Replace(html, "").Replace(courriel, "«adresse»", StringComparison.Ordinal);
    }

    /// <summary>The console's session cookie set by a successful sign-in, as an attacker would copy it.</summary>
    public static string CookieSession(HttpResponseMessage reponse) =>
        reponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("credentials.console=", StringComparison.Ordinal));

    /// <summary>A client that carries only the copied cookie (no cookie jar, no redirects followed).</summary>
    public HttpClient ClientAvecCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public async Task<string> IdAsync(string courriel)
    {
        await using var scope = App.Portee();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(courriel))!.Id;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex Jeton();
}

/// <summary>The real Identity hasher (same PBKDF2 cost), counting its verifications.</summary>
public sealed class HacheurEspion : IPasswordHasher<Utilisateur>
{
    private readonly PasswordHasher<Utilisateur> reel = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(Utilisateur user, string password) => reel.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Utilisateur user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return reel.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
