using System.Net;
using System.Text.RegularExpressions;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Core.Secrets;
using Credentials.Tests.Courriels;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Familles;

/// <summary>Activation links instead of passwords by e-mail, and « mot de passe oublié » by e-mail: one single-use link mechanism.</summary>
public class LiensUniquesTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_courriel_en_mode_lien_ne_porte_aucun_mot_de_passe_et_son_lien_active_le_compte_une_seule_fois(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(OutilsDeTest.Rentree);
        await using var app = await CreerAsync(fournisseur, horloge);
        var (ecole, portee) = await EcoleEnModeLienAsync(app);
        var awa = ecole["awa.ndiaye"].Id;

        await using (var scope = app.Portee())
        {
            var bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Ids = [awa] }, reinitialiser: false);
            Assert.Equal(1, bilan.Courriels);
        }

        var (texte, html, compte) = await CourrielAsync(app, awa);
        var provisoire = app.Services.GetRequiredService<ICoffreSecrets>().Dechiffrer(compte.MotDePasseProvisoireChiffre!);
        Assert.DoesNotContain(FormatSecret.PourAffichage(provisoire), texte);
        Assert.DoesNotContain(provisoire, texte.Replace(" ", ""));
        Assert.DoesNotContain(FormatSecret.PourAffichage(provisoire), html);
        Assert.DoesNotContain("Mot de passe provisoire", texte);
        Assert.Contains(compte.Identifiant, texte);
        var jeton = Regex.Match(texte, @"http://localhost/portail/lien/([A-Za-z0-9_-]{43})\b").Groups[1].Value;
        Assert.Equal(43, jeton.Length);
        Assert.Contains($"/portail/lien/{jeton}", html);
        // Stored hashed, never in clear.
        Assert.Equal(LienUnique.Empreinte(jeton), compte.LienHash);
        Assert.DoesNotContain(jeton, compte.LienHash);

        var client = app.NouveauClient();
        var page = await client.GetAsync($"/portail/lien/{jeton}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await DocumentAsync(page);
        Assert.Contains(compte.Identifiant, Texte(document.QuerySelector(".identifiant")));
        // Opening the link spends nothing (mail scanners open links).
        Assert.Equal(compte.Version, (await CompteAsync(app, awa)).Version);

        var envoi = await UtiliserLienAsync(client, jeton, MotDePasseChoisi);
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        Assert.Equal($"/portail/connexion?identifiant={compte.Identifiant}", envoi.Headers.Location?.OriginalString);
        var active = await CompteAsync(app, awa);
        Assert.Equal(EtatCompte.Active, active.Etat);
        Assert.Null(active.MotDePasseProvisoireChiffre);
        Assert.Null(active.LienHash);
        var journal = Assert.Single(await JournalAsync(app, awa), e => e.Action == ActionJournal.Activation);
        Assert.Equal((ServicePortail.Auteur, "Première connexion par lien d'activation"), (journal.Auteur, journal.Details));
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), compte.Identifiant, MotDePasseChoisi)).StatusCode);

        var encore = await client.GetAsync($"/portail/lien/{jeton}");
        Assert.Equal(HttpStatusCode.Gone, encore.StatusCode);
        Assert.Equal("Ce lien ne fonctionne plus", Texte((await DocumentAsync(encore)).QuerySelector("h1")));
        var secondUsage = await client.PostAsync("/portail/lien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await DocumentAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Jeton"] = jeton,
            ["MotDePasse"] = AutreMotDePasse,
            ["Confirmation"] = AutreMotDePasse,
        }));
        Assert.Equal(HttpStatusCode.Gone, secondUsage.StatusCode);
        Assert.Equal(active.MotDePasseHash, (await CompteAsync(app, awa)).MotDePasseHash);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Envoyer_aux_familles_en_mode_lien_n_envoie_ni_piece_jointe_ni_mot_de_passe_et_un_enfant_a_un_seul_lien(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(OutilsDeTest.Rentree);
        await using var app = await CreerAsync(fournisseur, horloge);
        var (ecole, portee) = await EcoleEnModeLienAsync(app);
        long Id(string racine) => ecole[racine].Id;
        await using (var scope = app.Portee())
        {
            // Both of Zoé's and Hugo's parents have an address: each gets an e-mail.
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var marcId = Id("marc.lefevre");
            (await db.Comptes.SingleAsync(c => c.Id == marcId)).ModifierCourriel("marc.lefevre@famille.test");
            await db.SaveChangesAsync();
            var bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>()
                .EnvoyerAuxFamillesAsync(portee, new CriteresComptes { Ids = [Id("hugo.lefevre"), Id("zoe.lefevre")] }, reinitialiser: false);
            Assert.Equal(2, bilan.Courriels);
            Assert.Empty(bilan.AImprimer);
        }

        var claire = await CourrielAsync(app, Id("claire.lefevre"));
        var marc = await CourrielAsync(app, Id("marc.lefevre"));
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            Assert.All(await db.Set<MessageSortant>().AsNoTracking().ToListAsync(), m => Assert.Null(m.PiecesJointes));
            var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
            foreach (var racine in new[] { "claire.lefevre", "marc.lefevre", "hugo.lefevre", "zoe.lefevre" })
            {
                var id = Id(racine);
                var compte = await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == id);
                Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
                var provisoire = coffre.Dechiffrer(compte.MotDePasseProvisoireChiffre!);
                Assert.All(new[] { claire.Texte, claire.Html, marc.Texte, marc.Html }, t => Assert.DoesNotContain(FormatSecret.PourAffichage(provisoire), t));
                Assert.Contains(compte.Identifiant, racine == "marc.lefevre" ? marc.Texte : claire.Texte);
            }
        }

        Assert.DoesNotContain("Mot de passe provisoire", claire.Texte);
        Assert.Contains("Zoé LEFÈVRE", claire.Texte);
        var liensClaire = Regex.Matches(claire.Texte, @"/portail/lien/([A-Za-z0-9_-]{43})\b").Select(m => m.Groups[1].Value).Distinct().ToList();
        var liensMarc = Regex.Matches(marc.Texte, @"/portail/lien/([A-Za-z0-9_-]{43})\b").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(3, liensClaire.Count);
        Assert.Equal(3, liensMarc.Count);
        // The children's links are the same in both e-mails; each parent's own link is theirs.
        Assert.Equal(2, liensClaire.Intersect(liensMarc).Count());
        var empreinteZoe = (await CompteAsync(app, Id("zoe.lefevre"))).LienHash;
        var lienZoe = liensClaire.Intersect(liensMarc).Single(j => LienUnique.Empreinte(j) == empreinteZoe);

        var client = app.NouveauClient();
        Assert.Equal(HttpStatusCode.Redirect, (await UtiliserLienAsync(client, lienZoe, MotDePasseChoisi)).StatusCode);
        Assert.Equal(EtatCompte.Active, (await CompteAsync(app, Id("zoe.lefevre"))).Etat);
        Assert.Equal(HttpStatusCode.Gone, (await UtiliserLienAsync(app.NouveauClient(), lienZoe, AutreMotDePasse, pageDuFormulaire: "/portail/activation")).StatusCode);
    }

    [Fact]
    public async Task Un_lien_d_activation_ne_vaut_plus_apres_son_expiration_une_nouvelle_notification_ou_un_blocage()
    {
        var horloge = new HorlogeDeTest(OutilsDeTest.Rentree);
        await using var app = await CreerAsync(FournisseurBase.Sqlite, horloge);
        var (ecole, portee) = await EcoleEnModeLienAsync(app);
        var tom = ecole["tom.rousseau"].Id;

        var premier = await NotifierEtLireLienAsync(app, portee, tom);
        var second = await NotifierEtLireLienAsync(app, portee, tom);
        Assert.NotEqual(premier, second);
        Assert.Equal(RefusLien.Invalide, (await OuvrirAsync(app, premier)).Refus);
        Assert.NotNull((await OuvrirAsync(app, second)).Lien);

        horloge.Avancer(TimeSpan.FromDays(Etablissement.DureeLienParDefaut) + TimeSpan.FromMinutes(1));
        Assert.Equal(RefusLien.Expire, (await OuvrirAsync(app, second)).Refus);
        var expire = await UtiliserLienAsync(app.NouveauClient(), second, MotDePasseChoisi, pageDuFormulaire: "/portail/mot-de-passe-oublie");
        Assert.Equal(HttpStatusCode.Gone, expire.StatusCode);
        Assert.Contains("Ce lien a expiré", await expire.Content.ReadAsStringAsync());
        Assert.Equal(EtatCompte.NotifieNonActive, (await CompteAsync(app, tom)).Etat);

        var troisieme = await NotifierEtLireLienAsync(app, portee, tom);
        await BloquerAsync(app, ecole.Etablissement.Id, tom);
        Assert.Equal(RefusLien.Invalide, (await OuvrirAsync(app, troisieme)).Refus);
        Assert.Null((await CompteAsync(app, tom)).LienHash);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Mot_de_passe_oublie_envoie_un_lien_a_l_adresse_du_compte_une_fois_par_quart_d_heure_et_le_lien_ne_sert_qu_une_fois(FournisseurBase fournisseur)
    {
        var horloge = new HorlogeDeTest(OutilsDeTest.Rentree);
        await using var scene = await Portail.ScenePortail.NotifieAsync(fournisseur, horloge);
        var (app, remis, client) = scene;
        await ActiverAsync(client, remis, courriel: "famille.oubli@exemple.fr");

        var demande = await DemanderLienAsync(client, remis.Identifiant);
        Assert.Equal(HttpStatusCode.Redirect, demande.StatusCode);
        var confirmation = await DocumentAsync(await client.GetAsync(demande.Headers.Location));
        Assert.Contains(MessagesPortail.LienMotDePasseEnvoye, Texte(confirmation.QuerySelector("[role=status]")));
        // The same answer for an unknown identifier, and nothing queued for it.
        var inconnu = await DemanderLienAsync(client, "personne.inconnue");
        Assert.Equal(HttpStatusCode.Redirect, inconnu.StatusCode);
        // A second request within 15 minutes sends nothing more.
        await DemanderLienAsync(client, remis.Identifiant);

        var (texte, _, compte) = await CourrielAsync(app, remis.Id);
        Assert.Equal(1, await NombreMessagesAsync(app));
        Assert.Contains("Choisir un nouveau mot de passe", texte, StringComparison.OrdinalIgnoreCase);
        var jeton = Regex.Match(texte, @"/portail/lien/([A-Za-z0-9_-]{43})\b").Groups[1].Value;
        Assert.Equal(ObjetLien.NouveauMotDePasse, compte.LienObjet);
        var journal = await JournalAsync(app, remis.Id);
        Assert.Equal(2, journal.Count(e => e.Action == ActionJournal.LienNouveauMotDePasse));

        var envoi = await UtiliserLienAsync(client, jeton, AutreMotDePasse);
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, AutreMotDePasse)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, MotDePasseChoisi)).StatusCode);
        Assert.Single(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.NouveauMotDePasseParLien);
        Assert.Equal(HttpStatusCode.Gone, (await UtiliserLienAsync(client, jeton, "Encore-Un-Autre-9", pageDuFormulaire: "/portail/mot-de-passe-oublie")).StatusCode);

        horloge.Avancer(TimeSpan.FromMinutes(16));
        await DemanderLienAsync(client, remis.Identifiant);
        Assert.Equal(2, await NombreMessagesAsync(app));
    }

    internal static async Task<(EcoleDeTest Ecole, Portee Portee)> EcoleEnModeLienAsync(ApplicationDeTest app)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var ecole = await EcoleDeTest.CreerAsync(db);
        var etablissement = await db.Etablissements.SingleAsync(e => e.Id == ecole.Etablissement.Id);
        etablissement.ModifierEnvois(ModeCourriel.Lien, Etablissement.DureeLienParDefaut, CalendrierRelances.Aucun);
        await db.SaveChangesAsync();
        return (ecole, new Portee(ecole.Etablissement.Id, RoleConsole.Secretaire, null, "secretariat@college.test"));
    }

    /// <summary>The last message queued for an account, decrypted, and the account as saved.</summary>
    private static async Task<(string Texte, string Html, Compte Compte)> CourrielAsync(ApplicationDeTest app, long compteId)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
        var message = await db.Set<MessageSortant>().AsNoTracking().Where(m => m.CompteId == compteId).OrderByDescending(m => m.Id).FirstAsync();
        Assert.True(message.CorpsChiffres, "A body carrying a single-use link is encrypted in the outbox.");
        var compte = await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == compteId);
        return (coffre.Dechiffrer(message.CorpsTexte), coffre.Dechiffrer(message.CorpsHtml!), compte);
    }

    private static async Task<int> NombreMessagesAsync(ApplicationDeTest app)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<MessageSortant>().CountAsync();
    }

    private static async Task<string> NotifierEtLireLienAsync(ApplicationDeTest app, Portee portee, long compteId)
    {
        await using (var scope = app.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Ids = [compteId] }, reinitialiser: false);
        }

        var (texte, _, _) = await CourrielAsync(app, compteId);
        return Regex.Match(texte, @"/portail/lien/([A-Za-z0-9_-]{43})\b").Groups[1].Value;
    }

    private static async Task<(LienOuvert? Lien, RefusLien? Refus)> OuvrirAsync(ApplicationDeTest app, string jeton)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<LiensPortail>().OuvrirAsync(jeton);
    }

    private static Task<HttpResponseMessage> DemanderLienAsync(HttpClient client, string identifiant) =>
        ApplicationDeTest.PosterAsync(client, "/portail/mot-de-passe-oublie", "/portail/mot-de-passe-oublie", [new("Identifiant", identifiant)]);

    /// <summary>Posts the link's form (its anti-forgery token taken from the link's page, or another portal page once the link is dead).</summary>
    private static Task<HttpResponseMessage> UtiliserLienAsync(HttpClient client, string jeton, string motDePasse, string? pageDuFormulaire = null) =>
        ApplicationDeTest.PosterAsync(client, pageDuFormulaire ?? $"/portail/lien/{jeton}", "/portail/lien", [new("Jeton", jeton), new("MotDePasse", motDePasse), new("Confirmation", motDePasse)]);
}
