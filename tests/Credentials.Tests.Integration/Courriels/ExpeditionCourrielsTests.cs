using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Courriels;

/// <summary>The dispatcher against a real SMTP server (aiosmtpd on loopback), read back from its Maildir.</summary>
public class ExpeditionCourrielsTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Les_courriels_de_notification_arrivent_une_fois_en_utf8_a_l_adresse_de_la_mise_en_file_avec_le_mot_de_passe_du_compte(FournisseurBase fournisseur)
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(fournisseur, smtp);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        await using (var scope = banc.Portee())
        {
            var service = scope.ServiceProvider.GetRequiredService<ServiceCourriels>();
            await service.NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Classes = ["6A"] }, false);
            await service.NotifierAsync(portee, new CriteresComptes { Profil = Profil.Responsable }, false);
        }

        // The address changes after enqueueing: the message still goes where it was addressed.
        await using (var db = banc.Base.Contexte())
        {
            var awa = await db.Comptes.SingleAsync(c => c.Courriel == "awa.ndiaye@eleves.test");
            awa.ModifierCourriel("awa.nouvelle@eleves.test");
            await db.SaveChangesAsync();
        }

        await banc.DemarrerExpeditionAsync();
        await banc.AttendreQueToutSoitTraiteAsync();

        await using var verif = banc.Base.Contexte();
        var messages = await verif.Set<MessageSortant>().AsNoTracking().ToListAsync();
        var comptes = await verif.Comptes.AsNoTracking().ToDictionaryAsync(c => c.Id);
        Assert.Equal(5, messages.Count);
        Assert.All(messages, m => Assert.Equal((StatutMessage.Envoye, 1), (m.Statut, m.Tentatives)));
        Assert.All(messages, m => Assert.NotNull(m.EnvoyeLe));

        var recus = await smtp.LireAsync();
        Assert.Equal(messages.Select(m => m.MessageId).Order(), recus.Select(r => r.MessageId).Order());
        var coffre = banc.Services.GetRequiredService<ICoffreSecrets>();
        var motsDePasse = new List<string>();
        foreach (var recu in recus)
        {
            var message = messages.Single(m => m.MessageId == recu.MessageId);
            var compte = comptes[message.CompteId!.Value];
            var motDePasse = FormatSecret.PourAffichage(coffre.Dechiffrer(compte.MotDePasseProvisoireChiffre!));
            motsDePasse.Add(motDePasse);
            Assert.Equal($"{compte.Prenom} {compte.Nom} <{message.Destinataire}>", recu.A);
            Assert.Equal("Collège Évariste Galois <ne-pas-repondre@credentials.exemple.fr>", recu.De);
            // RFC 3834 (no out-of-office loop), French, and replies to the address of the school's contact text.
            Assert.Equal("auto-generated", recu.AutoSubmitted);
            Assert.Equal("fr", recu.Langue);
            Assert.Equal("Collège Évariste Galois <Secretariat@galois.exemple.fr>", recu.RepondreA);
            Assert.Equal("Votre compte pour les services en ligne – Collège Évariste Galois", recu.Sujet);
            Assert.StartsWith(compte.Profil == Profil.Eleve ? $"Bonjour {compte.Prenom}," : compte.Civilite switch { "M." => "Monsieur,", "Mme" => "Madame,", _ => "Madame, Monsieur," }, recu.Texte);
            Assert.Contains($"Mot de passe provisoire\u00A0: {motDePasse}", recu.Texte);
            Assert.Contains($"Identifiant\u00A0: {compte.Identifiant}", recu.Texte);
            Assert.Contains($"https://portail.exemple.fr/credentials/activation?identifiant={compte.Identifiant}", recu.Texte);
            Assert.Contains(motDePasse, recu.Html);
            Assert.Contains("Mme Hélène Dupré", recu.Html);
            Assert.Empty(recu.PiecesJointes);
        }

        Assert.Contains(recus, r => r.A.EndsWith("<awa.ndiaye@eleves.test>", StringComparison.Ordinal));
        Assert.DoesNotContain(recus, r => r.A.Contains("awa.nouvelle", StringComparison.Ordinal));
        var journaux = banc.Journaux.Lignes.Select(l => l.Message + " " + string.Join(" ", l.Proprietes.Values)).ToList();
        Assert.Contains(journaux, l => l.Contains("queued 2 notification messages", StringComparison.Ordinal));
        Assert.DoesNotContain(journaux, l => motsDePasse.Any(p => l.Contains(p, StringComparison.Ordinal) || l.Contains(p.Replace(" ", ""), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Les_courriels_aux_familles_joignent_une_fiche_pdf_valide_par_personne_nommee_par_personne()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        await using (var scope = banc.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().EnvoyerAuxFamillesAsync(portee, new CriteresComptes(), false);
        }

        await banc.DemarrerExpeditionAsync();
        await banc.AttendreQueToutSoitTraiteAsync();

        var recus = await smtp.LireAsync();
        Assert.Equal(["claire.lefevre@famille.test", "fatou.ndiaye@famille.test", "julie.berger@famille.test"], recus.Select(r => r.A.Split('<', '>')[1]).Order());
        var claire = recus.Single(r => r.A.Contains("claire.lefevre", StringComparison.Ordinal));
        Assert.Equal("Les fiches de connexion de votre famille – Collège Évariste Galois", claire.Sujet);
        Assert.Contains("  - Fiche de connexion élève – Zoé LEFÈVRE, classe 6A", claire.Texte);
        Assert.Equal(
            ["Fiche de connexion responsable – Claire LEFÈVRE.pdf", "Fiche de connexion élève – Hugo LEFÈVRE.pdf", "Fiche de connexion élève – Zoé LEFÈVRE.pdf"],
            claire.PiecesJointes.Select(p => p.Nom));
        var coffre = banc.Services.GetRequiredService<ICoffreSecrets>();
        await using var db = banc.Base.Contexte();
        foreach (var (piece, racine) in claire.PiecesJointes.Zip(["claire.lefevre", "hugo.lefevre", "zoe.lefevre"]))
        {
            var id = ecole[racine].Id;
            var compte = await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal("application/pdf", piece.Type);
            var info = await Processus.ExecuterAsync("pdfinfo", [piece.Chemin]);
            Assert.Contains("Pages:           1", info);
            Assert.Contains($"Title:           {Path.GetFileNameWithoutExtension(piece.Nom)}", info);
            var texte = await Poppler.TexteAsync(await File.ReadAllBytesAsync(piece.Chemin));
            Assert.Contains(compte.Identifiant, texte);
            Assert.Contains(FormatSecret.PourAffichage(coffre.Dechiffrer(compte.MotDePasseProvisoireChiffre!)), texte);
        }

        Assert.Single(recus.Single(r => r.A.Contains("julie.berger", StringComparison.Ordinal)).PiecesJointes);
    }

    [Fact]
    public async Task Sans_serveur_smtp_le_transport_pickup_ecrit_un_eml_par_courriel_dans_le_dossier_de_donnees()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (_, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        await using (var scope = banc.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve }, false);
        }

        await banc.DemarrerExpeditionAsync();
        await banc.AttendreQueToutSoitTraiteAsync();

        var recus = await ServeurSmtpDeTest.LireAsync(Path.Combine(banc.DossierDonnees, "mail-pickup"));
        Assert.Equal(["awa.ndiaye@eleves.test", "tom.rousseau@eleves.test"], recus.Select(r => r.A.Split('<', '>')[1]).Order());
        Assert.All(recus, r => Assert.Equal("Votre compte pour les services en ligne – Collège Évariste Galois", r.Sujet));
        Assert.All(recus, r => Assert.Matches("^<[0-9a-f]{32}@credentials.exemple.fr>$", r.MessageId));
    }

    [Fact]
    public async Task Serveur_smtp_injoignable_pendant_la_campagne_puis_relance_chaque_courriel_arrive_une_fois()
    {
        await using var smtp = ServeurSmtpDeTest.Reserver();
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp);
        var ids = await EnfilerAsync(banc, 20);

        await banc.DemarrerExpeditionAsync();
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.EnEchec) == 20);
        await using (var db = banc.Base.Contexte())
        {
            var echecs = await db.Set<MessageSortant>().AsNoTracking().ToListAsync();
            Assert.All(echecs, m => Assert.Equal(1, m.Tentatives));
            Assert.All(echecs, m => Assert.Equal(banc.Maintenant.AddMinutes(1), m.ProchaineTentative));
            Assert.All(echecs, m => Assert.Contains("refused", m.DerniereErreur, StringComparison.OrdinalIgnoreCase));
        }

        await smtp.DemarrerSurSonPortAsync();
        await Task.Delay(500);
        Assert.Empty(await smtp.LireAsync());
        banc.Horloge.Avancer(TimeSpan.FromMinutes(1));
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) == 20);

        await ChacunUneFoisAsync(smtp, banc, ids);
    }

    [Fact]
    public async Task Reponse_451_le_courriel_est_retente_avec_un_delai_croissant_puis_accepte()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync(temporaires: 2);
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp);
        var ids = await EnfilerAsync(banc, 3);
        await banc.DemarrerExpeditionAsync();

        await AttendreTentativesAsync(banc, 1);
        var premiers = await MessagesAsync(banc);
        Assert.All(premiers, m => Assert.Equal(StatutMessage.EnEchec, m.Statut));
        Assert.All(premiers, m => Assert.StartsWith("451 ", m.DerniereErreur));
        Assert.All(premiers, m => Assert.Contains("Temporary failure (attempt 1)", m.DerniereErreur));
        Assert.All(premiers, m => Assert.Equal(TimeSpan.FromMinutes(1), m.ProchaineTentative - m.DerniereTentativeLe));

        banc.Horloge.Avancer(TimeSpan.FromMinutes(1));
        await AttendreTentativesAsync(banc, 2);
        Assert.All(await MessagesAsync(banc), m => Assert.Equal((StatutMessage.EnEchec, TimeSpan.FromMinutes(2)), (m.Statut, m.ProchaineTentative - m.DerniereTentativeLe)));

        banc.Horloge.Avancer(TimeSpan.FromMinutes(2));
        await AttendreTentativesAsync(banc, 3);
        Assert.All(await MessagesAsync(banc), m => Assert.Equal(StatutMessage.Envoye, m.Statut));
        await ChacunUneFoisAsync(smtp, banc, ids);
    }

    [Fact]
    public async Task Reponse_550_le_courriel_est_abandonne_aussitot_avec_la_reponse_du_serveur_et_jamais_retente()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync(refus: true);
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp);
        await EnfilerAsync(banc, 2);
        await banc.DemarrerExpeditionAsync();

        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Abandonne) == 2);
        banc.Horloge.Avancer(TimeSpan.FromHours(3));
        await Task.Delay(500);

        var messages = await MessagesAsync(banc);
        Assert.All(messages, m => Assert.Equal((StatutMessage.Abandonne, 1), (m.Statut, m.Tentatives)));
        Assert.All(messages, m => Assert.StartsWith("550 ", m.DerniereErreur));
        Assert.All(messages, m => Assert.Contains("User unknown in local recipient table", m.DerniereErreur));
        Assert.Empty(await smtp.LireAsync());
    }

    [Fact]
    public async Task Passee_sa_duree_de_vie_un_courriel_en_echec_passager_est_abandonne()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync(temporaires: 1000);
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp, new() { ["Mail:MaxLifetime"] = "00:10:00" });
        await EnfilerAsync(banc, 1);
        await banc.DemarrerExpeditionAsync();

        await AttendreTentativesAsync(banc, 1);
        Assert.Equal(StatutMessage.EnEchec, (await MessagesAsync(banc))[0].Statut);
        banc.Horloge.Avancer(TimeSpan.FromMinutes(11));
        await AttendreTentativesAsync(banc, 2);

        var message = (await MessagesAsync(banc))[0];
        Assert.Equal(StatutMessage.Abandonne, message.Statut);
        Assert.StartsWith("451 ", message.DerniereErreur);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Expedition_arretee_en_pleine_campagne_puis_relancee_rien_n_est_perdu_ni_envoye_deux_fois(FournisseurBase fournisseur)
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(fournisseur, smtp, new() { ["Mail:RatePerSecond"] = "40", ["Mail:Workers"] = "4" });
        var ids = await EnfilerAsync(banc, 200);

        var premiere = await banc.DemarrerExpeditionAsync();
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) >= 40);
        await banc.ArreterAsync(premiere);

        var apresArret = await banc.StatutsAsync();
        Assert.Equal(0, apresArret.GetValueOrDefault(StatutMessage.EnCours));
        Assert.True(apresArret.GetValueOrDefault(StatutMessage.EnAttente) > 0, "The dispatcher was stopped after the campaign had ended: nothing was tested.");
        Assert.Equal(apresArret[StatutMessage.Envoye], (await smtp.LireAsync()).Count);

        await banc.DemarrerExpeditionAsync();
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) == 200);
        await ChacunUneFoisAsync(smtp, banc, ids);
    }

    [Fact]
    public async Task Un_lot_reserve_par_une_instance_tombee_est_repris_quand_son_bail_expire()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite, smtp);
        var ids = await EnfilerAsync(banc, 5);
        await using (var db = banc.Base.Contexte())
        {
            var bail = banc.Maintenant.AddMinutes(5);
            await db.Set<MessageSortant>().ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Statut, StatutMessage.EnCours)
                .SetProperty(m => m.BailProprietaire, "instance-tombee/1234/dead/1")
                .SetProperty(m => m.BailJusqua, bail));
        }

        await banc.DemarrerExpeditionAsync();
        await Task.Delay(500);
        Assert.Equal(5, (await banc.StatutsAsync())[StatutMessage.EnCours]);
        Assert.Empty(await smtp.LireAsync());

        banc.Horloge.Avancer(TimeSpan.FromMinutes(5));
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) == 5);
        await ChacunUneFoisAsync(smtp, banc, ids);
    }

    [Fact]
    public async Task Deux_instances_sur_postgresql_envoient_mille_courriels_chacun_une_seule_fois()
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Postgres, smtp, new() { ["Mail:Workers"] = "4" });
        await using var autre = banc.AutreInstance();
        var ids = await EnfilerAsync(banc, 1000);

        await banc.DemarrerExpeditionAsync();
        await autre.DemarrerExpeditionAsync();
        await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) == 1000, TimeSpan.FromMinutes(3));

        await ChacunUneFoisAsync(smtp, banc, ids);
        int Envoyes(BancCourriels instance) => instance.Journaux.Lignes.Count(l => l.Niveau == LogLevel.Debug && l.Message.EndsWith(" sent", StringComparison.Ordinal));
        Assert.True(Envoyes(banc) > 0 && Envoyes(autre) > 0, $"Both instances should have sent: {Envoyes(banc)} and {Envoyes(autre)}");
        Assert.Equal(1000, Envoyes(banc) + Envoyes(autre));
    }

    /// <summary>Enqueues <paramref name="nombre"/> plain messages (no secret) for one pupil, as one campaign.</summary>
    internal static async Task<List<string>> EnfilerAsync(BancCourriels banc, int nombre, IReadOnlyList<PieceJointeReference>? pieces = null)
    {
        await using var db = banc.Base.Contexte();
        if (!await db.Etablissements.AnyAsync())
        {
            await EcoleDeTest.CreerAsync(db);
        }

        var eleve = await db.Comptes.FirstAsync(c => c.Profil == Profil.Eleve);
        var portee = new Portee(eleve.EtablissementId, RoleConsole.Directeur, null, "directrice@college.test");
        var coffre = banc.Services.GetRequiredService<ICoffreSecrets>();
        var campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.Publipostage, $"{nombre} courriels", banc.Maintenant);
        var ids = new List<string>();
        for (var i = 1; i <= nombre; i++)
        {
            var contenu = new CourrielCompose($"Message n° {i} – été", $"Bonjour, message n° {i}.", $"<p>Bonjour, message n° {i}.</p>", false);
            var message = BoiteEnvoi.Ajouter(db, coffre, campagne, new Expediteur("college@exemple.fr", "Collège"), new NouveauMessage(eleve.Id, $"eleve{i}@exemple.test", $"Élève {i}", contenu, [eleve.Id], pieces), banc.Maintenant);
            ids.Add(message.MessageId);
            if (i % 500 == 0)
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Every enqueued Message-ID is in the Maildir exactly once, and nothing else is.</summary>
    internal static async Task ChacunUneFoisAsync(ServeurSmtpDeTest smtp, BancCourriels banc, List<string> ids)
    {
        var recus = await smtp.LireAsync();
        var doublons = recus.GroupBy(r => r.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(doublons);
        Assert.Equal(ids.Order(), recus.Select(r => r.MessageId).Order());
        Assert.All(await MessagesAsync(banc), m => Assert.Equal(StatutMessage.Envoye, m.Statut));
    }

    private static async Task<List<MessageSortant>> MessagesAsync(BancCourriels banc)
    {
        await using var db = banc.Base.Contexte();
        return await db.Set<MessageSortant>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private static Task AttendreTentativesAsync(BancCourriels banc, int tentatives) =>
        BancCourriels.AttendreAsync(async () => (await MessagesAsync(banc)).All(m => m.Tentatives >= tentatives && m.Statut != StatutMessage.EnCours));
}
