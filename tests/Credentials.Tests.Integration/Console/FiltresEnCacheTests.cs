using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>The MEF filter's list is kept in memory per school version and visible classes: never another's, fresh after an import.</summary>
public sealed class FiltresEnCacheTests() : DeuxEtablissements(60, 10)
{
    private const string Nouvelle = "3EME SECTION EUROPEENNE";

    /// <summary>Gives a pupil outside 6A a MEF no other pupil has; <paramref name="version"/> also moves the school's version, as an import does.</summary>
    private async Task MefHors6AAsync(bool version)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var eleve = await db.Comptes.Include(c => c.Classe)
            .FirstAsync(c => c.EtablissementId == etablissementA && c.Profil == Profil.Eleve && c.Classe != null && c.Classe.Code != "6A");
        eleve.Scolariser(eleve.Classe, "10310019999", Nouvelle);
        if (version)
        {
            var etablissement = await db.Etablissements.SingleAsync(e => e.Id == etablissementA);
            etablissement.DefinirAnneeScolaire(etablissement.AnneeScolaire ?? 2025);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<string> FiltreMefAsync(HttpClient client)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/eleves"));
        var debut = page.IndexOf("<select id=\"mef\"", StringComparison.Ordinal);
        return page[debut..page.IndexOf("</select>", debut, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Une_mef_importee_apparait_a_la_page_suivante()
    {
        var directrice = await app.ConnecterAsync(Directrice);
        Assert.DoesNotContain(Nouvelle, await FiltreMefAsync(directrice));

        await MefHors6AAsync(version: true);

        Assert.Contains(Nouvelle, await FiltreMefAsync(directrice));
    }

    [Fact]
    public async Task La_liste_gardee_pour_la_direction_n_est_pas_montree_a_l_enseignant_ni_a_l_autre_etablissement()
    {
        await MefHors6AAsync(version: true);
        var directrice = await app.ConnecterAsync(Directrice);
        Assert.Contains(Nouvelle, await FiltreMefAsync(directrice));

        Assert.DoesNotContain(Nouvelle, await FiltreMefAsync(await app.ConnecterAsync(Enseignant)));
        Assert.DoesNotContain(Nouvelle, await FiltreMefAsync(await app.ConnecterAsync(DirecteurB)));
    }

    [Fact]
    public async Task Entre_deux_recherches_sans_import_la_liste_gardee_sert_sans_relire_les_eleves()
    {
        var directrice = await app.ConnecterAsync(Directrice);
        Assert.DoesNotContain(Nouvelle, await FiltreMefAsync(directrice));

        // A MEF typed on one account does not move the school's version: the list kept is shown until it expires.
        await MefHors6AAsync(version: false);
        Assert.DoesNotContain(Nouvelle, await FiltreMefAsync(directrice));
    }
}
