namespace Credentials.Tests.Infrastructure;

/// <summary>A browser wait that runs out says what the page showed, so that a CI failure can be understood from its log.</summary>
public sealed class SuiviPageTests : IAsyncLifetime
{
    private Navigateur navigateur = null!;

    public async Task InitializeAsync() => navigateur = await Navigateur.LancerAsync();

    public async Task DisposeAsync() => await navigateur.DisposeAsync();

    [Fact]
    public async Task Une_attente_d_adresse_qui_echoue_decrit_la_page_et_ce_qu_elle_chargeait()
    {
        var page = await navigateur.NouvellePageAsync();
        page.SetDefaultNavigationTimeout(1_500);
        await page.RouteAsync("http://ecole.test/**", route => route.Request.Url.EndsWith("/lent.css", StringComparison.Ordinal)
            ? Task.Delay(TimeSpan.FromSeconds(30))
            : route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = "<title>Imports</title><p>Le fichier est refusé : ligne 12.</p>" }));
        // The short default is for the wait that must run out; the first navigation of a fresh browser may take longer
        // on a loaded machine (it once took more than 1.5 s in CI).
        await page.GotoAsync("http://ecole.test/imports", new() { Timeout = 30_000 });
        // A style sheet that never arrives: the request stays pending.
        _ = page.EvaluateAsync("() => { const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = '/lent.css'; document.head.append(l); }");

        var erreur = await Assert.ThrowsAsync<TimeoutException>(() => page.AttendreUrlAsync("**/imports/siecle"));

        Assert.Contains("waited for **/imports/siecle in vain", erreur.Message);
        Assert.Contains("page at http://ecole.test/imports", erreur.Message);
        Assert.Contains("title « Imports »", erreur.Message);
        Assert.Contains("text: Le fichier est refusé : ligne 12.", erreur.Message);
        Assert.Contains("navigated to http://ecole.test/imports", erreur.Message);
        Assert.Matches(@"still loading for \d+ s: GET http://ecole.test/lent.css", erreur.Message);
        var capture = erreur.Message.Split('\n').Single(l => l.StartsWith("screenshot: ", StringComparison.Ordinal))["screenshot: ".Length..];
        Assert.True(new FileInfo(capture).Length > 0, capture);
    }
}
