using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Credentials.Tests.Pages;

/// <summary>A console list of accounts (<c>/eleves</c>, <c>/responsables</c>): search results, selection, bulk actions.</summary>
public sealed partial class PageComptes(IPage page)
{
    public ILocator Lignes => page.Locator("tbody tr");

    /// <summary>The « select every result » box, named after the count (« Sélectionner les 12 résultats »).</summary>
    public ILocator TousLesResultats => page.GetByLabel(SelectionnerLesResultats());

    public ILocator Renotifier => page.GetByRole(AriaRole.Button, new() { Name = "(Re)notifier" });

    /// <summary>Selects every result of the search and asks to (re)notify them; the confirmation page follows.</summary>
    public async Task RenotifierTousLesResultatsAsync()
    {
        await TousLesResultats.CheckAsync();
        await Renotifier.ClickAsync();
    }

    [GeneratedRegex("Sélectionner les \\d+ résultats")]
    private static partial Regex SelectionnerLesResultats();
}
