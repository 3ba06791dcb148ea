using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>« Élèves extérieurs »: the Élèves tab filtered on pupils of other schools, with their school, in every action.</summary>
public sealed class ElevesExterieursTests() : DeuxEtablissements(60, 10)
{
    private const string Rattachement = "Lycée Voltaire, Orléans";

    /// <summary>Two pupils of school A become « extérieurs »: one in 6A, one in another class.</summary>
    private async Task<(Compte En6A, Compte Ailleurs)> ExterieursAsync()
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var eleves = await db.Comptes.Include(c => c.Classe).Where(c => c.EtablissementId == etablissementA && c.Profil == Profil.Eleve && !c.Bloque).OrderBy(c => c.Id).ToListAsync();
        var en6A = eleves.First(c => c.Classe!.Code == "6A");
        var ailleurs = eleves.First(c => c.Classe!.Code != "6A");
        en6A.RattacherA(Rattachement);
        ailleurs.RattacherA("Collège Pasteur, Blois");
        await db.SaveChangesAsync();
        return (en6A, ailleurs);
    }

    [Fact]
    public async Task L_onglet_liste_les_seuls_eleves_exterieurs_avec_leur_etablissement_de_rattachement()
    {
        var (en6A, ailleurs) = await ExterieursAsync();
        var client = await app.ConnecterAsync(Directrice);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/eleves?externes=true"));
        Assert.Contains("<h1>Élèves extérieurs</h1>", page);
        Assert.Contains("2 élèves extérieurs trouvés", page);
        Assert.Contains(Rattachement, page);
        Assert.Contains(en6A.Identifiant, page);
        Assert.Contains(ailleurs.Identifiant, page);
        Assert.Contains("<a href=\"/eleves?externes=true\" aria-current=\"page\">Élèves extérieurs</a>", page);
        Assert.Contains("<input type=\"hidden\" name=\"externes\" value=\"true\" />", page);

        var tous = WebUtility.HtmlDecode(await client.GetStringAsync("/eleves?taille=200"));
        Assert.Contains("<a href=\"/eleves\" aria-current=\"page\">Élèves</a>", tous);
        Assert.Contains("60 élèves trouvés", tous);
    }

    [Fact]
    public async Task Tout_selectionner_parmi_les_exterieurs_ne_notifie_qu_eux()
    {
        var (en6A, ailleurs) = await ExterieursAsync();
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await ApplicationDeTest.PosterDocumentAsync(client, "/eleves?externes=true", "/eleves/notifier",
            [new("externes", "true"), new("tous", "true"), new("modele", "Detaillee")]);

        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var texte = await Poppler.TexteAsync(await reponse.Content.ReadAsByteArrayAsync());
        Assert.Contains(en6A.Identifiant, texte);
        Assert.Contains(ailleurs.Identifiant, texte);
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var evenement = await db.Evenements.SingleAsync(e => e.Action == ActionJournal.Notification);
        Assert.Equal(2, evenement.NombreComptes);
    }

    [Fact]
    public async Task Un_enseignant_ne_voit_que_les_exterieurs_de_ses_classes()
    {
        var (en6A, ailleurs) = await ExterieursAsync();
        var client = await app.ConnecterAsync(Enseignant);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/eleves?externes=true"));

        Assert.Contains("1 élève extérieur trouvé", page);
        Assert.Contains(en6A.Identifiant, page);
        Assert.DoesNotContain(ailleurs.Identifiant, page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/eleves?externes=false")).StatusCode);
    }
}
