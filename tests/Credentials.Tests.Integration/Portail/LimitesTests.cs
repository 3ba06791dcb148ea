using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

/// <summary>CNIL 2022: delays that grow after 5 failures per identifier, a ceiling per 24 h, a slower pace for one address.</summary>
public class LimitesTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Apres_cinq_echecs_meme_le_bon_mot_de_passe_est_refuse_pendant_le_delai_sans_toucher_aux_autres_identifiants(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        var journal = new JournalCapture();
        await using var scene = await ScenePortail.ActiveAsync(fournisseur, horloge, services: s => s.AddSingleton<ILoggerProvider>(journal));
        var (app, cible, client) = scene;
        var voisin = await NotifierUnCompteAsync(app, scene.EtablissementId);
        await ActiverAsync(client, voisin);

        var reponseFausse = "";
        for (var i = 1; i <= 5; i++)
        {
            reponseFausse = await ErreursAsync(await ConnecterAsync(client, cible.Identifiant, $"Mauvais-{i}-Essai"));
        }

        var bonPendantLeDelai = await ConnecterAsync(client, cible.Identifiant, MotDePasseChoisi);
        Assert.Equal(HttpStatusCode.OK, bonPendantLeDelai.StatusCode);
        Assert.Equal(reponseFausse, await ErreursAsync(bonPendantLeDelai));
        Assert.Contains(MessagesPortail.ConnexionRefusee, reponseFausse);
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), voisin.Identifiant, MotDePasseChoisi)).StatusCode);

        var limite = await LimiteAsync(app, "id:" + cible.Identifiant);
        Assert.Equal(5, limite.Echecs);
        Assert.Equal(horloge.GetUtcNow().UtcDateTime.AddMinutes(1), limite.BloqueJusqua!.Value, TimeSpan.FromMilliseconds(1));
        var verrouillage = Assert.Single(await JournalAsync(app, cible.Id), e => e.Action == ActionJournal.VerrouillagePortail);
        Assert.EndsWith("après 5 échecs", verrouillage.Details);
        Assert.Equal(5, (await JournalAsync(app, cible.Id)).Count(e => e.Action == ActionJournal.EchecConnexionPortail));
        var log = Assert.Single(journal.Lignes, l => l.Message.StartsWith("Portal lockout", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, log.Niveau);
        Assert.Equal("id:" + cible.Identifiant, log.Proprietes["Cle"]);

        horloge.Avancer(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(client, cible.Identifiant, MotDePasseChoisi)).StatusCode);
        Assert.Null(await LimiteOuRienAsync(app, "id:" + cible.Identifiant));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_adresse_qui_echoue_sur_beaucoup_d_identifiants_est_ralentie(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var scene = await ScenePortail.ActiveAsync(fournisseur, horloge);
        var (app, remis, client) = scene;

        for (var i = 1; i <= 50; i++)
        {
            Assert.Contains(MessagesPortail.ConnexionRefusee, await ErreursAsync(await ConnecterAsync(client, $"essai.{i}", "Azerty-123-Pluie")));
        }

        var ralenti = await ConnecterAsync(client, remis.Identifiant, MotDePasseChoisi);
        Assert.Equal(HttpStatusCode.OK, ralenti.StatusCode);
        Assert.Contains(MessagesPortail.ConnexionRefusee, await ErreursAsync(ralenti));

        // The in-process test server gives no remote address: such clients share the "ip:inconnue" counter.
        var adresse = await LimiteAsync(app, LimiteurPortail.CleAdresse(null));
        Assert.Equal(50, adresse.Echecs);
        Assert.NotNull(adresse.BloqueJusqua);
        Assert.Null(await LimiteOuRienAsync(app, "id:" + remis.Identifiant));

        horloge.Avancer(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(client, remis.Identifiant, MotDePasseChoisi)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_classe_qui_essaie_en_meme_temps_depuis_une_adresse_est_servie_sans_refus(FournisseurBase fournisseur)
    {
        var journal = new JournalCapture();
        await using var app = await ApplicationDeTest.CreerAsync(fournisseur, services: s =>
        {
            Remplacer(s, null, new Credentials.Core.Secrets.HacheurPbkdf2(1_000));
            s.AddSingleton<ILoggerProvider>(journal);
        });
        var client = app.NouveauClient();
        var jeton = await ApplicationDeTest.JetonAsync(client, "/portail/connexion");

        var reponses = await Task.WhenAll(Enumerable.Range(1, 30).Select(i => client.PostAsync("/portail/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Identifiant"] = $"eleve.{i}",
            ["MotDePasse"] = "Pas-Encore-Active-1",
        }))));

        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.DoesNotContain(journal.Lignes, l => l.Message.Contains("could not record", StringComparison.Ordinal));
        Assert.Equal(30, (await LimiteAsync(app, LimiteurPortail.CleAdresse(null))).Echecs);
    }

    [Fact]
    public async Task Un_identifiant_inconnu_se_verrouille_comme_un_connu()
    {
        await using var app = await CreerAsync();
        var client = app.NouveauClient();

        for (var i = 1; i <= 5; i++)
        {
            await ConnecterAsync(client, "personne.inconnue", $"Mauvais-{i}-Essai");
        }

        var limite = await LimiteAsync(app, "id:personne.inconnue");
        Assert.Equal(5, limite.Echecs);
        Assert.NotNull(limite.BloqueJusqua);
    }

    [Fact]
    public async Task Un_identifiant_avec_des_retours_a_la_ligne_n_en_laisse_aucun_dans_les_journaux()
    {
        var journal = new JournalCapture();
        await using var app = await ApplicationDeTest.CreerAsync(services: s =>
        {
            Remplacer(s, null, new Credentials.Core.Secrets.HacheurPbkdf2(1_000));
            s.AddSingleton<ILoggerProvider>(journal);
        });
        var client = app.NouveauClient();
        const string piege = "pirate\r\n[12:00:00 INF] Faux\u2028succès";

        for (var i = 1; i <= 5; i++)
        {
            await ConnecterAsync(client, piege, "Secret-Tres-Prive-7");
        }

        var verrouillage = Assert.Single(journal.Lignes, l => l.Message.StartsWith("Portal lockout", StringComparison.Ordinal));
        Assert.Equal("id:pirate??[12:00:00 inf] faux?succes", verrouillage.Proprietes["Cle"]);
        Assert.DoesNotContain(journal.Lignes, l => l.Message.Contains("Secret-Tres-Prive-7", StringComparison.Ordinal));
        Assert.DoesNotContain(journal.Lignes, l => l.Categorie.StartsWith("Credentials", StringComparison.Ordinal) && l.Message.IndexOfAny(['\r', '\n', '\u2028']) >= 0);
    }

    private static async Task<LimitePortail> LimiteAsync(ApplicationDeTest app, string cle) =>
        await LimiteOuRienAsync(app, cle) ?? throw new Xunit.Sdk.XunitException($"No limit row for {cle}");

    private static async Task<LimitePortail?> LimiteOuRienAsync(ApplicationDeTest app, string cle)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<LimitePortail>().AsNoTracking().SingleOrDefaultAsync(l => l.Cle == cle);
    }
}
