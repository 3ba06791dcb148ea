using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Imports;

public class ServiceImportTests
{
    public static TheoryData<FournisseurBase, SourceImport> FournisseursEtSources => new()
    {
        { FournisseurBase.Sqlite, SourceImport.Siecle },
        { FournisseurBase.Sqlite, SourceImport.Onde },
        { FournisseurBase.Postgres, SourceImport.Siecle },
        { FournisseurBase.Postgres, SourceImport.Onde },
    };

    [Theory]
    [MemberData(nameof(FournisseursEtSources))]
    public async Task Les_echantillons_creent_6_eleves_8_responsables_et_10_liens(FournisseurBase fournisseur, SourceImport source)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var liste = source == SourceImport.Siecle ? banc.LireSiecle() : banc.LireOnde();

        var resultat = await banc.ImporterAsync(liste);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        await using var db = banc.Base.Contexte();
        var comptes = await db.Comptes.Include(c => c.Classe).ToListAsync();
        Assert.Equal(6, comptes.Count(c => c.Profil == Profil.Eleve));
        Assert.Equal(8, comptes.Count(c => c.Profil == Profil.Responsable));
        Assert.Equal(6, comptes.Count(c => c.Profil == Profil.Responsable && c.Courriel is not null));
        Assert.Equal(10, await db.Responsabilites.CountAsync());
        Assert.All(comptes, c => Assert.Equal((OrigineCompte.AnnuaireFederateur, EtatCompte.NonNotifie, false), (c.Origine, c.Etat, c.Bloque)));
        Assert.DoesNotContain(comptes, c => c.Prenom is "Hugo" or "Sandrine" or "Marie-José");
        Assert.Contains(comptes, c => c.Nom == "DELACŒUR" && c.Identifiant == "jean-baptiste.delacoeur");
        Assert.Contains(comptes, c => c.Courriel == "olivier.rousseau@example.com");
        Assert.Equal(14, comptes.Select(c => c.Identifiant).Distinct().Count());
        Assert.Equal(2, await db.Classes.CountAsync());
        Assert.Equal(source == SourceImport.Siecle ? "6A" : "CM2 A", comptes.Single(c => c.Prenom == "Léa").Classe?.Code);
        var etablissement = await db.Etablissements.SingleAsync();
        Assert.Equal(2025, etablissement.AnneeScolaire);
        var evenement = await db.Evenements.SingleAsync();
        Assert.Equal((ActionJournal.Import, "secretariat@test", 14), (evenement.Action, evenement.Auteur, evenement.NombreComptes));
        Assert.Contains("14 comptes créés (6 élèves, 8 responsables)", evenement.Details);
        Assert.Equal(source == SourceImport.Siecle ? ["Marie-José GÉRARD", "Sandrine PETIT", "Hugo PETIT"] : [], resultat.Apercu.Ignores.Select(i => i.Personne));
        Assert.Equal(14, await db.EvenementComptes.CountAsync());
    }

    [Theory]
    [MemberData(nameof(FournisseursEtSources))]
    public async Task Importer_deux_fois_le_meme_fichier_ne_change_rien(FournisseurBase fournisseur, SourceImport source)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var liste = source == SourceImport.Siecle ? banc.LireSiecle() : banc.LireOnde();
        Assert.True((await banc.ImporterAsync(liste)).Applique);
        var avant = await banc.InstantaneAsync();
        int Version()
        {
            using var db = banc.Base.Contexte();
            return db.Etablissements.AsNoTracking().Single().Version;
        }

        var version = Version();

        var apercu = await banc.ApercevoirAsync(liste);
        var resultat = await banc.ImporterAsync(liste, empreinte: apercu.Empreinte);

        Assert.True(resultat.Applique);
        Assert.Equal((0, 0, 14, 0, 0), (apercu.ACreer.Count, apercu.AModifier.Count, apercu.Inchanges.Count, apercu.Sortants.Count, apercu.Classes.Count));
        Assert.Equal((0, 0, 0), (apercu.LiensACreer, apercu.LiensAModifier, apercu.LiensASupprimer));
        Assert.False(apercu.ADesChangements);
        var apres = await banc.InstantaneAsync();
        Assert.Equal(Sans(avant, "E ", "J "), Sans(apres, "E ", "J "));
        // The re-import that changed nothing left no journal entry; it moved the school's version, once.
        Assert.Equal("J 1 14", apres.Last());
        Assert.Equal(version + 1, Version());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_fichier_de_l_annee_suivante_deplace_ajoute_et_marque_sortis_sans_toucher_aux_identifiants_ni_aux_etats(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        string motDePasse;
        await using (var db = banc.Base.Contexte())
        {
            var lea = await db.Comptes.SingleAsync(c => c.Prenom == "Léa");
            motDePasse = lea.Notifier(false, banc.Outils).MotDePasse!;
            await db.SaveChangesAsync();
        }

        var avant = await ComptesAsync(banc);
        banc.Horloge.Maintenant = new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero);
        var eleves = Echantillons.TexteXml("ElevesSansAdresses.xml");
        eleves = Echantillons.ChangerAnnee(eleves, 2026);
        eleves = Echantillons.ChangerDivision(eleves, "100001", "5A");
        eleves = Echantillons.SansEleve(eleves, "100004");
        eleves = Echantillons.AvecEleve(eleves, "100008", "GARNIER", "Zoé", "03/04/2014", "6B");
        var responsables = Echantillons.SansLiensDe(Echantillons.ChangerAnnee(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), 2026), "100004");
        var liste = banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", eleves), Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables));
        Assert.Empty(liste.Erreurs);

        var refuse = await banc.ImporterAsync(liste);
        Assert.False(refuse.Applique);
        Assert.Equal(2026, refuse.Apercu.AnneeAConfirmer);
        Assert.Equal(
            "ElevesSansAdresses.xml — ANNEE_SCOLAIRE : ces fichiers sont de l'année scolaire 2026-2027, alors que l'établissement en est à 2025-2026 : confirmez l'année 2026-2027 pour les importer",
            Assert.Single(refuse.Erreurs).Texte);

        var apercu = await banc.ApercevoirAsync(liste, BancImport.Demande(2026));
        var resultat = await banc.ImporterAsync(liste, BancImport.Demande(2026), apercu.Empreinte);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        Assert.Equal(["Zoé"], apercu.ACreer.Select(c => c.Prenom));
        Assert.Equal("Classe : « 6A » → « 5A »", Assert.Single(Assert.Single(apercu.AModifier).Changements).Texte);
        Assert.Equal(["Aïssatou", "Théo"], apercu.Sortants.Select(s => s.Prenom).Order());
        Assert.Equal(1, apercu.Classes.Count(c => c.Nouvelle && c.Code == "5A"));
        Assert.Equal((0, 0), (apercu.LiensACreer, apercu.LiensASupprimer));

        var apres = await ComptesAsync(banc);
        foreach (var (id, ancien) in avant)
        {
            var compte = apres[id];
            Assert.Equal((ancien.Identifiant, ancien.Etat, ancien.MotDePasseProvisoireChiffre), (compte.Identifiant, compte.Etat, compte.MotDePasseProvisoireChiffre));
        }

        var lea2 = apres.Values.Single(c => c.Prenom == "Léa");
        Assert.Equal(("5A", EtatCompte.NotifieNonActive), (lea2.Classe?.Code, lea2.Etat));
        Assert.Equal(motDePasse, banc.Outils.Coffre.Dechiffrer(lea2.MotDePasseProvisoireChiffre!));
        var theo = apres.Values.Single(c => c.Prenom == "Théo");
        Assert.True(theo.Bloque);
        Assert.Equal(new DateTime(2026, 9, 2, 8, 0, 0, DateTimeKind.Utc), theo.DateSortie);
        Assert.Equal("zoe.garnier", apres.Values.Single(c => c.Prenom == "Zoé").Identifiant);
        await using var verification = banc.Base.Contexte();
        Assert.Equal(2026, (await verification.Etablissements.SingleAsync()).AnneeScolaire);
        Assert.Equal(15, await verification.Comptes.CountAsync());
        Assert.Equal(1, await verification.Responsabilites.CountAsync(r => r.EleveId == theo.Id));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_eleve_parti_qui_revient_est_reintegre(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var sansTheo = Echantillons.SansEleve(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100004");
        var responsables = Echantillons.SansLiensDe(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), "100004");
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        Assert.True((await banc.ImporterAsync(banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", sansTheo), Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables)))).Applique);

        var apercu = await banc.ApercevoirAsync(banc.LireSiecle());
        var resultat = await banc.ImporterAsync(banc.LireSiecle());

        Assert.True(resultat.Applique);
        Assert.Equal(2, apercu.AModifier.Count);
        Assert.All(apercu.AModifier, m => Assert.Equal("Sortie", Assert.Single(m.Changements).Champ));
        await using var db = banc.Base.Contexte();
        var theo = await db.Comptes.SingleAsync(c => c.Prenom == "Théo");
        Assert.Equal((false, null, "theo.ndiaye"), (theo.Bloque, theo.DateSortie, theo.Identifiant));
        Assert.Equal(1, await db.Responsabilites.CountAsync(r => r.EleveId == theo.Id));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_eleve_bloque_par_l_etablissement_qui_part_puis_revient_reste_bloque(FournisseurBase fournisseur)
    {
        // Issue 17: the import's Reintegrer used to clear the school's block along with the leaving.
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        await using (var db = banc.Base.Contexte())
        {
            var theo = await db.Comptes.SingleAsync(c => c.Prenom == "Théo");
            var portee = new Portee(theo.EtablissementId, RoleConsole.Directeur, null, "directrice@college.test");
            var lot = await new ServiceComptes(db, banc.Outils).BloquerAsync(portee, new DemandeBlocage(new CriteresComptes { Ids = [theo.Id] }, true, "Usage abusif"));
            Assert.Single(lot.Fiches);
        }

        var sansTheo = Echantillons.SansEleve(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100004");
        var responsables = Echantillons.SansLiensDe(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), "100004");
        Assert.True((await banc.ImporterAsync(banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", sansTheo), Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables)))).Applique);
        await using (var db = banc.Base.Contexte())
        {
            var parti = await db.Comptes.SingleAsync(c => c.Prenom == "Théo");
            Assert.Equal((true, true), (parti.Bloque, parti.DateSortie is not null));
        }

        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);

        await using var verification = banc.Base.Contexte();
        var revenu = await verification.Comptes.SingleAsync(c => c.Prenom == "Théo");
        Assert.Null(revenu.DateSortie);
        Assert.True(revenu.Bloque);
        Assert.True(revenu.BloqueParEtablissement);
        Assert.Equal(("directrice@college.test", "Usage abusif"), (revenu.BloquePar, revenu.MotifBlocage));
        Assert.Equal(1, await verification.Comptes.CountAsync(c => c.Bloque));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task L_apercu_d_un_eleve_absent_du_fichier_se_confirme_plus_tard_avec_son_empreinte(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var sansTheo = banc.Siecle.Lire(
            Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.SansEleve(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100004")),
            Echantillons.Xml("ResponsablesAvecAdresses.xml", Echantillons.SansLiensDe(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), "100004")));
        var apercu = await banc.ApercevoirAsync(sansTheo);
        Assert.Contains(apercu.Sortants, s => s.Prenom == "Théo" && s.Raison == "absent(e) du fichier");

        // The person reads the preview for a few minutes before confirming.
        banc.Horloge.Maintenant = banc.Horloge.Maintenant.AddMinutes(7);
        var resultat = await banc.ImporterAsync(sansTheo, empreinte: apercu.Empreinte);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        await using var db = banc.Base.Contexte();
        Assert.True((await db.Comptes.SingleAsync(c => c.Prenom == "Théo")).Bloque);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_changement_entre_l_apercu_et_l_application_n_est_pas_ecrase(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var liste = banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.ChangerDivision(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100003", "5B")), Echantillons.SiecleResponsables);
        var apercu = await banc.ApercevoirAsync(liste);
        await using (var db = banc.Base.Contexte())
        {
            var chloe = await db.Comptes.SingleAsync(c => c.Prenom == "Chloé");
            chloe.ModifierIdentite("LEFEBVRE", "Chloé", chloe.DateNaissance);
            await db.SaveChangesAsync();
        }

        var avant = await banc.InstantaneAsync();

        var resultat = await banc.ImporterAsync(liste, empreinte: apercu.Empreinte);

        Assert.False(resultat.Applique);
        Assert.Equal("Les comptes de l'établissement ont changé depuis l'aperçu : rien n'a été appliqué, vérifiez le nouvel aperçu puis confirmez", Assert.Single(resultat.Erreurs).Texte);
        Assert.Equal(2, Assert.Single(resultat.Apercu.AModifier).Changements.Count);
        Assert.Equal(avant, await banc.InstantaneAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_courriel_absent_du_fichier_n_efface_pas_celui_du_compte(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        await using (var db = banc.Base.Contexte())
        {
            var raphael = await db.Comptes.SingleAsync(c => c.Prenom == "Raphaël");
            raphael.ModifierCourriel("raphael.lefevre@example.org");
            await db.SaveChangesAsync();
        }

        var apercu = await banc.ApercevoirAsync(banc.LireSiecle());

        Assert.Empty(apercu.AModifier);
        Assert.Equal(14, apercu.Inchanges.Count);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_import_tableur_du_personnel_ne_marque_pas_sortis_les_eleves(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var csv = "Profil;Nom;Prénom;Courriel\r\nEnseignant;LAMBERT;Sophie;s.lambert@example.fr\r\nPersonnel;MOREAU;Luc;\r\n";

        var resultat = await banc.ImporterAsync(banc.Tableur.Lire(Echantillons.Csv("personnel.csv", csv)));

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        Assert.Equal(2, resultat.Apercu.ACreer.Count);
        Assert.Empty(resultat.Apercu.Sortants);
        Assert.Equal(["luc.moreau", "sophie.lambert"], resultat.Crees.Select(c => c.Identifiant).Order());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Les_identifiants_sont_uniques_dans_tout_le_deploiement(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var autreEcole = Echantillons.Remplacer(Echantillons.TexteXml("ElevesSansAdresses.xml"), "0999999Z", "0888888Y");
        var autresResponsables = Echantillons.Remplacer(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), "0999999Z", "0888888Y");
        var liste = banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", autreEcole), Echantillons.Xml("ResponsablesAvecAdresses.xml", autresResponsables));

        var resultat = await banc.ImporterAsync(liste, new DemandeImport("0888888Y", "cli") { CreerEtablissement = true, NomEtablissement = "École Jules Ferry" });

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        Assert.Contains(resultat.Crees, c => c.Identifiant == "lea.martin-dubois2");
        await using var db = banc.Base.Contexte();
        Assert.Equal(28, await db.Comptes.Select(c => c.Identifiant).Distinct().CountAsync());
        Assert.Equal("École Jules Ferry", (await db.Etablissements.SingleAsync(e => e.Uai == "0888888Y")).Nom);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_etablissement_genere_s_importe_par_lots_puis_se_reimporte_sans_changement(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        banc.Options.TailleLot = 100;
        var (eleves, responsables) = GenerateurSiecle.Generer(eleves: 300, responsables: 480);
        var liste = banc.Siecle.Lire(FichierImport.DepuisOctets("ElevesAvecAdresses.xml", eleves), FichierImport.DepuisOctets("ResponsablesAvecAdresses.xml", responsables));
        Assert.Empty(liste.Erreurs);

        var resultat = await banc.ImporterAsync(liste);
        var avant = await banc.InstantaneAsync();
        var second = await banc.ApercevoirAsync(liste);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        Assert.Equal((300, 480), (resultat.Crees.Count(c => c.Profil == Profil.Eleve), resultat.Crees.Count(c => c.Profil == Profil.Responsable)));
        Assert.Equal((0, 0, 780, 0), (second.ACreer.Count, second.AModifier.Count, second.Inchanges.Count, second.Sortants.Count));
        await using var db = banc.Base.Contexte();
        Assert.Equal(600, await db.Responsabilites.CountAsync());
        Assert.Equal(780, await db.Comptes.Select(c => c.Identifiant).Distinct().CountAsync());
        Assert.True((await banc.ImporterAsync(liste)).Applique);
        Assert.Equal(Sans(avant, "E ", "J "), Sans(await banc.InstantaneAsync(), "E ", "J "));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_responsable_qui_n_est_plus_dans_le_fichier_perd_ses_liens_et_est_marque_sorti(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var responsables = Echantillons.Remplacer(
            Echantillons.TexteXml("ResponsablesAvecAdresses.xml"),
            "<RESPONSABLE_ELEVE>\\s*<ELEVE_ID>100006</ELEVE_ID>\\s*<PERSONNE_ID>500008</PERSONNE_ID>.*?</RESPONSABLE_ELEVE>",
            "");

        var liste = banc.Siecle.Lire(Echantillons.SiecleEleves, Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables));
        var resultat = await banc.ImporterAsync(liste);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        var sortant = Assert.Single(resultat.Apercu.Sortants);
        Assert.Equal(("Olivier", "absent(e) du fichier"), (sortant.Prenom, sortant.Raison));
        Assert.Equal(1, resultat.Apercu.LiensASupprimer);
        await using var db = banc.Base.Contexte();
        var olivier = await db.Comptes.Include(c => c.Enfants).SingleAsync(c => c.Prenom == "Olivier");
        Assert.True(olivier.Bloque);
        Assert.Empty(olivier.Enfants);
        Assert.Equal(9, await db.Responsabilites.CountAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_responsable_ONDE_qui_change_de_courriel_garde_son_compte(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireOnde())).Applique);
        var responsables = Echantillons.TexteCsv("onde_responsables.csv").Replace("julien.martin@example.net", "j.martin@example.fr", StringComparison.Ordinal);

        var liste = banc.Onde.Lire(Echantillons.OndeEleves, Echantillons.Csv("onde_responsables.csv", responsables));
        var resultat = await banc.ImporterAsync(liste);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        Assert.Empty(resultat.Apercu.ACreer);
        Assert.Empty(resultat.Apercu.Sortants);
        var modification = Assert.Single(resultat.Apercu.AModifier);
        Assert.Equal("julien.martin", modification.Identifiant);
        Assert.Equal(["Courriel", "Identifiant dans l'annuaire"], modification.Changements.Select(c => c.Champ));
        Assert.Empty((await banc.ApercevoirAsync(liste)).AModifier);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Importer_les_eleves_seuls_ne_touche_ni_aux_responsables_ni_a_leurs_liens(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var avant = await banc.InstantaneAsync();

        var apercu = await banc.ApercevoirAsync(banc.Siecle.Lire(Echantillons.SiecleEleves, null));

        Assert.True(apercu.EstApplicable);
        Assert.False(apercu.ADesChangements);
        Assert.Equal(6, apercu.Inchanges.Count);
        Assert.Equal(avant, await banc.InstantaneAsync());
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_etablissement_inconnu_n_est_cree_que_si_on_le_demande(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);

        var refuse = await banc.ImporterAsync(banc.LireOnde(), new DemandeImport("0999999z", "console"));
        var apercu = await banc.ApercevoirAsync(banc.LireOnde(), new DemandeImport("0999999z", "cli") { CreerEtablissement = true });

        Assert.Equal("Aucun établissement n'a l'UAI 0999999Z : créez-le d'abord", Assert.Single(refuse.Erreurs).Texte);
        Assert.Equal(("0999999Z", true, 2025, 14), (apercu.Uai, apercu.EtablissementACreer, apercu.AnneeScolaire, apercu.ACreer.Count));
        Assert.DoesNotContain(await banc.InstantaneAsync(), l => l.StartsWith("E ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_nom_corrige_recalcule_l_identifiant_d_un_compte_jamais_notifie_et_pas_celui_d_un_compte_notifie(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var fautif = Echantillons.TexteXml("ElevesSansAdresses.xml");
        fautif = Echantillons.AvecEleve(fautif, "100008", "FRANCIS-FROUFROU", "Gragory", "03/04/2014", "6A");
        fautif = Echantillons.AvecEleve(fautif, "100009", "FRANCIS-FROUFROU", "Jaanne", "03/04/2014", "6A");
        Assert.True((await banc.ImporterAsync(banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", fautif), Echantillons.SiecleResponsables))).Applique);
        await using (var db = banc.Base.Contexte())
        {
            Assert.True((await db.Comptes.SingleAsync(c => c.Identifiant == "jaanne.francis-froufrou")).Notifier(false, banc.Outils).EstAccepte);
            await db.SaveChangesAsync();
        }

        var corrige = fautif.Replace("Gragory", "Grégory", StringComparison.Ordinal).Replace("Jaanne", "Jeanne", StringComparison.Ordinal);
        var liste = banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", corrige), Echantillons.SiecleResponsables);
        var apercu = await banc.ApercevoirAsync(liste);
        var resultat = await banc.ImporterAsync(liste, empreinte: apercu.Empreinte);

        Assert.True(resultat.Applique, string.Join("\n", resultat.Erreurs));
        var gregory = Assert.Single(apercu.AModifier, m => m.Prenom == "Grégory");
        Assert.Contains(gregory.Changements, c => c.Texte.StartsWith("Identifiant : « gragory.francis-froufrou » → « gregory.francis-froufrou", StringComparison.Ordinal));
        Assert.DoesNotContain(Assert.Single(apercu.AModifier, m => m.Prenom == "Jeanne").Changements, c => c.Champ == "Identifiant");
        await using var verification = banc.Base.Contexte();
        var comptes = await verification.Comptes.Where(c => c.Nom == "FRANCIS-FROUFROU").OrderBy(c => c.Prenom).ToListAsync();
        Assert.Equal(["gregory.francis-froufrou", "jaanne.francis-froufrou"], comptes.Select(c => c.Identifiant));
        Assert.Equal(["gregory.francis-froufrou", "jaanne.francis-froufrou"], comptes.Select(c => c.IdentifiantRacine));
        Assert.Equal(["Grégory", "Jeanne"], comptes.Select(c => c.Prenom));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_eleve_passe_dans_la_division_Inactifs_est_marque_sorti_pour_cette_raison(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var eleves = Echantillons.ChangerDivision(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100001", "Inactifs");

        var apercu = await banc.ApercevoirAsync(banc.Siecle.Lire(Echantillons.Xml("ElevesSansAdresses.xml", eleves), Echantillons.SiecleResponsables));

        var lea = Assert.Single(apercu.Sortants);
        Assert.Equal(("Léa", "classé(e) dans la division « Inactifs »"), (lea.Prenom, lea.Raison));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_fichier_refuse_montre_ses_erreurs_et_pas_les_personnes_qu_il_aurait_ignorees(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var liste = banc.LireSiecle();
        Assert.NotEmpty(liste.Ignores);

        var apercu = await banc.ApercevoirAsync(liste, new DemandeImport("0888888Y", "secretariat@test") { CreerEtablissement = true, AnneeConfirmee = 2025 });

        Assert.False(apercu.EstApplicable);
        Assert.Empty(apercu.Ignores);
        Assert.Equal("Import SIECLE (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml), année 2025-2026 : refusé, 1 erreur.", apercu.ResumeApercu);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task L_apercu_parle_au_conditionnel_et_le_journal_au_passe(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        var liste = banc.LireSiecle();

        var apercu = await banc.ApercevoirAsync(liste);
        var resultat = await banc.ImporterAsync(liste, empreinte: apercu.Empreinte);

        Assert.Equal(
            "Import SIECLE (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml), année 2025-2026 : 14 comptes seraient créés (6 élèves, 8 responsables), 0 serait modifié, 0 resterait inchangé, 0 serait marqué sorti ; 2 classes seraient créées, 0 serait modifiée ; 10 liens responsable-élève seraient créés, 0 serait modifié, 0 serait supprimé ; 3 personnes seraient ignorées.",
            apercu.ResumeApercu);
        await using var db = banc.Base.Contexte();
        Assert.Equal(resultat.Apercu.Resume, (await db.Evenements.SingleAsync()).Details);
        Assert.StartsWith("Import SIECLE (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml), année 2025-2026 : 14 comptes créés (6 élèves, 8 responsables), 0 modifié", resultat.Apercu.Resume);
    }

    private static List<string> Sans(List<string> lignes, params string[] prefixes) =>
        lignes.Where(l => !prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))).ToList();

    private static async Task<Dictionary<long, Compte>> ComptesAsync(BancImport banc)
    {
        await using var db = banc.Base.Contexte();
        return await db.Comptes.AsNoTracking().Include(c => c.Classe).ToDictionaryAsync(c => c.Id);
    }
}
