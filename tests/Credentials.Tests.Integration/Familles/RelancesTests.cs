using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Relances;
using Credentials.Core.Secrets;
using Credentials.Tests.Courriels;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Familles;

/// <summary>Reminder campaigns (« relances ») of accounts still « Notifié et non activé ».</summary>
public class RelancesTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_vague_de_relances_ne_part_qu_aux_bons_comptes_une_fois_par_famille_et_s_arrete_a_l_activation(FournisseurBase fournisseur)
    {
        await using var banc = await BancCourriels.CreerAsync(fournisseur);
        var (ecole, portee) = await EcoleNotifieeAsync(banc, "Responsable:7,21;Eleve:7");
        await ActiverAsync(banc, ecole["fatou.ndiaye"].Id);

        banc.Horloge.Avancer(TimeSpan.FromDays(6));
        var tropTot = await RelancerAsync(banc, portee);
        Assert.Equal((0, 0), (tropTot.ParCourriel.Count, tropTot.SurPapier.Count));

        banc.Horloge.Avancer(TimeSpan.FromDays(2));
        var essai = await RelancerAsync(banc, portee, simulation: true);
        Assert.Equal(0, await MessagesAsync(banc));
        var vague = await RelancerAsync(banc, portee);

        // Fatou activated, Inès is blocked: neither is reminded. Zoé and Hugo travel in their mother's e-mail.
        Assert.Equal(["awa.ndiaye", "claire.lefevre", "hugo.lefevre", "julie.berger", "tom.rousseau", "zoe.lefevre"], Racines(vague.ParCourriel));
        Assert.Equal(["anne.martin", "lea.martin", "marc.lefevre", "paul.martin"], Racines(vague.SurPapier));
        Assert.Equal(Racines(vague.ParCourriel), Racines(essai.ParCourriel));
        Assert.Equal(4, vague.Courriels);
        var messages = await MessagesParAdresseAsync(banc);
        Assert.Equal(["awa.ndiaye@eleves.test", "claire.lefevre@famille.test", "julie.berger@famille.test", "tom.rousseau@eleves.test"], messages.Keys.Order());
        Assert.Equal(new[] { ecole["claire.lefevre"].Id, ecole["hugo.lefevre"].Id, ecole["zoe.lefevre"].Id }.Order(), messages["claire.lefevre@famille.test"].Order());
        await using (var db = banc.Base.Contexte())
        {
            var campagne = await db.Set<Campagne>().SingleAsync(c => c.Type == TypeCampagne.Relance);
            Assert.Equal((4, 6, 4), (campagne.NombreMessages, campagne.NombreComptes, campagne.NombreSansAdresse));
            Assert.Equal(6, (await db.Evenements.SingleAsync(e => e.Action == ActionJournal.Relance)).NombreComptes);
        }

        // The same password travels again (link mode is tested elsewhere): nothing new was drawn.
        var coffre = banc.Services.GetRequiredService<ICoffreSecrets>();
        var claire = await CompteAsync(banc, ecole["claire.lefevre"].Id);
        Assert.Contains(FormatSecret.PourAffichage(coffre.Dechiffrer(claire.MotDePasseProvisoireChiffre!)), await TexteAsync(banc, "claire.lefevre@famille.test"));
        Assert.Equal(1, claire.Relances);

        // Run again at once: nothing is due any more.
        Assert.Empty((await RelancerAsync(banc, portee)).ParCourriel);

        // Day 22: the second reminder of guardians only; Claire activated meanwhile and is not reminded.
        await ActiverAsync(banc, ecole["claire.lefevre"].Id);
        banc.Horloge.Avancer(TimeSpan.FromDays(14));
        var seconde = await RelancerAsync(banc, portee);
        Assert.Equal(["julie.berger"], Racines(seconde.ParCourriel));
        Assert.Equal(2, (await CompteAsync(banc, ecole["julie.berger"].Id)).Relances);

        await using var scope = banc.Portee();
        var vagues = await scope.ServiceProvider.GetRequiredService<ServiceRelances>().VaguesAsync(portee);
        Assert.Equal([(1, 0), (6, 1)], vagues.Select(v => (v.Comptes, v.ActivesDepuis)));
    }

    [Fact]
    public async Task Deux_instances_qui_relancent_ensemble_n_envoient_chaque_relance_qu_une_fois()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (_, portee) = await EcoleNotifieeAsync(banc, "Responsable:7;Eleve:7");
        banc.Horloge.Avancer(TimeSpan.FromDays(8));
        await using var autre = banc.AutreInstance();

        async Task<int> EssayerAsync(BancCourriels instance)
        {
            try
            {
                return (await RelancerAsync(instance, portee)).ParCourriel.Count;
            }
            catch (ErreurMetier erreur) when (erreur.Code == CodeErreur.Concurrence)
            {
                return 0;
            }
        }

        var relances = await Task.WhenAll(EssayerAsync(banc), EssayerAsync(autre));

        Assert.Equal(7, relances.Sum());
        Assert.Equal(5, await MessagesAsync(banc));
    }

    [Fact]
    public async Task Le_courrier_de_relance_reprend_le_meme_mot_de_passe_provisoire_et_ne_se_fait_qu_une_fois()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var (ecole, portee) = await EcoleNotifieeAsync(banc, "Eleve:7");
        banc.Horloge.Avancer(TimeSpan.FromDays(8));
        await using var scope = banc.Portee();
        var service = scope.ServiceProvider.GetRequiredService<ServiceRelances>();

        var papier = await service.SurPapierAsync(portee);
        Assert.Equal(["lea.martin"], Racines(papier));
        var fiches = await service.ImprimerAsync(portee, "6A");

        var lea = await CompteAsync(banc, ecole["lea.martin"].Id);
        var fiche = Assert.Single(fiches);
        Assert.True(fiche.Relance);
        Assert.Equal(banc.Services.GetRequiredService<ICoffreSecrets>().Dechiffrer(lea.MotDePasseProvisoireChiffre!), fiche.MotDePasse);
        Assert.Equal(1, lea.Relances);
        Assert.Empty(await service.SurPapierAsync(portee));
        var erreur = await Assert.ThrowsAsync<ErreurMetier>(() => service.ImprimerAsync(portee, "6A"));
        Assert.Equal("Aucun compte de la classe 6A n'est à relancer sur papier.", erreur.Message);

        var pdf = Path.Combine(banc.DossierDonnees, "relance.pdf");
        await using (var flux = File.Create(pdf))
        {
            new FichesConnexionRenderer().Ecrire(ModeleFiche.Detaillee, FichesDeTest(), fiches, flux);
        }

        var texte = Documents.OutilsExternes.TexteSuivi(pdf);
        Assert.Contains("Rappel : votre compte n'est pas encore activé", texte.Replace('\u00A0', ' '));
        Assert.Contains(FormatSecret.PourAffichage(fiche.MotDePasse!), texte);
    }

    [Theory]
    [InlineData("7, 21", null)]
    [InlineData("", null)]
    [InlineData("7, 21, 30, 45", "Au plus 3 relances : 4 délais ont été saisis.")]
    [InlineData("21, 7", "Les délais doivent être croissants (par exemple « 7, 21 »).")]
    [InlineData("7, demain", "« demain » n'est pas un nombre de jours entre 1 et 365.")]
    [InlineData("0", "« 0 » n'est pas un nombre de jours entre 1 et 365.")]
    public void Le_calendrier_des_relances_refuse_une_saisie_fausse_avec_un_message_precis(string saisie, string? erreur)
    {
        Assert.Equal(erreur, CalendrierRelances.Verifier(saisie, out var jours));
        if (erreur is null)
        {
            Assert.Equal(CalendrierRelances.Lire($"Eleve:{string.Join(',', jours)}").Pour(Profil.Eleve), jours);
        }
    }

    private static EnTeteEtablissement FichesDeTest() => new("0450750W", "Collège Évariste Galois", "Orléans", null, "https://portail.exemple.fr", null, null);

    /// <summary>The e-mail school, its reminder schedule set, every pupil and guardian notified on paper on day 0.</summary>
    private static async Task<(EcoleDeTest Ecole, Portee Portee)> EcoleNotifieeAsync(BancCourriels banc, string calendrier)
    {
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        await using (var db = banc.Base.Contexte())
        {
            var etablissement = await db.Etablissements.SingleAsync(e => e.Id == ecole.Etablissement.Id);
            etablissement.ModifierEnvois(ModeCourriel.MotDePasse, 14, CalendrierRelances.Lire(calendrier));
            await db.SaveChangesAsync();
        }

        await using var scope = banc.Portee();
        var credentials = scope.ServiceProvider.GetRequiredService<ServiceComptes>();
        await credentials.NotifierAsync(portee, new DemandeNotification(new CriteresComptes { Profil = Profil.Eleve }, false, Canal.Courrier));
        await credentials.NotifierAsync(portee, new DemandeNotification(new CriteresComptes { Profil = Profil.Responsable }, false, Canal.Courrier));
        return (ecole, portee);
    }

    private static async Task<BilanRelances> RelancerAsync(BancCourriels banc, Portee portee, bool simulation = false)
    {
        await using var scope = banc.Portee();
        return await scope.ServiceProvider.GetRequiredService<ServiceRelances>().RelancerAsync(portee, simulation);
    }

    private static async Task ActiverAsync(BancCourriels banc, long compteId)
    {
        await using var scope = banc.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var outils = scope.ServiceProvider.GetRequiredService<OutilsSecrets>();
        var compte = await db.Comptes.SingleAsync(c => c.Id == compteId);
        Assert.True(compte.Activer(compte.MotDePasseProvisoire(outils)!, "Velo-Rouge-42", null, outils).EstAccepte);
        await db.SaveChangesAsync();
    }

    private static async Task<Compte> CompteAsync(BancCourriels banc, long id)
    {
        await using var db = banc.Base.Contexte();
        return await db.Comptes.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task<int> MessagesAsync(BancCourriels banc)
    {
        await using var db = banc.Base.Contexte();
        return await db.Set<MessageSortant>().CountAsync();
    }

    private static async Task<Dictionary<string, List<long>>> MessagesParAdresseAsync(BancCourriels banc)
    {
        await using var db = banc.Base.Contexte();
        var messages = await db.Set<MessageSortant>().Include(m => m.Comptes).ToListAsync();
        return messages.ToDictionary(m => m.Destinataire, m => m.Comptes.Select(c => c.CompteId).ToList());
    }

    private static async Task<string> TexteAsync(BancCourriels banc, string destinataire)
    {
        await using var db = banc.Base.Contexte();
        var message = await db.Set<MessageSortant>().SingleAsync(m => m.Destinataire == destinataire);
        return banc.Services.GetRequiredService<ICoffreSecrets>().Dechiffrer(message.CorpsTexte);
    }

    private static List<string> Racines(IEnumerable<CompteARelancer> comptes) =>
        comptes.Select(c => Core.Domain.Identifiants.Racine(c.Identifiant.Split('.', 2)[1])).Order().ToList();
}
