using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Imports;

public class ServiceCompteManuelTests
{
    private static readonly DateOnly Naissance = new(2013, 5, 12);

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Creer_un_eleve_a_la_main_lui_donne_un_identifiant_unique_et_l_origine_creation_manuelle(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var etablissementId = await ImporterAsync(banc);

        var resultat = await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Eleve, " MARTIN-DUBOIS ", "Léa", Naissance, "Lea.Martin@Example.org") { CodeClasse = "6A" });

        Assert.True(resultat.EstAccepte, string.Join("\n", resultat.Erreurs));
        await using var db = banc.Base.Contexte();
        var compte = await db.Comptes.Include(c => c.Classe).SingleAsync(c => c.Id == resultat.Compte!.Id);
        Assert.Equal(("lea.martin-dubois2", OrigineCompte.CreationManuelle, "MARTIN-DUBOIS", "lea.martin@example.org", "6A", "10010012110"),
            (compte.Identifiant, compte.Origine, compte.Nom, compte.Courriel, compte.Classe?.Code, compte.CodeMef));
        var evenement = await db.Evenements.SingleAsync(e => e.Action == ActionJournal.CreationCompte);
        Assert.Equal("Création manuelle : Léa MARTIN-DUBOIS (élève, 6A), identifiant « lea.martin-dubois2 »", evenement.Details);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_saisie_invalide_est_refusee_champ_par_champ_en_francais(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var etablissementId = await ImporterAsync(banc);
        var avant = await banc.InstantaneAsync();

        var vide = await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Eleve, " ", null, null, "pas-une-adresse") { CodeClasse = "6Z" });
        var futur = await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Eleve, "DURAND", "Paul", new DateOnly(2031, 2, 1), null));
        var invite = await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Invite, "DURAND", "Paul", null, null) { CodeClasse = "6A" });
        var doublon = await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Eleve, "Lefevre", "CHLOE", new DateOnly(2014, 6, 30), null));

        Assert.Equal(
            [
                ("Nom", "Le nom est obligatoire."),
                ("Prenom", "Le prénom est obligatoire."),
                ("Courriel", "« pas-une-adresse » n'est pas une adresse électronique valide (exemple : prenom.nom@exemple.fr)."),
                ("DateNaissance", "La date de naissance d'un élève est obligatoire."),
                ("CodeClasse", "La classe « 6Z » n'existe pas dans l'établissement."),
            ],
            vide.Erreurs.Select(e => (e.Champ, e.Message)));
        Assert.Equal("La date de naissance « 01/02/2031 » n'est pas plausible pour un élève (entre 2 et 30 ans).", Assert.Single(futur.Erreurs).Message);
        Assert.Equal("Seul un élève a une classe.", Assert.Single(invite.Erreurs).Message);
        Assert.Equal("Un compte existe déjà pour Chloé LEFÈVRE, né(e) le 30/06/2014 (identifiant « chloe.lefevre »).", Assert.Single(doublon.Erreurs).Message);
        Assert.Equal(avant, await banc.InstantaneAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Corriger_un_compte_manuel_garde_son_identifiant_et_refuse_une_version_perimee(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var etablissementId = await ImporterAsync(banc);
        var cree = (await CreerAsync(banc, etablissementId, new SaisieCompte(Profil.Personnel, "MOREAU", "Luc", null, null))).Compte!;

        var corrige = await ModifierAsync(banc, etablissementId, cree.Id, cree.Version, new SaisieCompte(Profil.Personnel, "MOREAU-BLANC", "Luc", new DateOnly(1980, 1, 2), "luc@example.fr"));
        var perime = await ModifierAsync(banc, etablissementId, cree.Id, cree.Version, new SaisieCompte(Profil.Personnel, "MOREAU", "Luc", null, null));

        Assert.True(corrige.EstAccepte, string.Join("\n", corrige.Erreurs));
        Assert.Equal(("luc.moreau", "MOREAU-BLANC", "luc@example.fr"), (corrige.Compte!.Identifiant, corrige.Compte.Nom, corrige.Compte.Courriel));
        Assert.Equal("Ce compte a été modifié entre-temps : rechargez la page pour voir ses nouvelles données.", Assert.Single(perime.Erreurs).Message);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_compte_importe_ne_se_corrige_a_la_main_que_pour_son_courriel_et_le_reimport_le_garde(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var etablissementId = await ImporterAsync(banc);
        Compte raphael;
        await using (var db = banc.Base.Contexte())
        {
            raphael = await db.Comptes.AsNoTracking().SingleAsync(c => c.Prenom == "Raphaël");
        }

        var renomme = await ModifierAsync(banc, etablissementId, raphael.Id, raphael.Version, new SaisieCompte(Profil.Responsable, "LEFEBVRE", "Raphaël", null, null) { Civilite = "M." });
        var courriel = await ModifierAsync(banc, etablissementId, raphael.Id, raphael.Version, new SaisieCompte(Profil.Responsable, raphael.Nom, raphael.Prenom, null, "raphael@example.org") { Civilite = "M." });

        Assert.StartsWith("Ce compte vient de l'annuaire fédérateur", Assert.Single(renomme.Erreurs).Message);
        Assert.True(courriel.EstAccepte, string.Join("\n", courriel.Erreurs));
        var apercu = await banc.ApercevoirAsync(banc.LireSiecle());
        Assert.Empty(apercu.AModifier);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_enseignant_ne_cree_pas_de_compte(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var etablissementId = await ImporterAsync(banc);
        await using var db = banc.Base.Contexte();
        var enseignant = new Portee(etablissementId, RoleConsole.Enseignant, new HashSet<int>(), "prof@test");

        var refus = await Assert.ThrowsAsync<ErreurMetier>(() => new ServiceCompteManuel(db, banc.Horloge).CreerAsync(enseignant, new SaisieCompte(Profil.Invite, "ROUX", "Anne", null, null)));

        Assert.Equal(("Votre rôle (Enseignant) ne permet pas de créer ou modifier des comptes.", CodeErreur.AccesRefuse), (refus.Message, refus.Code));
    }

    private static async Task<int> ImporterAsync(BancImport banc)
    {
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        await using var db = banc.Base.Contexte();
        return (await db.Etablissements.SingleAsync()).Id;
    }

    private static async Task<ResultatSaisie> CreerAsync(BancImport banc, int etablissementId, SaisieCompte saisie)
    {
        await using var db = banc.Base.Contexte();
        return await new ServiceCompteManuel(db, banc.Horloge).CreerAsync(Direction(etablissementId), saisie);
    }

    private static async Task<ResultatSaisie> ModifierAsync(BancImport banc, int etablissementId, long compteId, int version, SaisieCompte saisie)
    {
        await using var db = banc.Base.Contexte();
        return await new ServiceCompteManuel(db, banc.Horloge).ModifierAsync(Direction(etablissementId), compteId, version, saisie);
    }

    private static Portee Direction(int etablissementId) => new(etablissementId, RoleConsole.Directeur, null, "direction@test");
}
