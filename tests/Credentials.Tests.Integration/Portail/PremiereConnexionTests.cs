using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Tests.Infrastructure;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

public class PremiereConnexionTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_mot_de_passe_provisoire_tape_en_minuscules_avec_l_espace_active_le_compte(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePortail.NotifieAsync(fournisseur);
        var (app, remis, client) = scene;

        var etape1 = await PremiereConnexionAsync(client, remis.Identifiant, CommeTape(remis.MotDePasse));
        Assert.Equal(HttpStatusCode.OK, etape1.StatusCode);
        Assert.Contains("Choisissez votre mot de passe", PortailDeTest.Texte((await DocumentAsync(etape1)).QuerySelector("h1")));
        var etape2 = await ChoisirAsync(client, etape1, MotDePasseChoisi, courriel: "famille.test@exemple.fr");

        Assert.Equal(HttpStatusCode.Redirect, etape2.StatusCode);
        Assert.Equal($"/portail/connexion?identifiant={remis.Identifiant}", etape2.Headers.Location?.OriginalString);
        var compte = await CompteAsync(app, remis.Id);
        Assert.Equal(EtatCompte.Active, compte.Etat);
        Assert.NotNull(compte.DateActivation);
        Assert.NotNull(compte.DateDerniereConnexion);
        Assert.Null(compte.MotDePasseProvisoireChiffre);
        Assert.StartsWith("pbkdf2-sha512$", compte.MotDePasseHash);
        Assert.Equal("famille.test@exemple.fr", compte.Courriel);
        var activation = Assert.Single(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.Activation);
        Assert.Equal(ServicePortail.Auteur, activation.Auteur);

        var connexion = await DocumentAsync(await client.GetAsync(etape2.Headers.Location));
        Assert.Contains("Succès\u00A0: Votre compte est activé.", PortailDeTest.Texte(connexion.QuerySelector("[role=status]")));
        Assert.Equal(remis.Identifiant, connexion.QuerySelector("input#Identifiant")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Une_seconde_activation_avec_l_ancien_mot_de_passe_provisoire_est_refusee()
    {
        await using var scene = await ScenePortail.ActiveAsync();
        var (app, remis, client) = scene;

        var encore = await PremiereConnexionAsync(client, remis.Identifiant, remis.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, encore.StatusCode);
        Assert.Contains(MessagesPortail.ActivationRefusee, await ErreursAsync(encore));
        Assert.Null((await DocumentAsync(encore)).QuerySelector("input[name=Jeton]"));
    }

    [Fact]
    public async Task Le_lien_du_QR_code_pre_remplit_l_identifiant()
    {
        await using var app = await CreerAsync();
        var lien = new Uri(LienPortail.Activation("http://localhost/portail", "camille.martin2"));

        var page = await DocumentAsync(await app.NouveauClient().GetAsync(lien.PathAndQuery));

        Assert.Equal("camille.martin2", page.QuerySelector("input#Identifiant")?.GetAttribute("value"));
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Première connexion – Portail des comptes", page.Title);
    }

    [Fact]
    public async Task Le_serveur_revérifie_chaque_regle_du_mot_de_passe_choisi()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, remis, client) = scene;
        var etape1 = await PremiereConnexionAsync(client, remis.Identifiant, remis.MotDePasse);

        var refus = new Dictionary<string, string>
        {
            ["Cour7!"] = "au moins 8 caractères",
            ["minuscules"] = "au moins 3 types",
            ["Azerty123!"] = "trop courant",
            [remis.Prenom + "-2026!x"] = "ni votre nom, ni votre prénom",
            [remis.Identifiant + "#A"] = "ni votre nom, ni votre prénom",
            [FormatSecret(remis.MotDePasse)] = "différent du mot de passe provisoire",
        };
        foreach (var (motDePasse, attendu) in refus)
        {
            var reponse = await ChoisirAsync(client, etape1, motDePasse);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            Assert.Contains(attendu, await ErreursAsync(reponse));
        }

        var differents = await ChoisirAsync(client, etape1, MotDePasseChoisi, confirmation: MotDePasseChoisi + "x");
        Assert.Contains(MessagesPortail.ConfirmationDifferente, await ErreursAsync(differents));
        var courriel = await ChoisirAsync(client, etape1, MotDePasseChoisi, courriel: "pas une adresse");
        Assert.Contains("L'adresse courriel n'est pas valide", await ErreursAsync(courriel));
        // The outbox could not write to an accented local part: the portal refuses it too, with the reason.
        var accentuee = await ChoisirAsync(client, etape1, MotDePasseChoisi, courriel: "élodie.martin@exemple.fr");
        Assert.Contains("sans espace ni accent", await ErreursAsync(accentuee));
        Assert.Equal(EtatCompte.NotifieNonActive, (await CompteAsync(app, remis.Id)).Etat);

        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(client, etape1, MotDePasseChoisi)).StatusCode);

        static string FormatSecret(string s) => Credentials.Core.Secrets.FormatSecret.PourAffichage(s).ToLowerInvariant();
    }

    [Fact]
    public async Task Un_mot_de_passe_provisoire_expire_n_est_explique_qu_a_qui_le_donne_juste()
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var scene = await ScenePortail.NotifieAsync(horloge: horloge);
        var (app, remis, _) = scene;
        horloge.Avancer(TimeSpan.FromDays(121));
        var client = app.NouveauClient();

        var juste = await PremiereConnexionAsync(client, remis.Identifiant, remis.MotDePasse);
        var faux = await PremiereConnexionAsync(client, remis.Identifiant, "AAAAA BBBBB");

        Assert.Contains(MessagesPortail.ProvisoireExpire, await ErreursAsync(juste));
        Assert.Contains(MessagesPortail.ActivationRefusee, await ErreursAsync(faux));
        Assert.Equal(EtatCompte.NotifieNonActive, (await CompteAsync(app, remis.Id)).Etat);
    }

    [Fact]
    public async Task Un_compte_non_notifie_recoit_la_meme_reponse_qu_un_identifiant_inconnu()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, _, client) = scene;
        var nonNotifie = await IdentifiantNonNotifieAsync(app, scene.EtablissementId);

        var connu = await PremiereConnexionAsync(client, nonNotifie, "ABCDE FGHJK");
        var inconnu = await PremiereConnexionAsync(client, "personne.inconnue", "ABCDE FGHJK");

        Assert.Equal(connu.StatusCode, inconnu.StatusCode);
        Assert.Equal(MessagesPortail.ActivationRefusee, (await ErreursAsync(connu)).Split(" à corriger ")[1]);
        Assert.Equal(await ErreursAsync(connu), await ErreursAsync(inconnu));
    }

    [Fact]
    public async Task Un_compte_bloque_n_est_pas_activable_et_ne_le_dit_qu_a_qui_donne_le_bon_mot_de_passe()
    {
        await using var scene = await ScenePortail.NotifieAsync();
        var (app, remis, _) = scene;
        await BloquerAsync(app, scene.EtablissementId, remis.Id);
        var client = app.NouveauClient();

        var juste = await PremiereConnexionAsync(client, remis.Identifiant, remis.MotDePasse);
        var faux = await PremiereConnexionAsync(client, remis.Identifiant, "AAAAA BBBBB");

        Assert.Contains(MessagesPortail.CompteBloque, await ErreursAsync(juste));
        Assert.Contains(MessagesPortail.ActivationRefusee, await ErreursAsync(faux));
        Assert.Equal(EtatCompte.NotifieNonActive, (await CompteAsync(app, remis.Id)).Etat);
        Assert.Contains(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.EchecConnexionPortail && e.Details == "Première connexion\u00A0: compte bloqué");
    }
}
