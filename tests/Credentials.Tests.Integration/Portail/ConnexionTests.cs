using System.Diagnostics;
using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Xunit.Abstractions;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

public class ConnexionTests(ITestOutputHelper sortie)
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_connexion_met_a_jour_la_date_de_derniere_connexion_et_ouvre_mon_compte(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var scene = await ScenePortail.ActiveAsync(fournisseur, horloge);
        var (app, remis, client) = scene;
        horloge.Avancer(TimeSpan.FromDays(3));

        var connexion = await ConnecterAsync(client, remis.Identifiant, MotDePasseChoisi);

        Assert.Equal(HttpStatusCode.Redirect, connexion.StatusCode);
        Assert.Equal("/portail/mon-compte", connexion.Headers.Location?.OriginalString);
        var cookie = Assert.Single(connexion.Headers.GetValues("Set-Cookie"), c => c.StartsWith("credentials.portail=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/portail", cookie);
        var derniere = (await CompteAsync(app, remis.Id)).DateDerniereConnexion;
        Assert.NotNull(derniere);
        Assert.True(Math.Abs((derniere.Value - horloge.GetUtcNow().UtcDateTime).TotalMilliseconds) < 1, $"{derniere:O}"); // PostgreSQL keeps microseconds
        Assert.Contains(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.ConnexionPortail && e.Auteur == ServicePortail.Auteur);

        var page = await DocumentAsync(await client.GetAsync("/portail/mon-compte"));
        var fiche = page.QuerySelectorAll("dl.fiche dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!.TextContent);
        Assert.Equal($"{remis.Prenom} {remis.Nom}", fiche["Nom"]);
        Assert.Equal(remis.Identifiant, fiche["Identifiant"]);
        Assert.Equal("Collège Jean Moulin", fiche["Établissement"]);
        Assert.Equal("Élève", fiche["Profil"]);
        Assert.Equal(Libelles.DateHeure(horloge.GetUtcNow().UtcDateTime), fiche["Dernière connexion"]);
        Assert.Equal("Mon compte – Portail des comptes", page.Title);
    }

    [Fact]
    public async Task Mon_compte_demande_une_session_du_portail()
    {
        await using var app = await CreerAsync();

        var reponse = await app.NouveauClient().GetAsync("/portail/mon-compte");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("http://localhost/portail/connexion", reponse.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Identifiant_inconnu_et_mauvais_mot_de_passe_recoivent_la_meme_reponse_pour_le_meme_travail()
    {
        var hacheur = new HacheurCompteur();
        await using var scene = await ScenePortail.ActiveAsync(hacheur: hacheur);
        var (app, active, client) = scene;
        var nonActive = await NotifierUnCompteAsync(app, scene.EtablissementId);
        var bloque = await NotifierUnCompteAsync(app, scene.EtablissementId);
        await ActiverAsync(client, bloque);
        await BloquerAsync(app, scene.EtablissementId, bloque.Id);
        var nonNotifie = await IdentifiantNonNotifieAsync(app, scene.EtablissementId);

        var reponses = new List<(string Cas, HttpStatusCode Statut, string Erreurs, int Verifications)>();
        foreach (var (cas, identifiant) in new[]
        {
            ("inconnu", "personne.inconnue"),
            ("mauvais mot de passe", active.Identifiant),
            ("pas encore activé", nonActive.Identifiant),
            ("non notifié", nonNotifie),
            ("bloqué", bloque.Identifiant),
        })
        {
            var avant = hacheur.Verifications;
            var reponse = await ConnecterAsync(client, identifiant, "Mauvais-Mot-2-Passe");
            reponses.Add((cas, reponse.StatusCode, await ErreursAsync(reponse), hacheur.Verifications - avant));
        }

        Assert.All(reponses, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Statut);
            Assert.Equal(reponses[0].Erreurs, r.Erreurs);
            Assert.True(r.Verifications == 1, $"{r.Cas}: {r.Verifications} PBKDF2 verifications");
        });
        Assert.Contains(MessagesPortail.ConnexionRefusee, reponses[0].Erreurs);
    }

    [Fact]
    public async Task Avec_le_vrai_hachage_un_identifiant_inconnu_coute_le_meme_temps_qu_un_mauvais_mot_de_passe()
    {
        await using var scene = await ScenePortail.ActiveAsync(hacheur: new HacheurPbkdf2());
        var (app, remis, client) = scene;
        Assert.StartsWith($"pbkdf2-sha512${HacheurPbkdf2.IterationsParDefaut}$", (await CompteAsync(app, remis.Id)).MotDePasseHash);
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(client, remis.Identifiant, MotDePasseChoisi)).StatusCode);

        // Only the POST is timed (one anti-forgery token for all), in alternating order; 4 failures stay under the lockout.
        var jeton = await ApplicationDeTest.JetonAsync(client, "/portail/connexion");
        var connu = new List<double>();
        var inconnu = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var mesureConnu = () => MesurerAsync(client, jeton, remis.Identifiant);
            var mesureInconnu = () => MesurerAsync(client, jeton, $"inconnu.{i}");
            if (i % 2 == 0)
            {
                connu.Add(await mesureConnu());
                inconnu.Add(await mesureInconnu());
            }
            else
            {
                inconnu.Add(await mesureInconnu());
                connu.Add(await mesureConnu());
            }
        }

        sortie.WriteLine($"Sign-in attempt, real PBKDF2: wrong password {Mediane(connu):F0} ms, unknown identifier {Mediane(inconnu):F0} ms (medians of 4)");
        var rapport = Mediane(inconnu) / Mediane(connu);
        Assert.True(rapport is > 0.5 and < 2, $"unknown {Mediane(inconnu):F0} ms vs wrong password {Mediane(connu):F0} ms");

        static double Mediane(List<double> valeurs) => valeurs.Order().ElementAt(valeurs.Count / 2);
    }

    [Fact]
    public async Task Changer_de_mot_de_passe_depuis_mon_compte()
    {
        await using var scene = await ScenePortail.ActiveAsync();
        var (app, remis, client) = scene;
        await ConnecterAsync(client, remis.Identifiant, MotDePasseChoisi);

        var faux = await ChangerAsync(client, "Pas-Le-Bon-1", AutreMotDePasse);
        Assert.Contains(MessagesPortail.MotDePasseActuelIncorrect, await ErreursAsync(faux));
        var juste = await ChangerAsync(client, MotDePasseChoisi, AutreMotDePasse);
        Assert.Equal(HttpStatusCode.Redirect, juste.StatusCode);
        Assert.Contains("Votre mot de passe a été changé", PortailDeTest.Texte((await DocumentAsync(await client.GetAsync("/portail/mon-compte"))).QuerySelector("[role=status]")));
        Assert.Contains(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.ChangementMotDePasse);

        var autre = app.NouveauClient();
        Assert.Equal(HttpStatusCode.OK, (await ConnecterAsync(autre, remis.Identifiant, MotDePasseChoisi)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(autre, remis.Identifiant, AutreMotDePasse)).StatusCode);
    }

    [Fact]
    public async Task Une_session_tombe_quand_le_mot_de_passe_change_ailleurs_et_a_la_deconnexion()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, remis, _) = scene;
        var ordinateurDuCollege = app.NouveauClient();
        var telephone = app.NouveauClient();
        await ActiverAsync(telephone, remis);
        await ConnecterAsync(ordinateurDuCollege, remis.Identifiant, MotDePasseChoisi);
        await ConnecterAsync(telephone, remis.Identifiant, MotDePasseChoisi);

        await ChangerAsync(telephone, MotDePasseChoisi, AutreMotDePasse);
        var ancienneSession = await ordinateurDuCollege.GetAsync("/portail/mon-compte");
        Assert.Equal(HttpStatusCode.Redirect, ancienneSession.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await telephone.GetAsync("/portail/mon-compte")).StatusCode);

        var deconnexion = await ApplicationDeTest.PosterAsync(telephone, "/portail/mon-compte", "/portail/deconnexion", []);
        Assert.Equal("/portail", deconnexion.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await telephone.GetAsync("/portail/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Un_compte_pas_encore_active_qui_se_connecte_avec_son_mot_de_passe_provisoire_est_guide_vers_la_premiere_connexion()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, remis, _) = scene;

        var reponse = await ConnecterAsync(app.NouveauClient(), remis.Identifiant, CommeTape(remis.MotDePasse));

        Assert.Contains(MessagesPortail.PasEncoreActive, await ErreursAsync(reponse));
    }

    private static Task<HttpResponseMessage> ChangerAsync(HttpClient client, string actuel, string nouveau) =>
        ApplicationDeTest.PosterAsync(client, "/portail/mon-compte", "/portail/mon-compte/mot-de-passe", [new("MotDePasseActuel", actuel), new("MotDePasse", nouveau), new("Confirmation", nouveau)]);

    private static async Task<double> MesurerAsync(HttpClient client, string jeton, string identifiant)
    {
        var formulaire = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Identifiant"] = identifiant,
            ["MotDePasse"] = "Mauvais-Mot-2-Passe",
        });
        var chrono = Stopwatch.StartNew();
        var reponse = await client.PostAsync("/portail/connexion", formulaire);
        var duree = chrono.Elapsed.TotalMilliseconds;
        Assert.Contains(MessagesPortail.ConnexionRefusee, await ErreursAsync(reponse));
        return duree;
    }
}

/// <summary>The real PBKDF2 at low cost, counting its verifications: proves each attempt does exactly one.</summary>
internal sealed class HacheurCompteur : IHacheurSecrets
{
    private readonly HacheurPbkdf2 interne = new(1_000);
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string Hacher(string secret) => interne.Hacher(secret);

    public bool Verifier(string hash, string secret)
    {
        Interlocked.Increment(ref verifications);
        return interne.Verifier(hash, secret);
    }
}
