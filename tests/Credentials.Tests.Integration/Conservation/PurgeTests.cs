using Credentials.Core.Acces;
using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Portail;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Conservation;

/// <summary>The retention rules of issue 14, each on SQLite and PostgreSQL, with a manual clock.</summary>
public class PurgeTests
{
    private static readonly TimeSpan Jour = TimeSpan.FromDays(1);

    private static int Nombre(ResultatPurge resultat, string categorie) => resultat.Totaux.Single(l => l.Categorie == categorie).Nombre;

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_eleve_sorti_est_supprime_trois_mois_apres_sa_sortie_et_pas_un_jour_avant(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var sortie = scene.Maintenant;
        await scene.ModifierAsync(c => c.MarquerSorti(sortie), "tom.rousseau");

        scene.Horloge.Avancer(TimeSpan.FromDays(89));
        var avant = await scene.PurgerAsync();
        scene.Horloge.Avancer(TimeSpan.FromDays(1));
        var apres = await scene.PurgerAsync();

        Assert.Equal(0, Nombre(avant, CategoriesPurge.ElevesSortis));
        Assert.Equal(1, Nombre(apres, CategoriesPurge.ElevesSortis));
        Assert.DoesNotContain("tom.rousseau", await scene.ComptesRestantsAsync());
        Assert.Equal(ScenePurge.Noms.Length - 1, (await scene.ComptesRestantsAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_responsable_part_avec_son_dernier_enfant_sorti_et_reste_tant_qu_un_enfant_est_scolarise(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var debut = scene.Maintenant;
        // Zoé leaves first; her brother Hugo stays 30 more days. Their parents Claire and Marc go with the last of them.
        await scene.ModifierAsync(c => c.MarquerSorti(debut), "zoe.lefevre");
        await scene.ModifierAsync(c => c.MarquerSorti(debut + TimeSpan.FromDays(30)), "hugo.lefevre");

        scene.Horloge.Avancer(TimeSpan.FromDays(95));
        var premier = await scene.PurgerAsync();
        var restants = await scene.ComptesRestantsAsync();
        scene.Horloge.Avancer(TimeSpan.FromDays(30));
        var second = await scene.PurgerAsync();

        Assert.Equal((1, 0), (Nombre(premier, CategoriesPurge.ElevesSortis), Nombre(premier, CategoriesPurge.ResponsablesSortis)));
        Assert.Contains("claire.lefevre", restants);
        Assert.Contains("marc.lefevre", restants);
        Assert.Equal((1, 2), (Nombre(second, CategoriesPurge.ElevesSortis), Nombre(second, CategoriesPurge.ResponsablesSortis)));
        var finalement = await scene.ComptesRestantsAsync();
        Assert.DoesNotContain("claire.lefevre", finalement);
        Assert.DoesNotContain("hugo.lefevre", finalement);
        Assert.Contains("fatou.ndiaye", finalement);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_compte_cree_a_la_main_est_supprime_trois_mois_apres_sa_fin_de_validite(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        long invite, remplacant;
        await using (var db = scene.Base.Contexte())
        {
            // Through the manual-account service, as the console's form does.
            var service = new ServiceCompteManuel(db, scene.Horloge);
            var aujourdhui = DateOnly.FromDateTime(scene.Maintenant);
            var a = await service.CreerAsync(Portee.Cli(scene.EtablissementId), new SaisieCompte(Profil.Invite, "DUPONT", "Marie", null, null) { FinValidite = aujourdhui });
            var b = await service.CreerAsync(Portee.Cli(scene.EtablissementId), new SaisieCompte(Profil.Personnel, "DURAND", "Luc", null, null) { FinValidite = aujourdhui.AddDays(30) });
            (invite, remplacant) = (a.Compte!.Id, b.Compte!.Id);
        }

        scene.Horloge.Avancer(TimeSpan.FromDays(91));
        var resultat = await scene.PurgerAsync();

        Assert.Equal(1, Nombre(resultat, CategoriesPurge.AutresSortis));
        await using var verification = scene.Base.Contexte();
        Assert.Equal([remplacant], await verification.Comptes.Where(c => c.Origine == OrigineCompte.CreationManuelle).Select(c => c.Id).ToListAsync());
        Assert.NotEqual(invite, remplacant);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Supprimer_un_compte_retire_ses_liens_et_compteurs_et_laisse_au_journal_un_libelle_neutre(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var tom = scene.Ecole["tom.rousseau"];
        var evenement = await scene.ConsignerAsync(scene.Maintenant, $"Modification : Tom ROUSSEAU (élève, 6A), identifiant « {tom.Identifiant} »", "tom.rousseau", "awa.ndiaye");
        await scene.LimiteAsync(LimiteurPortail.CleIdentifiant(tom.Identifiant));
        await scene.LimiteAsync(LimiteurPortail.CleIdentifiant(scene.Ecole["awa.ndiaye"].Identifiant));
        await scene.ModifierAsync(c => c.MarquerSorti(scene.Maintenant), "tom.rousseau", "ines.berger");

        scene.Horloge.Avancer(TimeSpan.FromDays(100));
        await scene.PurgerAsync();

        await using var db = scene.Base.Contexte();
        var ligne = await db.Evenements.SingleAsync(e => e.Id == evenement.Id);
        Assert.Equal($"Modification : {SuppressionComptes.Libelle(tom.Id)} (élève, 6A), identifiant « {SuppressionComptes.Libelle(tom.Id)} »", ligne.Details);
        Assert.Equal([scene.Ecole["awa.ndiaye"].Id], await db.EvenementComptes.Where(l => l.EvenementId == evenement.Id).Select(l => l.CompteId).ToListAsync());
        Assert.Equal([LimiteurPortail.CleIdentifiant(scene.Ecole["awa.ndiaye"].Identifiant)], await db.Set<LimitePortail>().Select(l => l.Cle).ToListAsync());
        // Inès was Julie's only child: Julie goes with her, the link between them too.
        Assert.False(await db.Responsabilites.AnyAsync(r => r.EleveId == scene.Ecole["ines.berger"].Id));
        Assert.False(await db.Comptes.AnyAsync(c => c.Id == scene.Ecole["julie.berger"].Id));
        Assert.Equal(ScenePurge.Noms.Length - 3, await db.Comptes.CountAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_journal_est_garde_douze_mois_puis_supprime_avec_ses_liens(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var ancien = await scene.ConsignerAsync(scene.Maintenant - TimeSpan.FromDays(366), "il y a un an et un jour", "zoe.lefevre", "hugo.lefevre");
        var recent = await scene.ConsignerAsync(scene.Maintenant - TimeSpan.FromDays(364), "il y a presque un an", "zoe.lefevre");

        var resultat = await scene.PurgerAsync();

        Assert.Equal(1, Nombre(resultat, CategoriesPurge.Journal));
        await using var db = scene.Base.Contexte();
        Assert.Equal([recent.Id], await db.Evenements.Where(e => e.Action == ActionJournal.ModificationCompte).Select(e => e.Id).ToListAsync());
        Assert.False(await db.EvenementComptes.AnyAsync(l => l.EvenementId == ancien.Id));
        var purge = await db.Evenements.SingleAsync(e => e.Action == ActionJournal.Purge);
        Assert.Equal(("test", 0), (purge.Auteur, purge.NombreComptes));
        Assert.Contains($"{CategoriesPurge.Journal} : 1", purge.Details);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Les_corps_des_courriels_sont_effaces_des_l_envoi_ou_l_abandon_et_les_lignes_apres_douze_mois(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var coffre = new CoffreDataProtection(new EphemeralDataProtectionProvider());
        long envoye, abandonne, enAttente, vieux;
        await using (var db = scene.Base.Contexte())
        {
            MessageSortant Message(Campagne campagne, string nom, DateTime date) => BoiteEnvoi.Ajouter(
                db, coffre, campagne, new Expediteur("college@exemple.fr", null),
                new NouveauMessage(scene.Ecole[nom].Id, $"{nom}@exemple.test", nom, new CourrielCompose("Vos identifiants", "mot de passe ABCDE FGHJK", "<p>ABCDE FGHJK</p>", true), [scene.Ecole[nom].Id], [new PieceJointeReference(scene.Ecole[nom].Id, "fiche.pdf", VarianteFiche.Identifiants)]),
                date);
            var campagne = new Campagne(scene.EtablissementId, "test", scene.Maintenant, TypeCampagne.Notification, "Notification");
            var ancienne = new Campagne(scene.EtablissementId, "test", scene.Maintenant - TimeSpan.FromDays(400), TypeCampagne.Notification, "Notification d'il y a longtemps");
            var m1 = Message(campagne, "zoe.lefevre", scene.Maintenant);
            var m2 = Message(campagne, "hugo.lefevre", scene.Maintenant);
            var m3 = Message(campagne, "awa.ndiaye", scene.Maintenant);
            var m4 = Message(ancienne, "lea.martin", scene.Maintenant - TimeSpan.FromDays(400));
            await db.SaveChangesAsync();
            (envoye, abandonne, enAttente, vieux) = (m1.Id, m2.Id, m3.Id, m4.Id);
            await db.Set<MessageSortant>().Where(m => m.Id == envoye || m.Id == vieux).ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Envoye));
            await db.Set<MessageSortant>().Where(m => m.Id == abandonne).ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Abandonne));
        }

        var resultat = await scene.PurgerAsync();

        Assert.Equal((3, 1, 1), (Nombre(resultat, CategoriesPurge.CorpsCourriels), Nombre(resultat, CategoriesPurge.Courriels), Nombre(resultat, CategoriesPurge.Campagnes)));
        await using var verification = scene.Base.Contexte();
        var messages = await verification.Set<MessageSortant>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([envoye, abandonne, enAttente], messages.Select(m => m.Id));
        Assert.All(messages.Take(2), m => Assert.Equal(("", "", null, false), (m.CorpsTexte, m.CorpsHtml, m.PiecesJointes, m.CorpsChiffres)));
        Assert.Equal("mot de passe ABCDE FGHJK", coffre.Dechiffrer(messages[2].CorpsTexte));
        Assert.NotNull(messages[2].PiecesJointes);

        // An abandoned message whose body is gone can no longer be sent again: only the waiting one stays queued.
        var relances = await new SuiviEnvois(verification, scene.Horloge, new ReveilExpedition()).RelancerEchecsAsync(Portee.Cli(scene.EtablissementId), messages[0].CampagneId);
        Assert.Equal(0, relances);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_simulation_annonce_exactement_ce_que_la_purge_supprime_et_ne_change_rien(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        await scene.ModifierAsync(c => c.MarquerSorti(scene.Maintenant), "tom.rousseau", "lea.martin", "ines.berger");
        await scene.ConsignerAsync(scene.Maintenant - TimeSpan.FromDays(500), "Tom ROUSSEAU", "tom.rousseau");
        await scene.ConsignerAsync(scene.Maintenant, "Léa MARTIN", "lea.martin");
        scene.Horloge.Avancer(TimeSpan.FromDays(120));
        var avant = await scene.InstantaneAsync();

        var simulation = await scene.PurgerAsync(simulation: true);
        var apresSimulation = await scene.InstantaneAsync();
        var purge = await scene.PurgerAsync();

        Assert.Equal(avant, apresSimulation);
        Assert.Equal(simulation.Totaux, purge.Totaux);
        Assert.Equal(3, Nombre(purge, CategoriesPurge.ElevesSortis));
        Assert.Equal(3, Nombre(purge, CategoriesPurge.ResponsablesSortis));
        Assert.NotEqual(avant, await scene.InstantaneAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Deux_instances_qui_purgent_en_meme_temps_ne_suppriment_et_ne_journalisent_qu_une_fois(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        await scene.ModifierAsync(c => c.MarquerSorti(scene.Maintenant), "tom.rousseau", "awa.ndiaye");
        scene.Horloge.Avancer(TimeSpan.FromDays(100));

        var resultats = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => scene.PurgerAsync(seulementSiDue: true))));

        Assert.Equal(1, resultats.Count(r => r.Etablissements.Single().Ignore));
        Assert.Equal(2, resultats.Sum(r => r.Totaux.SingleOrDefault(l => l.Categorie == CategoriesPurge.ElevesSortis)?.Nombre ?? 0));
        await using var db = scene.Base.Contexte();
        Assert.Equal(1, await db.Evenements.CountAsync(e => e.Action == ActionJournal.Purge));

        // The next day's pass runs again.
        scene.Horloge.Avancer(Jour);
        Assert.False((await scene.PurgerAsync(seulementSiDue: true)).Etablissements.Single().Ignore);
    }
}
