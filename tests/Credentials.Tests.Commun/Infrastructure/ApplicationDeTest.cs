using System.Net;
using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// The real web app over a throwaway database (SQLite or PostgreSQL), driven by real HTTP requests.
/// Use <see cref="CreerAsync"/>, then <see cref="WebApplicationFactory{TEntryPoint}.Services"/> to arrange data and
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> or <see cref="NouveauClient"/> to act.
/// </summary>
public sealed partial class ApplicationDeTest : WebApplicationFactory<Program>
{
    private readonly BaseDeTest baseDeTest;
    private readonly string dossier;
    private readonly Dictionary<string, string?> reglages;
    private readonly Action<IServiceCollection>? servicesDeTest;
    private readonly bool proprietaireDeLaBase;

    private ApplicationDeTest(BaseDeTest baseDeTest, Dictionary<string, string?> reglages, Action<IServiceCollection>? servicesDeTest = null, bool proprietaireDeLaBase = true)
    {
        this.baseDeTest = baseDeTest;
        this.proprietaireDeLaBase = proprietaireDeLaBase;
        this.reglages = reglages;
        this.servicesDeTest = servicesDeTest;
        dossier = Directory.CreateTempSubdirectory("credentials-app-").FullName;
    }

    public FournisseurBase Fournisseur => baseDeTest.Fournisseur;

    public string DossierDonnees => dossier;

    /// <summary>
    /// Starts the app on a fresh database; <paramref name="reglages"/> override configuration keys,
    /// <paramref name="services"/> replaces services after the app registered its own (a clock, a hasher).
    /// </summary>
    public static async Task<ApplicationDeTest> CreerAsync(FournisseurBase fournisseur = FournisseurBase.Sqlite, Dictionary<string, string?>? reglages = null, Action<IServiceCollection>? services = null)
    {
        var baseDeTest = await BaseDeTest.CreerAsync(fournisseur);
        var application = new ApplicationDeTest(baseDeTest, reglages ?? [], services);
        _ = application.Server; // build the host: migrations run now
        return application;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", baseDeTest.Fournisseur.ToString());
        builder.UseSetting("ConnectionStrings:Credentials", baseDeTest.Chaine);
        builder.UseSetting("DataDirectory", dossier);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Documents:Prechauffer", "false");
        // The daily purge would delete demo data under a long test; tests run it explicitly (PurgeAutomatique.PasserAsync).
        builder.UseSetting("Conservation:Automatique", "false");
        builder.UseSetting("Portail:Url", "http://localhost/portail");
        foreach (var (cle, valeur) in reglages)
        {
            builder.UseSetting(cle, valeur);
        }

        if (servicesDeTest is not null)
        {
            builder.ConfigureTestServices(servicesDeTest);
        }
    }

    /// <summary>
    /// A second instance of the app on the same database, with its own data folder (so, on SQLite, its own key
    /// folder), as a second server of a cluster; the database is dropped by the first one.
    /// </summary>
    public ApplicationDeTest AutreInstance()
    {
        var autre = new ApplicationDeTest(baseDeTest, reglages, servicesDeTest, proprietaireDeLaBase: false);
        _ = autre.Server;
        return autre;
    }

    /// <summary>A scope on the app's services (database, services) to arrange or check data.</summary>
    public AsyncServiceScope Portee() => Services.CreateAsyncScope();

    /// <summary>A small demo school (UAI, pupils) created through the real seeder.</summary>
    public async Task<BilanDemo> CreerEtablissementAsync(string uai = "0999999Z", int eleves = 60, int graine = 2026)
    {
        await using var scope = Portee();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(uai, eleves, graine);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert them).</summary>
    public HttpClient NouveauClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The anti-forgery token of a form page, as a browser would post it back.</summary>
    public static async Task<string> JetonAsync(HttpClient client, string url)
    {
        var reponse = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        var jeton = JetonRegex().Match(html);
        Assert.True(jeton.Success, $"No anti-forgery token on {url}");
        return WebUtility.HtmlDecode(jeton.Groups[1].Value);
    }

    /// <summary>Posts a form with its anti-forgery token taken from <paramref name="pageDuFormulaire"/>.</summary>
    public static async Task<HttpResponseMessage> PosterAsync(HttpClient client, string pageDuFormulaire, string action, IEnumerable<KeyValuePair<string, string>> champs)
    {
        var jeton = await JetonAsync(client, pageDuFormulaire);
        var contenu = new FormUrlEncodedContent(champs.Append(new("__RequestVerificationToken", jeton)));
        return await client.PostAsync(action, contenu);
    }

    /// <summary>
    /// Posts a form whose action produces a document: the action leads to its result page, from which the file is
    /// downloaded as the page's script does (the first download of the document). Any other answer is returned as is.
    /// </summary>
    public static async Task<HttpResponseMessage> PosterDocumentAsync(HttpClient client, string pageDuFormulaire, string action, IEnumerable<KeyValuePair<string, string>> champs) =>
        await TelechargerAsync(client, await PosterAsync(client, pageDuFormulaire, action, champs));

    /// <summary>Follows an action's redirect to its result page and downloads the document from there.</summary>
    public static async Task<HttpResponseMessage> TelechargerAsync(HttpClient client, HttpResponseMessage reponse)
    {
        var page = reponse.Headers.Location?.OriginalString;
        if (reponse.StatusCode != HttpStatusCode.Redirect || page is null || !page.StartsWith("/documents/", StringComparison.Ordinal))
        {
            return reponse;
        }

        return await PosterAsync(client, page, page + "/telecharger", []);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (proprietaireDeLaBase)
        {
            await baseDeTest.DisposeAsync();
        }

        try
        {
            Directory.Delete(dossier, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be held open by a finishing logger: harmless in a temp folder.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();
}
