using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Courriels;

public class ServiceCourrielsTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Notifier_par_courriel_met_en_file_un_courriel_chiffre_par_compte_ayant_une_adresse_et_laisse_les_autres_intacts(FournisseurBase fournisseur)
    {
        await using var banc = await BancCourriels.CreerAsync(fournisseur);
        var (ecole, portee) = await EcoleAsync(banc);

        await using var scope = banc.Portee();
        var bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>()
            .NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Classes = ["6A"] }, reinitialiser: false);

        Assert.Equal(2, bilan.Courriels);
        Assert.Equal(["awa.ndiaye", "tom.rousseau"], bilan.Lot.Fiches.Select(f => Identifiants.Racine(f.Prenom, f.Nom)).Order());
        Assert.Equal(["Aucune adresse électronique."], bilan.SansAdresse.Select(s => s.Raison).Distinct());
        Assert.Equal(["Inès BERGER", "Léa MARTIN", "Zoé LEFÈVRE"], bilan.SansAdresse.Select(s => s.NomComplet).Order());

        var db = Contexte(banc);
        var comptes = await db.Comptes.AsNoTracking().Where(c => c.EtablissementId == ecole.Etablissement.Id).ToDictionaryAsync(c => c.Id);
        Assert.Equal(EtatCompte.NotifieNonActive, comptes[ecole["awa.ndiaye"].Id].Etat);
        Assert.Equal(EtatCompte.NonNotifie, comptes[ecole["zoe.lefevre"].Id].Etat);
        Assert.Equal(EtatCompte.NonNotifie, comptes[ecole["lea.martin"].Id].Etat);

        var campagne = await db.Set<Campagne>().SingleAsync();
        Assert.Equal(bilan.CampagneId, campagne.Id);
        Assert.Equal((TypeCampagne.Notification, "Notification de 2 élèves (6A)", 2, 2, 3), (campagne.Type, campagne.Libelle, campagne.NombreMessages, campagne.NombreComptes, campagne.NombreSansAdresse));

        var coffre = banc.Services.GetRequiredService<ICoffreSecrets>();
        var messages = await db.Set<MessageSortant>().Include(m => m.Comptes).OrderBy(m => m.Destinataire).ToListAsync();
        Assert.Equal(["awa.ndiaye@eleves.test", "tom.rousseau@eleves.test"], messages.Select(m => m.Destinataire));
        foreach (var message in messages)
        {
            var motDePasse = coffre.Dechiffrer(comptes[message.CompteId!.Value].MotDePasseProvisoireChiffre!);
            Assert.Equal(StatutMessage.EnAttente, message.Statut);
            Assert.True(message.CorpsChiffres);
            Assert.DoesNotContain(FormatSecret.PourAffichage(motDePasse), message.CorpsTexte);
            Assert.DoesNotContain(FormatSecret.PourAffichage(motDePasse), message.CorpsHtml);
            Assert.Contains(FormatSecret.PourAffichage(motDePasse), coffre.Dechiffrer(message.CorpsTexte));
            Assert.Contains(FormatSecret.PourAffichage(motDePasse), coffre.Dechiffrer(message.CorpsHtml));
            Assert.Equal([message.CompteId.Value], message.Comptes.Select(c => c.CompteId));
            Assert.Matches("^<[0-9a-f]{32}@credentials.exemple.fr>$", message.MessageId);
            Assert.Equal("Collège Évariste Galois", message.NomExpediteur);
        }

        var journal = await db.Evenements.SingleAsync();
        Assert.Equal((ActionJournal.Notification, Canal.Courriel, 2), (journal.Action, journal.Canal, journal.NombreComptes));
        Assert.Equal(journal.Id, bilan.Lot.EvenementId);
    }

    [Fact]
    public async Task Une_notification_annulee_ne_laisse_ni_courriel_ni_campagne_ni_journal()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (ecole, portee) = await EcoleAsync(banc);
        await using var scope = banc.Portee();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CredentialsDbContext>();
        var credentials = services.GetRequiredService<ServiceComptes>();
        var outils = services.GetRequiredService<OutilsSecrets>();
        var etablissement = await db.Etablissements.SingleAsync(e => e.Id == ecole.Etablissement.Id);

        var lot = await credentials.PreparerNotificationAsync(portee, new DemandeNotification(new CriteresComptes { Profil = Profil.Eleve, Ids = [ecole["awa.ndiaye"].Id, ecole["tom.rousseau"].Id] }, false, Canal.Courriel));
        var campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.Notification, "test", outils.Maintenant);
        foreach (var fiche in lot.Fiches)
        {
            BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, new Expediteur("college@exemple.fr", null), new NouveauMessage(fiche.CompteId, fiche.Courriel!, fiche.NomComplet, RenduCourriel.Notification(EnTete(etablissement), fiche), [fiche.CompteId]), outils.Maintenant);
        }

        // Someone else changes Tom's account meanwhile: the whole notification must roll back.
        await using (var autre = Contexte(banc))
        {
            var tom = await autre.Comptes.SingleAsync(c => c.Id == ecole["tom.rousseau"].Id);
            tom.ModifierCourriel("tom.nouveau@eleves.test");
            await autre.SaveChangesAsync();
        }

        var erreur = await Assert.ThrowsAsync<ErreurMetier>(() => credentials.EnregistrerAsync());
        Assert.Equal(CodeErreur.Concurrence, erreur.Code);

        await using var verif = Contexte(banc);
        Assert.Empty(await verif.Set<MessageSortant>().ToListAsync());
        Assert.Empty(await verif.Set<MessageCompte>().ToListAsync());
        Assert.Empty(await verif.Set<Campagne>().ToListAsync());
        Assert.Empty(await verif.Evenements.ToListAsync());
        Assert.Equal(EtatCompte.NonNotifie, (await verif.Comptes.SingleAsync(c => c.Id == ecole["awa.ndiaye"].Id)).Etat);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Envoyer_aux_familles_met_en_file_un_courriel_par_responsable_joignable_et_groupe_les_autres_par_famille(FournisseurBase fournisseur)
    {
        await using var banc = await BancCourriels.CreerAsync(fournisseur);
        var (ecole, portee) = await EcoleAsync(banc);
        long Id(string racine) => ecole[racine].Id;

        await using var scope = banc.Portee();
        var bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>()
            .EnvoyerAuxFamillesAsync(portee, new CriteresComptes { Classes = ["6A", "6B"] }, reinitialiser: false);

        Assert.Equal(3, bilan.Courriels);
        Assert.Equal(["Tom ROUSSEAU"], bilan.ElevesSansResponsable.Select(e => e.NomComplet));
        Assert.Equal([(Id("ines.berger"), "Le compte est bloqué.")], bilan.Ignores.Select(i => (i.CompteId, i.Raison)));
        Assert.Equal(2, bilan.AImprimer.Count);
        Assert.Equal([Id("marc.lefevre")], bilan.AImprimer[0].Responsables.Select(f => f.CompteId));
        Assert.Equal([Id("hugo.lefevre"), Id("zoe.lefevre")], bilan.AImprimer[0].Eleves.Select(f => f.CompteId));
        Assert.Equal([Id("anne.martin"), Id("paul.martin")], bilan.AImprimer[1].Responsables.Select(f => f.CompteId));
        Assert.Equal([Id("lea.martin")], bilan.AImprimer[1].Eleves.Select(f => f.CompteId));

        var db = Contexte(banc);
        var messages = await db.Set<MessageSortant>().Include(m => m.Comptes).ToDictionaryAsync(m => m.CompteId!.Value);
        Assert.Equal(Trie(Id("claire.lefevre"), Id("fatou.ndiaye"), Id("julie.berger")), messages.Keys.Order());
        var claire = messages[Id("claire.lefevre")];
        Assert.Equal("claire.lefevre@famille.test", claire.Destinataire);
        Assert.False(claire.CorpsChiffres);
        Assert.Equal(
            [
                (Id("claire.lefevre"), "Fiche de connexion responsable – Claire LEFÈVRE.pdf"),
                (Id("hugo.lefevre"), "Fiche de connexion élève – Hugo LEFÈVRE.pdf"),
                (Id("zoe.lefevre"), "Fiche de connexion élève – Zoé LEFÈVRE.pdf"),
            ],
            BoiteEnvoi.LirePiecesJointes(claire.PiecesJointes).Select(p => (p.CompteId, p.NomFichier)));
        Assert.Equal(Trie(Id("claire.lefevre"), Id("hugo.lefevre"), Id("zoe.lefevre")), claire.Comptes.Select(c => c.CompteId).Order());
        Assert.Equal([Id("julie.berger")], BoiteEnvoi.LirePiecesJointes(messages[Id("julie.berger")].PiecesJointes).Select(p => p.CompteId));

        // Zoé travels by e-mail (her mother) and on paper (her father): one notification, one password.
        var outils = banc.Services.GetRequiredService<OutilsSecrets>();
        var idZoe = Id("zoe.lefevre");
        var zoe = await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == idZoe);
        Assert.Equal(outils.Coffre.Dechiffrer(zoe.MotDePasseProvisoireChiffre!), bilan.AImprimer[0].Eleves[1].MotDePasse);

        var journal = await db.Evenements.OrderBy(e => e.Id).ToListAsync();
        var parCanal = await db.EvenementComptes.Select(e => new { e.Evenement.Canal, e.CompteId }).ToListAsync();
        Assert.Equal(4, journal.Count);
        Assert.Equal(
            Trie(Id("awa.ndiaye"), Id("claire.lefevre"), Id("fatou.ndiaye"), Id("hugo.lefevre"), Id("julie.berger"), Id("zoe.lefevre")),
            parCanal.Where(e => e.Canal == Canal.Courriel).Select(e => e.CompteId).Order());
        Assert.Equal(Trie(Id("anne.martin"), Id("lea.martin"), Id("marc.lefevre"), Id("paul.martin")), parCanal.Where(e => e.Canal == Canal.Courrier).Select(e => e.CompteId).Order());
        Assert.Contains(bilan.Evenements.ResponsablesCourrier, journal.Where(e => e.Canal == Canal.Courrier).Select(e => e.Id));

        var campagne = await db.Set<Campagne>().SingleAsync();
        Assert.Equal((TypeCampagne.Familles, 3, 6, 4), (campagne.Type, campagne.NombreMessages, campagne.NombreComptes, campagne.NombreSansAdresse));
    }

    internal static async Task<(EcoleDeTest Ecole, Portee Portee)> EcoleAsync(BancCourriels banc, string uai = "0450750W", string nom = "Collège Évariste Galois")
    {
        await using var db = Contexte(banc);
        var ecole = await EcoleDeTest.CreerAsync(db, uai, nom);
        return (ecole, new Portee(ecole.Etablissement.Id, RoleConsole.Secretaire, null, "secretariat@college.test"));
    }

    private static long[] Trie(params long[] ids) => [.. ids.Order()];

    internal static CredentialsDbContext Contexte(BancCourriels banc) => banc.Base.Contexte();

    private static Core.Documents.EnTeteEtablissement EnTete(Etablissement etablissement) =>
        Core.Documents.EnTeteEtablissement.De(etablissement, "https://portail.exemple.fr");
}
