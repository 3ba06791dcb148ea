using System.Text.Json;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Portail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Hote;

/// <summary>The host logs through Serilog.AspNetCore: one line per request, JSON on demand, nothing personal.</summary>
public class JournalisationTests
{
    private const string CategorieRequetes = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task Une_ligne_par_requete_sans_la_chaine_de_requete_et_en_json_quand_on_le_demande()
    {
        var journal = new JournalCapture();
        await using var app = await ApplicationDeTest.CreerAsync(
            reglages: new() { ["Logging:Format"] = "json" },
            services: s => s.AddSingleton<ILoggerProvider>(journal));
        var client = app.NouveauClient();

        Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
        await client.GetAsync("/portail/activation?identifiant=aglae.secretnom");
        await client.GetAsync("/page-qui-n-existe-pas?nom=Secretnom");

        var requetes = journal.Lignes.Where(l => l.Categorie == CategorieRequetes).ToList();
        Assert.Equal(3, requetes.Count);
        Assert.Equal(["/health", "/portail/activation", "/page-qui-n-existe-pas"], requetes.Select(l => l.Proprietes["RequestPath"]));
        Assert.All(requetes, l => Assert.Equal("GET", l.Proprietes["RequestMethod"]));
        Assert.Equal(404, requetes[2].Proprietes["StatusCode"]);
        Assert.All(requetes, l => Assert.IsType<double>(l.Proprietes["Elapsed"]));

        // The log file: one JSON object per line (compact format), no query string values anywhere.
        var lignes = await LireJournauxAsync(app.DossierDonnees);
        Assert.NotEmpty(lignes);
        Assert.All(lignes, ligne => Assert.True(JsonDocument.Parse(ligne).RootElement.TryGetProperty("@t", out _), ligne));
        // Other lines may carry RequestPath from the request's scope: count the middleware's own.
        Assert.Equal(3, lignes.Count(l => l.Contains($"\"SourceContext\":\"{CategorieRequetes}\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(lignes, l => l.Contains("ecretnom", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Les_journaux_d_une_notification_puis_d_une_activation_ne_contiennent_ni_nom_ni_mot_de_passe()
    {
        var journal = new JournalCapture();
        await using var scene = await ScenePortail.ActiveAsync(services: s => s.AddSingleton<ILoggerProvider>(journal));
        var remis = scene.Remis;
        // A failed sign-in too: the typed password must not be logged either.
        await PortailDeTest.ConnecterAsync(scene.Client, remis.Identifiant, "Mauvais-Essai-Secret-9");

        var textes = journal.Lignes.Select(l => l.Message + " " + string.Join(" ", l.Proprietes.Values)).ToList();
        textes.AddRange(await LireJournauxAsync(scene.App.DossierDonnees));
        Assert.Contains(textes, t => t.Contains("/portail", StringComparison.Ordinal));
        foreach (var secret in new[] { remis.MotDePasse, remis.MotDePasse.Replace(" ", "", StringComparison.Ordinal), PortailDeTest.MotDePasseChoisi, "Mauvais-Essai-Secret-9", remis.Nom, remis.Prenom })
        {
            Assert.DoesNotContain(textes, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task<List<string>> LireJournauxAsync(string dossierDonnees)
    {
        var lignes = new List<string>();
        var dossier = Path.Combine(dossierDonnees, "logs");
        foreach (var fichier in Directory.Exists(dossier) ? Directory.GetFiles(dossier, "credentials-*.log") : [])
        {
            await using var flux = new FileStream(fichier, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var lecteur = new StreamReader(flux);
            lignes.AddRange((await lecteur.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return lignes;
    }
}
