using System.Data.Common;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Store;

/// <summary>The same persistence rules on SQLite and PostgreSQL.</summary>
public class PersistanceTests
{
    private readonly OutilsSecrets outils = OutilsDeTest.Creer();

    private async Task<(BaseDeTest Base, BilanDemo Bilan)> EcoleAsync(FournisseurBase fournisseur, int eleves = 40)
    {
        var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        await using var db = await baseTest.ContexteMigreAsync();
        var bilan = await new DemoSeeder(db, outils).SeedAsync("0999999Z", eleves);
        return (baseTest, bilan);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_table_des_comptes_ne_revele_aucun_mot_de_passe_provisoire(FournisseurBase fournisseur)
    {
        var (baseTest, bilan) = await EcoleAsync(fournisseur);
        await using var _ = baseTest;
        List<string> motsDePasse;
        await using (var db = baseTest.Contexte())
        {
            var service = new ServiceComptes(db, outils);
            var lot = await service.NotifierAsync(Portee.Cli(bilan.Etablissement.Id), new DemandeNotification(new CriteresComptes { Profil = Profil.Eleve }, true, Canal.Courrier));
            motsDePasse = lot.Fiches.Select(f => f.MotDePasse!).ToList();
            Assert.Equal(lot.Fiches.Count, motsDePasse.Count(m => m is { Length: 10 }));
        }

        await using var lecture = baseTest.Contexte();
        var connexion = lecture.Database.GetDbConnection();
        await connexion.OpenAsync();
        await using var commande = connexion.CreateCommand();
        commande.CommandText = "SELECT * FROM \"Comptes\"";
        var brut = new System.Text.StringBuilder();
        await using (DbDataReader lecteur = await commande.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                for (var i = 0; i < lecteur.FieldCount; i++)
                {
                    brut.Append(lecteur.IsDBNull(i) ? "" : lecteur.GetValue(i)?.ToString()).Append('|');
                }
            }
        }

        var table = brut.ToString();
        Assert.Contains("NotifieNonActive", table, StringComparison.Ordinal);
        Assert.All(motsDePasse, m => Assert.DoesNotContain(m, table, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Notifier_une_classe_change_les_etats_et_ecrit_le_journal_dans_la_meme_transaction(FournisseurBase fournisseur)
    {
        var (baseTest, bilan) = await EcoleAsync(fournisseur);
        await using var _ = baseTest;
        await using var db = baseTest.Contexte();
        var service = new ServiceComptes(db, outils);
        var criteres = new CriteresComptes { Classes = ["6A"] };
        var portee = Portee.Cli(bilan.Etablissement.Id) with { Auteur = "directrice@test" };

        var lot = await service.NotifierAsync(portee, new DemandeNotification(criteres, false, Canal.Courrier));

        await using var verif = baseTest.Contexte();
        var comptes = await verif.Comptes.Where(c => c.Classe!.Code == "6A").ToListAsync();
        Assert.NotEmpty(comptes);
        Assert.All(comptes.Where(c => !c.Bloque), c => Assert.NotEqual(EtatCompte.NonNotifie, c.Etat));
        Assert.Equal(comptes.Count(c => !c.Bloque), lot.Fiches.Count);
        Assert.Equal(comptes.Count(c => c.Bloque), lot.Ignores.Count);
        var evenement = await verif.Evenements.SingleAsync(e => e.Action == ActionJournal.Notification);
        Assert.Equal("directrice@test", evenement.Auteur);
        Assert.Equal(lot.Fiches.Count, evenement.NombreComptes);
        Assert.Equal(lot.Fiches.Count, await verif.EvenementComptes.CountAsync(e => e.EvenementId == evenement.Id));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_modification_concurrente_est_refusee_et_rien_ne_change(FournisseurBase fournisseur)
    {
        var (baseTest, bilan) = await EcoleAsync(fournisseur);
        await using var _ = baseTest;
        await using var premier = baseTest.Contexte();
        await using var second = baseTest.Contexte();
        var id = await premier.Comptes.Where(c => c.Etat == EtatCompte.NonNotifie && !c.Bloque).Select(c => c.Id).FirstAsync();
        var a = await premier.Comptes.SingleAsync(c => c.Id == id);
        var b = await second.Comptes.SingleAsync(c => c.Id == id);

        a.Notifier(false, outils);
        await premier.SaveChangesAsync();
        b.Bloquer("test", null, DateTime.UtcNow);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var verif = baseTest.Contexte();
        var relu = await verif.Comptes.SingleAsync(c => c.Id == id);
        Assert.False(relu.Bloque);
        Assert.Equal(EtatCompte.NotifieNonActive, relu.Etat);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Les_identifiants_sont_uniques_dans_tout_le_deploiement(FournisseurBase fournisseur)
    {
        var (baseTest, _) = await EcoleAsync(fournisseur);
        await using var __ = baseTest;
        await using (var db = baseTest.Contexte())
        {
            // Same seed, same names: every identifier of the second school collides with the first.
            await new DemoSeeder(db, outils).SeedAsync("0999998Y", 40);
        }

        await using var verif = baseTest.Contexte();
        var identifiants = await verif.Comptes.Select(c => c.Identifiant).ToListAsync();
        Assert.Equal(identifiants.Count, identifiants.Distinct().Count());
        Assert.Contains(identifiants, i => char.IsAsciiDigit(i[^1]));

        var doublon = await verif.Comptes.FirstAsync();
        var etablissement = await verif.Etablissements.FirstAsync();
        verif.Comptes.Add(new CompteBuilder().Dans(etablissement).Invite().Nomme("X", "Y").Identifiant(doublon.Identifiant).CreeALaMain().CreeLe(DateTime.UtcNow).Construire());
        await Assert.ThrowsAsync<DbUpdateException>(() => verif.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_jeu_de_demonstration_ressemble_a_un_college(FournisseurBase fournisseur)
    {
        var (baseTest, bilan) = await EcoleAsync(fournisseur, eleves: 300);
        await using var _ = baseTest;
        await using var db = baseTest.Contexte();

        Assert.Equal(300, await db.Comptes.CountAsync(c => c.Profil == Profil.Eleve));
        var responsables = await db.Comptes.CountAsync(c => c.Profil == Profil.Responsable);
        Assert.InRange(responsables, 300, 600);
        var avecCourriel = await db.Comptes.CountAsync(c => c.Profil == Profil.Responsable && c.Courriel != null);
        Assert.InRange(avecCourriel, responsables / 3, responsables * 2 / 3);
        Assert.True(await db.Responsabilites.GroupBy(r => r.ResponsableId).AnyAsync(g => g.Count() > 1), "no siblings sharing a parent");
        foreach (var etat in Enum.GetValues<EtatCompte>())
        {
            Assert.True(await db.Comptes.AnyAsync(c => c.Etat == etat), $"no account in state {etat}");
        }

        Assert.True(await db.Comptes.AnyAsync(c => c.Profil == Profil.Enseignant));
        Assert.All(await db.Classes.ToListAsync(), c => Assert.False(string.IsNullOrEmpty(c.CodeMef)));
        Assert.Equal(bilan.Liens, await db.Responsabilites.CountAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_ecole_entiere_est_ecrite_par_paquets_avec_ses_etats_ses_dates_et_son_journal(FournisseurBase fournisseur)
    {
        // More pupils than one batch of the grouped write (1,000 rows on PostgreSQL, 64 on SQLite).
        var (baseTest, bilan) = await EcoleAsync(fournisseur, eleves: 1_200);
        await using var _ = baseTest;
        var portee = Portee.Cli(bilan.Etablissement.Id);
        var eleves = new CriteresComptes { Profil = Profil.Eleve };
        await using (var db = baseTest.Contexte())
        {
            var service = new ServiceComptes(db, outils);
            var lot = await service.NotifierAsync(portee, new DemandeNotification(eleves, true, Canal.Courrier));
            Assert.True(lot.Fiches.Count > 1_000, $"only {lot.Fiches.Count} letters");

            // The same context goes on: the accounts it wrote are not seen as changed by someone else.
            var encore = await service.NotifierAsync(portee, new DemandeNotification(eleves, false, Canal.Courrier));
            Assert.Equal(lot.Fiches.Select(f => f.MotDePasse), encore.Fiches.Select(f => f.MotDePasse));
        }

        await using var verif = baseTest.Contexte();
        var comptes = await verif.Comptes.Where(c => c.EtablissementId == bilan.Etablissement.Id && c.Profil == Profil.Eleve && !c.Bloque).ToListAsync();
        Assert.All(comptes, c =>
        {
            Assert.Equal(EtatCompte.NotifieNonActive, c.Etat);
            Assert.Equal(DateTimeKind.Utc, c.DateNotification!.Value.Kind);
            Assert.Equal(outils.Maintenant, c.DateNotification.Value, TimeSpan.FromSeconds(5));
            Assert.True(c.MotDePasseProvisoireExpireLe > outils.Maintenant);
        });
        Assert.Equal(comptes.Count, comptes.Select(c => c.MotDePasseProvisoire(outils)).Distinct().Count());
        var evenements = await verif.Evenements.Where(e => e.Action == ActionJournal.Notification).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, evenements.Count);
        foreach (var evenement in evenements)
        {
            Assert.Equal(comptes.Count, evenement.NombreComptes);
            Assert.Equal(comptes.Select(c => c.Id).Order(), await verif.EvenementComptes.Where(l => l.EvenementId == evenement.Id).Select(l => l.CompteId).OrderBy(i => i).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_compte_change_entre_temps_dans_un_paquet_suivant_annule_toute_l_ecriture(FournisseurBase fournisseur)
    {
        var (baseTest, bilan) = await EcoleAsync(fournisseur, eleves: 1_200);
        await using var _ = baseTest;
        var portee = Portee.Cli(bilan.Etablissement.Id);
        await using var db = baseTest.Contexte();
        var service = new ServiceComptes(db, outils);
        var lot = await service.PreparerNotificationAsync(portee, new DemandeNotification(new CriteresComptes { Profil = Profil.Eleve }, true, Canal.Courrier));
        Assert.True(lot.Fiches.Count > 1_000);

        // Someone blocks an account of the last batch (written in key order) before it is written.
        var dernier = lot.Fiches.Max(f => f.CompteId);
        await using (var autre = baseTest.Contexte())
        {
            (await autre.Comptes.SingleAsync(c => c.Id == dernier)).Bloquer("test", null, DateTime.UtcNow);
            await autre.SaveChangesAsync();
        }

        var erreur = await Assert.ThrowsAsync<ErreurMetier>(() => service.EnregistrerAsync());
        Assert.Equal(CodeErreur.Concurrence, erreur.Code);

        await using var verif = baseTest.Contexte();
        var premiere = lot.Fiches.MinBy(f => f.CompteId)!;
        var avant = await verif.Comptes.SingleAsync(c => c.Id == premiere.CompteId);
        Assert.NotEqual(premiere.MotDePasse, avant.MotDePasseProvisoire(outils));
        Assert.False(await verif.Evenements.AnyAsync(e => e.Action == ActionJournal.Notification));
        Assert.False(await verif.EvenementComptes.AnyAsync());
        Assert.True((await verif.Comptes.SingleAsync(c => c.Id == dernier)).Bloque);
    }
}
