using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Courriels;

public class SuiviEnvoisTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_page_envois_montre_les_campagnes_de_l_etablissement_avec_leurs_comptes_par_statut_et_rien_des_autres(FournisseurBase fournisseur)
    {
        await using var banc = await BancCourriels.CreerAsync(fournisseur);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        var (_, porteeAutre) = await ServiceCourrielsTests.EcoleAsync(banc, "0451234X", "Lycée Voltaire");
        var familles = await FamillesAsync(banc, portee);
        var autre = await FamillesAsync(banc, porteeAutre);
        await using (var db = banc.Base.Contexte())
        {
            var fatou = ecole["fatou.ndiaye"].Id;
            await db.Set<MessageSortant>().Where(m => m.CompteId == fatou)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Abandonne).SetProperty(m => m.DerniereErreur, "550 5.1.1 User unknown").SetProperty(m => m.Tentatives, 1));
            var julie = ecole["julie.berger"].Id;
            await db.Set<MessageSortant>().Where(m => m.CompteId == julie).ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Envoye));
        }

        await using var scope = banc.Portee();
        var suivi = scope.ServiceProvider.GetRequiredService<SuiviEnvois>();

        var campagne = Assert.Single(await suivi.CampagnesAsync(portee));
        Assert.Equal((familles, TypeCampagne.Familles, "secretariat@college.test"), (campagne.Id, campagne.Type, campagne.Auteur));
        Assert.Equal((3, 1, 0, 1, 0, 1), (campagne.Total, campagne.EnAttente, campagne.EnCours, campagne.Envoyes, campagne.EnEchec, campagne.Abandonnes));
        Assert.Equal((6, 4), (campagne.Comptes, campagne.SansAdresse));
        Assert.False(campagne.Terminee);
        Assert.Equal(new Progression(1, 3, 0, 1), await suivi.ProgressionAsync(portee, familles));

        var messages = await suivi.MessagesAsync(portee, familles);
        Assert.Equal(["fatou.ndiaye@famille.test", "claire.lefevre@famille.test", "julie.berger@famille.test"], messages.Select(m => m.Destinataire));
        Assert.Equal("550 5.1.1 User unknown", messages[0].DerniereErreur);
        Assert.Equal(["fatou.ndiaye@famille.test"], (await suivi.MessagesAsync(portee, familles, StatutMessage.Abandonne)).Select(m => m.Destinataire));
        Assert.Equal(["claire.lefevre@famille.test"], (await suivi.MessagesDuCompteAsync(portee, ecole["zoe.lefevre"].Id)).Select(m => m.Destinataire));

        foreach (var action in new Func<Task>[]
        {
            () => suivi.CampagneAsync(portee, autre),
            () => suivi.MessagesAsync(portee, autre),
            () => suivi.RelancerEchecsAsync(portee, autre),
            () => suivi.MessagesDuCompteAsync(porteeAutre, ecole["zoe.lefevre"].Id),
        })
        {
            Assert.Equal(CodeErreur.Introuvable, (await Assert.ThrowsAsync<ErreurMetier>(action)).Code);
        }
    }

    [Fact]
    public async Task Un_enseignant_ne_voit_que_ses_propres_envois_et_les_courriels_des_comptes_de_ses_classes()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        var familles = await FamillesAsync(banc, portee);
        var classe6B = ecole["hugo.lefevre"].ClasseId!.Value;
        var professeur = new Portee(ecole.Etablissement.Id, RoleConsole.Enseignant, new HashSet<int> { classe6B }, "prof@college.test");
        await using var scope = banc.Portee();
        var suivi = scope.ServiceProvider.GetRequiredService<SuiviEnvois>();

        Assert.Empty(await suivi.CampagnesAsync(professeur));
        await Assert.ThrowsAsync<ErreurMetier>(() => suivi.CampagneAsync(professeur, familles));
        Assert.Single(await suivi.MessagesDuCompteAsync(professeur, ecole["hugo.lefevre"].Id));
        await Assert.ThrowsAsync<ErreurMetier>(() => suivi.MessagesDuCompteAsync(professeur, ecole["awa.ndiaye"].Id));

        // « Envoyer aux familles » is not a teacher's (the permission matrix); notifying his classes by e-mail is.
        await Assert.ThrowsAsync<ErreurMetier>(() => scope.ServiceProvider.GetRequiredService<ServiceCourriels>().EnvoyerAuxFamillesAsync(professeur, new CriteresComptes(), false));
        var sienne = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().NotifierAsync(professeur, new CriteresComptes { Profil = Profil.Responsable }, false);
        Assert.True(sienne.Courriels > 0);
        Assert.Equal([sienne.CampagneId!.Value], (await suivi.CampagnesAsync(professeur)).Select(c => c.Id));
    }

    [Fact]
    public async Task Relancer_les_echecs_d_une_campagne_les_remet_en_file_pour_une_nouvelle_duree_de_vie_et_le_consigne()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        var familles = await FamillesAsync(banc, portee);
        banc.Horloge.Avancer(TimeSpan.FromDays(3));
        await using (var db = banc.Base.Contexte())
        {
            var fatou = ecole["fatou.ndiaye"].Id;
            await db.Set<MessageSortant>().Where(m => m.CompteId == fatou).ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Abandonne).SetProperty(m => m.Tentatives, 7));
        }

        await using var scope = banc.Portee();
        var relances = await scope.ServiceProvider.GetRequiredService<SuiviEnvois>().RelancerEchecsAsync(portee, familles);

        Assert.Equal(1, relances);
        await using var verif = banc.Base.Contexte();
        var message = await verif.Set<MessageSortant>().SingleAsync(m => m.CompteId == ecole["fatou.ndiaye"].Id);
        Assert.Equal((StatutMessage.EnAttente, 0, banc.Maintenant, banc.Maintenant), (message.Statut, message.Tentatives, message.ProchaineTentative, message.EnFileDepuis));
        var entree = await verif.Evenements.OrderBy(e => e.Id).LastAsync();
        Assert.Equal((ActionJournal.EnvoiCourriel, Canal.Courriel, 2), (entree.Action, entree.Canal, entree.NombreComptes));
        Assert.Contains("Nouvelle tentative de 1 courriel(s)", entree.Details);
    }

    private static async Task<long> FamillesAsync(BancCourriels banc, Portee portee)
    {
        await using var scope = banc.Portee();
        var bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().EnvoyerAuxFamillesAsync(portee, new CriteresComptes(), false);
        return bilan.CampagneId!.Value;
    }
}
