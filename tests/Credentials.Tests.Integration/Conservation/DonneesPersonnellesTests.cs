using System.Text;
using Credentials.Core.Acces;
using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Conservation;

/// <summary>A person's data on request (RGPD art. 15, 17, 20) through ServiceDonneesPersonnelles, on both stores.</summary>
public class DonneesPersonnellesTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task L_export_contient_l_identite_les_liens_les_evenements_et_les_courriels_et_aucun_secret(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        var outils = OutilsDeTest.Creer(scene.Horloge);
        var awa = scene.Ecole["awa.ndiaye"];
        string motDePasse, chiffre;
        await using (var db = scene.Base.Contexte())
        {
            var compte = await db.Comptes.SingleAsync(c => c.Id == awa.Id);
            motDePasse = compte.Notifier(false, outils).MotDePasse!;
            chiffre = compte.MotDePasseProvisoireChiffre!;
            EcritureJournal.Consigner(db, Portee.Cli(scene.EtablissementId), scene.Maintenant, ActionJournal.Notification, Canal.Courriel, [awa.Id], "Notification de 1 élève");
            var campagne = new Campagne(scene.EtablissementId, "secretariat@college.test", scene.Maintenant, TypeCampagne.Notification, "Notification de 1 élève");
            BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, new Expediteur("college@exemple.fr", null), new NouveauMessage(awa.Id, awa.Courriel!, awa.NomComplet, new CourrielCompose("Vos identifiants ENT", $"Mot de passe : {motDePasse}", $"<p>{motDePasse}</p>", true), [awa.Id]), scene.Maintenant);
            await db.SaveChangesAsync();
        }

        DonneesPersonne donnees;
        await using (var db = scene.Base.Contexte())
        {
            donnees = await new ServiceDonneesPersonnelles(db, scene.Horloge).ExporterAsync(Portee.Cli(scene.EtablissementId), awa.Id);
        }

        var json = Encoding.UTF8.GetString(ServiceDonneesPersonnelles.EnJson(donnees));
        Assert.Equal(("Awa", "N'DIAYE", awa.Identifiant, "6A"), (donnees.Identite.Prenom, donnees.Identite.Nom, donnees.Compte.Identifiant, donnees.Scolarite.Classe));
        Assert.True(donnees.Compte.MotDePasseProvisoireEnCours);
        Assert.Equal([("responsable", "Fatou", "Mère", 1)], donnees.Liens.Select(l => (l.Role, l.Prenom, l.Lien, l.RangLegal)));
        Assert.Equal(["Notification"], donnees.Evenements.Select(e => e.Action));
        Assert.Equal([("Vos identifiants ENT", "awa.ndiaye@eleves.test")], donnees.Courriels.Select(m => (m.Sujet, m.Destinataire)));
        Assert.Contains("\"Prenom\": \"Awa\"", json);
        Assert.Contains("Notification de 1 élève", json);
        Assert.DoesNotContain(motDePasse, json);
        Assert.DoesNotContain(motDePasse.Replace(" ", ""), json);
        Assert.DoesNotContain(chiffre, json);
        Assert.DoesNotContain("Hash", json);

        await using var verification = scene.Base.Contexte();
        var export = await verification.Evenements.SingleAsync(e => e.Action == ActionJournal.ExportPersonne);
        Assert.Equal([awa.Id], await verification.EvenementComptes.Where(l => l.EvenementId == export.Id).Select(l => l.CompteId).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_compte_cree_a_la_main_s_efface_sur_demande_un_compte_importe_non(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePurge.CreerAsync(fournisseur);
        Compte manuel;
        await using (var db = scene.Base.Contexte())
        {
            manuel = new CompteBuilder().Dans(await db.Etablissements.SingleAsync()).Invite().Nomme("DUPONT", "Marie").Identifiant("marie.dupont").CreeALaMain().CreeLe(scene.Maintenant).Construire();
            db.Comptes.Add(manuel);
            await db.SaveChangesAsync();
            EcritureJournal.Consigner(db, Portee.Cli(scene.EtablissementId), scene.Maintenant, ActionJournal.CreationCompte, null, [manuel.Id], "Création manuelle : Marie DUPONT (invité), identifiant « marie.dupont »");
            await db.SaveChangesAsync();
        }

        var portee = Portee.Cli(scene.EtablissementId);
        await using (var db = scene.Base.Contexte())
        {
            var service = new ServiceDonneesPersonnelles(db, scene.Horloge);
            var importe = await Assert.ThrowsAsync<ErreurMetier>(() => service.EffacerAsync(portee, scene.Ecole["tom.rousseau"].Id, scene.Ecole["tom.rousseau"].Version));
            Assert.Equal(ServiceDonneesPersonnelles.MessageCompteImporte, importe.Message);
            var perime = await Assert.ThrowsAsync<ErreurMetier>(() => service.EffacerAsync(portee, manuel.Id, manuel.Version - 1));
            Assert.Equal(CodeErreur.Concurrence, perime.Code);
            var secretaire = await Assert.ThrowsAsync<ErreurMetier>(() => service.EffacerAsync(portee with { Role = RoleConsole.Secretaire }, manuel.Id, manuel.Version));
            Assert.Equal(CodeErreur.AccesRefuse, secretaire.Code);
            await service.EffacerAsync(portee, manuel.Id, manuel.Version);
        }

        await using var verification = scene.Base.Contexte();
        Assert.False(await verification.Comptes.AnyAsync(c => c.Id == manuel.Id));
        Assert.True(await verification.Comptes.AnyAsync(c => c.Id == scene.Ecole["tom.rousseau"].Id));
        var lignes = await verification.Evenements.OrderBy(e => e.Id).Select(e => e.Details).ToListAsync();
        var libelle = SuppressionComptes.Libelle(manuel.Id);
        Assert.Equal(
            [$"Création manuelle : {libelle} (invité), identifiant « {libelle} »", $"{libelle} (invité, créé à la main) effacé à la demande de la personne (RGPD art. 17)"],
            lignes);
    }
}
