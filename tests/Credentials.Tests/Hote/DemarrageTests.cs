using System.Net;
using Credentials.Core.Data;
using Credentials.Tests.Infrastructure;
using Credentials.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Hote;

/// <summary>What a fresh start gives: health, the demo school in Development only, logs without secrets.</summary>
public class DemarrageTests
{
    [Fact]
    public async Task En_developpement_une_base_vide_recoit_l_etablissement_et_la_directrice_de_demonstration()
    {
        await using var app = await ApplicationDeTest.CreerAsync(reglages: new() { ["environment"] = "Development", ["Demo:Seed"] = "true" });
        var client = app.NouveauClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var connexion = await client.GetStringAsync("/compte/connexion");
        Assert.Contains(CompteDemo.Courriel, connexion);
        Assert.Contains(CompteDemo.MotDePasse, connexion);

        var signe = await app.ConnecterAsync(CompteDemo.Courriel, CompteDemo.MotDePasse);
        Assert.Contains(CompteDemo.Uai, await signe.GetStringAsync("/eleves"));

        // The demo password is shown on the page, never written to a log.
        var journaux = Directory.GetFiles(Path.Combine(app.DossierDonnees, "logs"));
        Assert.NotEmpty(journaux);
        foreach (var fichier in journaux)
        {
            await using var flux = new FileStream(fichier, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Assert.DoesNotContain(CompteDemo.MotDePasse, await new StreamReader(flux).ReadToEndAsync());
        }
    }

    [Fact]
    public async Task Au_demarrage_les_documents_sont_prechauffes_en_arriere_plan()
    {
        await using var app = await ApplicationDeTest.CreerAsync(reglages: new() { ["Documents:Prechauffer"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await app.NouveauClient().GetAsync("/health")).StatusCode);

        // The service logs once it has rendered its sample letters, sheets and lists.
        var journal = "";
        for (var essai = 0; essai < 120 && !journal.Contains("Document renderers warmed up", StringComparison.Ordinal); essai++)
        {
            await Task.Delay(250);
            journal = "";
            foreach (var fichier in Directory.GetFiles(Path.Combine(app.DossierDonnees, "logs")))
            {
                await using var flux = new FileStream(fichier, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                journal += await new StreamReader(flux).ReadToEndAsync();
            }
        }

        Assert.Matches(@"Document renderers warmed up in \d+ ms \(\d{6,} bytes of sample PDFs\)", journal);
    }

    [Fact]
    public async Task Hors_developpement_aucune_donnee_de_demonstration_et_la_sante_repond()
    {
        await using var app = await ApplicationDeTest.CreerAsync(reglages: new() { ["environment"] = "Production" });
        var client = app.NouveauClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.DoesNotContain("Compte de démonstration", await client.GetStringAsync("/compte/connexion"));
        await using var scope = app.Portee();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Etablissements.CountAsync());
    }
}
