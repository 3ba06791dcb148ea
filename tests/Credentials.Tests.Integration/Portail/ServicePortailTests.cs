using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

/// <summary>The portal service called directly, without the web layer.</summary>
public class ServicePortailTests
{
    private static readonly IPAddress Adresse = IPAddress.Parse("198.51.100.20");

    [Fact]
    public async Task Les_deux_etapes_de_la_premiere_connexion_activent_le_compte_sans_garder_le_provisoire_en_clair()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, remis, _) = scene;
        await using var scope = app.Portee();
        var service = scope.ServiceProvider.GetRequiredService<ServicePortail>();

        var etape1 = await service.VerifierProvisoireAsync("  " + remis.Identifiant.ToUpperInvariant() + " ", CommeTape(remis.MotDePasse), Adresse);
        Assert.True(etape1.EstAccepte, string.Join(" ", etape1.Erreurs));
        Assert.DoesNotContain(remis.MotDePasse, etape1.Valeur!.Jeton, StringComparison.OrdinalIgnoreCase);
        var etape2 = await service.ActiverAsync(etape1.Valeur.Jeton, MotDePasseChoisi, MotDePasseChoisi, null);

        Assert.True(etape2.EstAccepte, string.Join(" ", etape2.Erreurs));
        Assert.Equal(EtatCompte.Active, (await CompteAsync(app, remis.Id)).Etat);
        var rejeu = await service.ActiverAsync(etape1.Valeur.Jeton, AutreMotDePasse, AutreMotDePasse, null);
        Assert.Equal(MessagesPortail.DejaActive, Assert.Single(rejeu.Erreurs).Message);
    }

    [Fact]
    public async Task Un_jeton_d_activation_perime_ou_falsifie_ne_sert_a_rien()
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var scene = await ScenePortail.NotifieAsync(horloge: horloge);
        var (app, remis, _) = scene;
        await using var scope = app.Portee();
        var service = scope.ServiceProvider.GetRequiredService<ServicePortail>();
        var jeton = (await service.VerifierProvisoireAsync(remis.Identifiant, remis.MotDePasse, Adresse)).Valeur!.Jeton;

        var falsifie = await service.ActiverAsync(jeton[..^4] + "AAAA", MotDePasseChoisi, MotDePasseChoisi, null);
        horloge.Avancer(TimeSpan.FromMinutes(21));
        var perime = await service.ActiverAsync(jeton, MotDePasseChoisi, MotDePasseChoisi, null);

        Assert.Equal(MessagesPortail.DelaiDepasse, Assert.Single(falsifie.Erreurs).Message);
        Assert.Equal(MessagesPortail.DelaiDepasse, Assert.Single(perime.Erreurs).Message);
        Assert.Equal(EtatCompte.NotifieNonActive, (await CompteAsync(app, remis.Id)).Etat);
    }

    [Fact]
    public async Task Pendant_un_delai_un_essai_est_refuse_sans_aucun_calcul()
    {
        var hacheur = new HacheurCompteur();
        await using var app = await CreerAsync(hacheur: hacheur);
        await using var scope = app.Portee();
        var service = scope.ServiceProvider.GetRequiredService<ServicePortail>();
        for (var i = 0; i < 5; i++)
        {
            await service.SeConnecterAsync("camille.martin", "Mauvais-Essai-" + i, Adresse);
        }

        var avant = hacheur.Verifications;
        var pendant = await service.SeConnecterAsync("camille.martin", "Encore-Un-Essai", Adresse);

        Assert.Equal(5, avant);
        Assert.Equal(avant, hacheur.Verifications);
        Assert.Equal(MessagesPortail.ConnexionRefusee, Assert.Single(pendant.Erreurs).Message);
    }

    [Fact]
    public async Task Un_essai_dont_le_client_raccroche_pendant_la_verification_est_consigne_sans_erreur_au_journal()
    {
        // At the end of a portal storm the load tool closed its connections: a request's token fired between the
        // secret's check and the attempt's final write, which was lost, and EF logged the cancelled commit as an error.
        var hacheur = new HacheurQuiRaccroche();
        var journal = new JournalCapture();
        await using var scene = await ScenePortail.NotifieAsync(hacheur: hacheur, services: s => s.AddSingleton<ILoggerProvider>(journal));
        var (app, remis, _) = scene;
        await using var scope = app.Portee();
        using var client = new CancellationTokenSource();
        hacheur.Raccrocher = client;

        var reponse = await scope.ServiceProvider.GetRequiredService<ServicePortail>().SeConnecterAsync(remis.Identifiant, "Pas-Le-Bon-42", Adresse, client.Token);

        Assert.True(client.IsCancellationRequested);
        Assert.Equal(MessagesPortail.ConnexionRefusee, Assert.Single(reponse.Erreurs).Message);
        Assert.Contains(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.EchecConnexionPortail);
        Assert.DoesNotContain(journal.Lignes, l => l.Niveau >= LogLevel.Error);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Des_essais_simultanes_ne_depassent_pas_la_limite(FournisseurBase fournisseur)
    {
        var hacheur = new HacheurCompteur();
        await using var app = await CreerAsync(fournisseur, hacheur: hacheur);

        var reponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = app.Portee();
            return await scope.ServiceProvider.GetRequiredService<ServicePortail>()
                .SeConnecterAsync("camille.martin", $"Essai-En-Rafale-{i}", IPAddress.Parse($"198.51.100.{i + 1}"));
        }));

        Assert.All(reponses, r => Assert.Equal(MessagesPortail.ConnexionRefusee, Assert.Single(r.Erreurs).Message));
        await using var verification = app.Portee();
        var limite = await verification.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<LimitePortail>().SingleAsync(l => l.Cle == "id:camille.martin");
        Assert.InRange(hacheur.Verifications, 1, 5);
        Assert.Equal(hacheur.Verifications, limite.Echecs);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Deux_premiers_essais_simultanes_sur_une_cle_nouvelle_ne_journalisent_aucune_erreur(FournisseurBase fournisseur)
    {
        // Families behind one address (a school's or a carrier's) try at the same moment: the limiter's rows for the
        // new keys were inserted twice, and the loser's duplicate key was logged as an error by EF, for a case foreseen.
        var journal = new JournalCapture();
        await using var app = await ApplicationDeTest.CreerAsync(fournisseur, null, services =>
        {
            Remplacer(services, null, new Core.Secrets.HacheurPbkdf2(1_000));
            services.AddSingleton<ILoggerProvider>(journal);
        });

        var reponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = app.Portee();
            return await scope.ServiceProvider.GetRequiredService<ServicePortail>()
                .SeConnecterAsync($"famille.{i % 4}", $"Essai-En-Rafale-{i}", IPAddress.Parse("203.0.113.7"));
        }));

        Assert.All(reponses, r => Assert.NotEmpty(r.Erreurs));
        var erreurs = journal.Lignes.Where(l => l.Niveau >= LogLevel.Error).Select(l => $"{l.Categorie}: {l.Message}").ToList();
        Assert.True(erreurs.Count == 0, string.Join('\n', erreurs));
        await using var verification = app.Portee();
        var limites = await verification.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<LimitePortail>().ToDictionaryAsync(l => l.Cle);
        Assert.Equal(["id:famille.0", "id:famille.1", "id:famille.2", "id:famille.3", "ip:203.0.113.7"], limites.Keys.Order());
    }

    [Fact]
    public async Task Les_compteurs_perimes_sont_purges()
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var app = await CreerAsync(horloge: horloge);
        await using (var scope = app.Portee())
        {
            var service = scope.ServiceProvider.GetRequiredService<ServicePortail>();
            await service.SeConnecterAsync("ancien.essai", "Mauvais-Essai-1", Adresse);
            horloge.Avancer(TimeSpan.FromHours(25));
            await service.SeConnecterAsync("nouvel.essai", "Mauvais-Essai-2", IPAddress.Parse("198.51.100.99"));
        }

        await using var purge = app.Portee();
        var effaces = await purge.ServiceProvider.GetRequiredService<LimiteurPortail>().PurgerAsync();

        Assert.Equal(2, effaces);
        var restants = await purge.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<LimitePortail>().Select(l => l.Cle).OrderBy(c => c).ToListAsync();
        Assert.Equal(["id:nouvel.essai", "ip:198.51.100.99"], restants);
    }

    [Fact]
    public async Task Une_adresse_de_confiance_n_est_jamais_ralentie_mais_chaque_identifiant_l_est()
    {
        await using var app = await CreerAsync(reglages: new() { ["Portail:Limites:AdressesDeConfiance:0"] = "198.51.100.20" });
        await using var scope = app.Portee();
        var service = scope.ServiceProvider.GetRequiredService<ServicePortail>();

        for (var i = 0; i < 60; i++)
        {
            await service.SeConnecterAsync($"eleve.{i}", "Mauvais-Essai-1", Adresse);
        }

        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.False(await db.Set<LimitePortail>().AnyAsync(l => l.Cle.StartsWith("ip:")));
        Assert.Equal(60, await db.Set<LimitePortail>().CountAsync(l => l.Cle.StartsWith("id:eleve.")));
    }

    [Theory]
    [InlineData(" Camille.MARTIN ", "camille.martin")]
    [InlineData("élodie.lefèvre", "elodie.lefevre")]
    [InlineData("a\r\nb\u2028c", "a??b?c")]
    [InlineData("   ", "")]
    public void L_identifiant_saisi_est_normalise_avant_toute_recherche(string saisie, string attendu) =>
        Assert.Equal(attendu, ServicePortail.NormaliserIdentifiant(saisie));
}

/// <summary>A cheap PBKDF2 that, once armed, cancels the request's token as it checks a secret: the client hangs up.</summary>
internal sealed class HacheurQuiRaccroche : IHacheurSecrets
{
    private readonly HacheurPbkdf2 interne = new(1_000);

    public CancellationTokenSource? Raccrocher { get; set; }

    public string Hacher(string secret) => interne.Hacher(secret);

    public bool Verifier(string hash, string secret)
    {
        Raccrocher?.Cancel();
        return interne.Verifier(hash, secret);
    }

    public bool DoitRehacher(string hash) => interne.DoitRehacher(hash);
}
