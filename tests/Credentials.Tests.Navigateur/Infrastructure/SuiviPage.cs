using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// What a page did lately (requests, answers, console errors), so that a wait that runs out says what the page showed
/// and what it was still loading instead of only « Timeout 90000ms exceeded ». Attached to every page the tests open.
/// </summary>
public sealed class SuiviPage
{
    private const int Garde = 30;
    private static readonly ConditionalWeakTable<IPage, SuiviPage> Suivis = [];
    private readonly ConcurrentQueue<string> evenements = new();
    private readonly ConcurrentDictionary<IRequest, DateTime> enCours = new();

    private SuiviPage(IPage page)
    {
        page.Request += (_, r) =>
        {
            enCours[r] = DateTime.UtcNow;
            Noter($"→ {r.Method} {r.Url}");
        };
        page.Response += (_, r) => Noter($"← {r.Status} {r.Request.Method} {r.Url}");
        page.RequestFinished += (_, r) => enCours.TryRemove(r, out DateTime _);
        page.RequestFailed += (_, r) =>
        {
            enCours.TryRemove(r, out DateTime _);
            Noter($"× {r.Method} {r.Url}: {r.Failure}");
        };
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                Noter($"console {m.Type}: {m.Text}");
            }
        };
        page.FrameNavigated += (_, f) =>
        {
            if (f.ParentFrame is null)
            {
                Noter($"navigated to {f.Url}");
            }
        };
    }

    public static void Suivre(IPage page) => Suivis.Add(page, new SuiviPage(page));

    /// <summary>The page's state now: address, readiness, title, the start of its text, pending requests, last events.</summary>
    public static async Task<string> DecrireAsync(IPage page)
    {
        var lignes = new List<string> { $"page at {page.Url}" };
        var lecture = page.EvaluateAsync<string[]>(
            "() => [document.readyState, document.title, (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').slice(0, 400)]");
        try
        {
            // A page stuck in a navigation may not answer: the description must not hang in turn.
            var etat = await lecture.WaitAsync(TimeSpan.FromSeconds(10));
            lignes.Add($"readyState {etat[0]}, title « {etat[1]} »");
            lignes.Add($"text: {etat[2]}");
        }
        catch (Exception ex) when (ex is PlaywrightException or System.TimeoutException)
        {
            lignes.Add($"page unreadable: {ex.Message.Split('\n')[0]}");
        }

        if (Suivis.TryGetValue(page, out var suivi))
        {
            var maintenant = DateTime.UtcNow;
            lignes.AddRange(suivi.enCours.Select(r => $"still loading for {(maintenant - r.Value).TotalSeconds:0} s: {r.Key.Method} {r.Key.Url}"));
            lignes.Add("last events: " + string.Join(" | ", suivi.evenements));
        }

        return string.Join("\n", lignes);
    }

    private void Noter(string evenement)
    {
        evenements.Enqueue($"{DateTime.UtcNow:HH:mm:ss.f} {evenement}");
        while (evenements.Count > Garde && evenements.TryDequeue(out _))
        {
        }
    }
}

/// <summary>Waits that say what the page showed when they run out.</summary>
public static class AttentesPage
{
    /// <summary><see cref="IPage.WaitForURLAsync(string, PageWaitForURLOptions?)"/>, with the page's state in the error.</summary>
    public static Task AttendreUrlAsync(this IPage page, string adresse) =>
        AttendreAsync(page, adresse, () => page.WaitForURLAsync(adresse));

    /// <summary><see cref="IPage.WaitForURLAsync(Regex, PageWaitForURLOptions?)"/>, with the page's state in the error.</summary>
    public static Task AttendreUrlAsync(this IPage page, Regex adresse) =>
        AttendreAsync(page, adresse.ToString(), () => page.WaitForURLAsync(adresse));

    private static async Task AttendreAsync(IPage page, string attendue, Func<Task> attente)
    {
        try
        {
            await attente();
        }
        catch (System.TimeoutException ex)
        {
            var etat = await SuiviPage.DecrireAsync(page);
            var chemin = await CaptureAsync(page);
            throw new System.TimeoutException($"waited for {attendue} in vain\n{etat}\nscreenshot: {chemin}\nPlaywright: {ex.Message}", ex);
        }
    }

    private static async Task<string> CaptureAsync(IPage page)
    {
        Directory.CreateDirectory(Navigateur.DossierCaptures);
        var chemin = Path.Combine(Navigateur.DossierCaptures, $"echec-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}"[..26] + ".png");
        try
        {
            await page.ScreenshotAsync(new() { Path = chemin, Timeout = 10_000 });
            return chemin;
        }
        catch (Exception ex) when (ex is PlaywrightException or System.TimeoutException)
        {
            return $"none ({ex.Message.Split('\n')[0]})";
        }
    }
}
