using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET (never <c>playwright install</c>). A test that needs
/// it fails, never skips, when /usr/bin/chromium is missing. One browser per instance; pages are cheap.
/// </summary>
public sealed class Navigateur : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private Navigateur(IPlaywright playwright, IBrowser navigateur)
    {
        this.playwright = playwright;
        Browser = navigateur;
    }

    public IBrowser Browser { get; }

    /// <summary>A school PC's screen.</summary>
    public static ViewportSize Ecran { get; } = new() { Width = 1366, Height = 768 };

    /// <summary>A phone held upright (390×844 CSS pixels).</summary>
    public static ViewportSize Telephone { get; } = new() { Width = 390, Height = 844 };

    public static async Task<Navigateur> LancerAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var navigateur = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Navigateur(playwright, navigateur);
    }

    /// <summary>A fresh context (own cookies) and page, in French, at the given size.</summary>
    public async Task<IPage> NouvellePageAsync(ViewportSize? taille = null)
    {
        var contexte = await Browser.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = taille ?? Ecran });
        // A 2-core CI machine running the whole suite can take more than Playwright's 30 s default for a step.
        contexte.SetDefaultTimeout(90_000);
        contexte.SetDefaultNavigationTimeout(90_000);
        // Assertions that poll (Expect(page).ToHaveURL…) wait as long as actions on a busy machine.
        Assertions.SetDefaultExpectTimeout(90_000);
        var page = await contexte.NewPageAsync();
        SuiviPage.Suivre(page);
        return page;
    }

    /// <summary>Runs axe on the page and fails with the list of serious or critical violations, if any.</summary>
    public static async Task VerifierAccessibiliteAsync(IPage page)
    {
        var resultat = await page.RunAxe();
        var graves = resultat.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(graves.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", graves.Select(Decrire)));
    }

    /// <summary>Where screenshots that are not documentation go: those of tests, and those of failures (<see cref="SuiviPage"/>).</summary>
    public static string DossierCaptures { get; } = Path.Combine(Path.GetTempPath(), "credentials-captures");

    /// <summary>A screenshot of the whole page: into docs/images when CREDENTIALS_CAPTURES=1, else <see cref="DossierCaptures"/>.</summary>
    public static async Task<string> CaptureAsync(IPage page, string nom)
    {
        var dossier = Environment.GetEnvironmentVariable("CREDENTIALS_CAPTURES") == "1"
            ? Path.Combine(Racine.Depot, "docs", "images")
            : DossierCaptures;
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, nom + ".png");
        await page.ScreenshotAsync(new() { Path = chemin, FullPage = true });
        return chemin;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }

    private static string Decrire(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}";
}
