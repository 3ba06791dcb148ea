using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Domain;

/// <summary>The account-state table of product.md, row by row, and every refusal.</summary>
public class RegleEtatTests
{
    private readonly HorlogeDeTest horloge = new(OutilsDeTest.Rentree);
    private readonly OutilsSecrets outils;

    public RegleEtatTests() => outils = OutilsDeTest.Creer(horloge);

    private static Compte NouveauCompte() => new CompteBuilder().Construire();

    private Compte CompteNotifie(out string motDePasse)
    {
        var compte = NouveauCompte();
        motDePasse = compte.Notifier(false, outils).MotDePasse!;
        return compte;
    }

    private Compte CompteActive(string choisi = "Un-Mot-De-Passe-42")
    {
        var compte = CompteNotifie(out var provisoire);
        Assert.True(compte.Activer(provisoire, choisi, null, outils).EstAccepte);
        return compte;
    }

    [Fact]
    public void Notifier_compte_non_notifie_attribue_un_mot_de_passe_provisoire()
    {
        var compte = NouveauCompte();
        var resultat = compte.Notifier(false, outils);

        Assert.True(resultat.EstAccepte);
        Assert.Equal(VarianteFiche.Identifiants, resultat.Variante);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.Equal(GenerateurSecrets.Longueur, resultat.MotDePasse!.Length);
        Assert.Equal(horloge.Maintenant.UtcDateTime, compte.DateNotification);
        Assert.NotNull(compte.MotDePasseProvisoireChiffre);
        Assert.DoesNotContain(resultat.MotDePasse, compte.MotDePasseProvisoireChiffre);
    }

    [Fact]
    public void Notifier_avec_reinitialisation_un_compte_non_notifie_fait_comme_notifier()
    {
        var compte = NouveauCompte();
        var resultat = compte.Notifier(true, outils);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.True(resultat.NouveauMotDePasse);
    }

    [Fact]
    public void Reinitialiser_un_compte_non_notifie_le_notifie()
    {
        var compte = NouveauCompte();
        var resultat = compte.ReinitialiserMotDePasse(outils);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.NotNull(resultat.MotDePasse);
        Assert.NotNull(compte.DateNotification);
    }

    [Fact]
    public void Activer_un_compte_non_notifie_est_impossible()
    {
        var compte = NouveauCompte();
        var resultat = compte.Activer("ABCDEFGHJK", "Un-Mot-De-Passe-42", null, outils);
        Assert.Equal(MotifRefus.CompteNonNotifie, resultat.Refus!.Motif);
        Assert.Equal(EtatCompte.NonNotifie, compte.Etat);
    }

    [Fact]
    public void Renotifier_un_compte_notifie_garde_son_mot_de_passe_et_met_a_jour_la_date()
    {
        var compte = CompteNotifie(out var premier);
        horloge.Avancer(TimeSpan.FromDays(3));
        var resultat = compte.Notifier(false, outils);

        Assert.Equal(premier, resultat.MotDePasse);
        Assert.False(resultat.NouveauMotDePasse);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.Equal(horloge.Maintenant.UtcDateTime, compte.DateNotification);
    }

    [Fact]
    public void Renotifier_avec_reinitialisation_un_compte_notifie_donne_un_nouveau_mot_de_passe()
    {
        var compte = CompteNotifie(out var premier);
        var resultat = compte.Notifier(true, outils);
        Assert.NotEqual(premier, resultat.MotDePasse);
        Assert.Equal(MotifRefus.MotDePasseIncorrect, compte.VerifierMotDePasseProvisoire(premier, outils).Refus!.Motif);
        Assert.True(compte.VerifierMotDePasseProvisoire(resultat.MotDePasse!, outils).EstAccepte);
    }

    [Fact]
    public void Reinitialiser_un_compte_notifie_donne_un_nouveau_mot_de_passe()
    {
        var compte = CompteNotifie(out var premier);
        var resultat = compte.ReinitialiserMotDePasse(outils);
        Assert.NotEqual(premier, resultat.MotDePasse);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
    }

    [Fact]
    public void Activer_un_compte_notifie_le_rend_active_et_efface_le_mot_de_passe_provisoire()
    {
        var compte = CompteNotifie(out var provisoire);
        horloge.Avancer(TimeSpan.FromDays(1));
        var resultat = compte.Activer(provisoire, "Un-Mot-De-Passe-42", "lea@exemple.fr", outils);

        Assert.True(resultat.EstAccepte);
        Assert.Equal(EtatCompte.Active, compte.Etat);
        Assert.Null(compte.MotDePasseProvisoireChiffre);
        Assert.Equal("lea@exemple.fr", compte.Courriel);
        Assert.Equal(horloge.Maintenant.UtcDateTime, compte.DateDerniereConnexion);
        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", outils).EstAccepte);
    }

    [Fact]
    public void Le_mot_de_passe_provisoire_se_tape_avec_ou_sans_espace_et_en_minuscules()
    {
        var compte = CompteNotifie(out var provisoire);
        var saisie = FormatSecret.PourAffichage(provisoire).ToLowerInvariant();
        Assert.Contains(' ', saisie);
        Assert.True(compte.VerifierMotDePasseProvisoire(saisie, outils).EstAccepte);
    }

    [Fact]
    public void Notifier_un_compte_active_envoie_un_rappel_sans_toucher_au_mot_de_passe()
    {
        var compte = CompteActive();
        var resultat = compte.Notifier(false, outils);

        Assert.Equal(VarianteFiche.Rappel, resultat.Variante);
        Assert.Null(resultat.MotDePasse);
        Assert.Equal(EtatCompte.Active, compte.Etat);
        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", outils).EstAccepte);
    }

    [Fact]
    public void Notifier_avec_reinitialisation_un_compte_active_le_ramene_a_notifie_non_active()
    {
        var compte = CompteActive();
        var resultat = compte.Notifier(true, outils);

        Assert.Equal(VarianteFiche.Identifiants, resultat.Variante);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.NotNull(resultat.MotDePasse);
        Assert.Equal(MotifRefus.CompteNonActive, compte.SeConnecter("Un-Mot-De-Passe-42", outils).Refus!.Motif);
    }

    [Fact]
    public void Reinitialiser_un_compte_active_le_ramene_a_notifie_non_active()
    {
        var compte = CompteActive();
        var resultat = compte.ReinitialiserMotDePasse(outils);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
        Assert.True(compte.VerifierMotDePasseProvisoire(resultat.MotDePasse!, outils).EstAccepte);
    }

    [Fact]
    public void Activer_un_compte_deja_active_est_refuse()
    {
        var compte = CompteActive();
        Assert.Equal(MotifRefus.CompteDejaActive, compte.Activer("ABCDEFGHJK", "Autre-Mot-De-Passe-1", null, outils).Refus!.Motif);
    }

    [Fact]
    public void Chaque_connexion_met_a_jour_la_date_de_derniere_connexion()
    {
        var compte = CompteActive();
        horloge.Avancer(TimeSpan.FromHours(5));
        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", outils).EstAccepte);
        Assert.Equal(horloge.Maintenant.UtcDateTime, compte.DateDerniereConnexion);
    }

    [Fact]
    public void Une_connexion_avec_un_mauvais_mot_de_passe_est_refusee_sans_changer_la_date()
    {
        var compte = CompteActive();
        var avant = compte.DateDerniereConnexion;
        horloge.Avancer(TimeSpan.FromHours(5));
        Assert.Equal(MotifRefus.MotDePasseIncorrect, compte.SeConnecter("faux", outils).Refus!.Motif);
        Assert.Equal(avant, compte.DateDerniereConnexion);
    }

    [Fact]
    public void Un_compte_bloque_est_refuse_partout()
    {
        var compte = CompteNotifie(out var provisoire);
        Assert.True(compte.Bloquer("directrice", null, horloge.GetUtcNow().UtcDateTime).EstAccepte);

        Assert.Equal(MotifRefus.CompteBloque, compte.Notifier(false, outils).Refus!.Motif);
        Assert.Equal(MotifRefus.CompteBloque, compte.ReinitialiserMotDePasse(outils).Refus!.Motif);
        Assert.Equal(MotifRefus.CompteBloque, compte.Activer(provisoire, "Un-Mot-De-Passe-42", null, outils).Refus!.Motif);
        Assert.Equal(MotifRefus.CompteBloque, compte.SeConnecter("x", outils).Refus!.Motif);
        Assert.Equal(MotifRefus.CompteBloque, compte.GenererCodeRenouvellement(outils).Refus!.Motif);
        Assert.Equal(EtatCompte.NotifieNonActive, compte.Etat);
    }

    [Fact]
    public void Bloquer_deux_fois_ou_debloquer_un_compte_libre_est_refuse()
    {
        var compte = NouveauCompte();
        Assert.Equal(MotifRefus.NonBloque, compte.Debloquer().Refus!.Motif);
        Assert.True(compte.Bloquer("directrice", null, horloge.GetUtcNow().UtcDateTime).EstAccepte);
        Assert.Equal(MotifRefus.DejaBloque, compte.Bloquer("directrice", null, horloge.GetUtcNow().UtcDateTime).Refus!.Motif);
        Assert.True(compte.Debloquer().EstAccepte);
        Assert.False(compte.Bloque);
    }

    [Fact]
    public void Le_blocage_de_l_etablissement_survit_a_une_sortie_puis_a_un_retour()
    {
        var compte = NouveauCompte();
        var le = horloge.GetUtcNow().UtcDateTime;
        Assert.True(compte.Bloquer("directrice@college.test", "Usage abusif", le).EstAccepte);

        compte.MarquerSorti(le.AddDays(10));
        compte.Reintegrer();

        Assert.True(compte.Bloque);
        Assert.True(compte.BloqueParEtablissement);
        Assert.Equal(("directrice@college.test", "Usage abusif", (DateTime?)le, (DateTime?)null), (compte.BloquePar, compte.MotifBlocage, compte.BloqueLe, compte.DateSortie));
        Assert.Equal($"bloqué par directrice@college.test le {Libelles.Date(le)} (Usage abusif)", Libelles.Inaccessibilite(compte));
    }

    [Fact]
    public void Sorti_puis_reintegre_sans_blocage_de_l_etablissement_redevient_accessible()
    {
        var compte = NouveauCompte();
        var le = horloge.GetUtcNow().UtcDateTime;
        compte.MarquerSorti(le);
        Assert.True(compte.Bloque);
        Assert.False(compte.BloqueParEtablissement);
        Assert.Equal($"sorti(e) le {Libelles.Date(le)}", Libelles.Inaccessibilite(compte));

        compte.Reintegrer();

        Assert.False(compte.Bloque);
        Assert.Equal((null, null, null), (compte.BloqueLe, compte.BloquePar, compte.MotifBlocage));
    }

    [Fact]
    public void Debloquer_un_compte_sorti_le_laisse_inaccessible()
    {
        var compte = NouveauCompte();
        var le = horloge.GetUtcNow().UtcDateTime;
        Assert.True(compte.Bloquer("directrice", null, le).EstAccepte);
        compte.MarquerSorti(le);

        Assert.True(compte.Debloquer().EstAccepte);

        Assert.True(compte.Bloque);
        Assert.False(compte.BloqueParEtablissement);
        Assert.Null(compte.BloquePar);
        Assert.Equal(MotifRefus.CompteSorti, compte.Debloquer().Refus!.Motif);
        Assert.Equal(MotifRefus.CompteBloque, compte.Notifier(false, outils).Refus!.Motif);
    }

    [Fact]
    public void Un_compte_sorti_peut_etre_bloque_par_l_etablissement_et_le_motif_est_borne()
    {
        var compte = NouveauCompte();
        compte.MarquerSorti(horloge.GetUtcNow().UtcDateTime);

        Assert.True(compte.Bloquer("directrice", "  " + new string('x', 300) + "  ", horloge.GetUtcNow().UtcDateTime).EstAccepte);

        Assert.True(compte.BloqueParEtablissement);
        Assert.Equal(Compte.LongueurMaxMotifBlocage, compte.MotifBlocage!.Length);
    }

    [Fact]
    public void Un_mot_de_passe_provisoire_expire_est_refuse_et_la_renotification_en_donne_un_nouveau()
    {
        var compte = CompteNotifie(out var provisoire);
        horloge.Avancer(new OptionsComptes().DureeMotDePasseProvisoire + TimeSpan.FromMinutes(1));

        Assert.Equal(MotifRefus.MotDePasseProvisoireExpire, compte.Activer(provisoire, "Un-Mot-De-Passe-42", null, outils).Refus!.Motif);
        var renotification = compte.Notifier(false, outils);
        Assert.True(renotification.NouveauMotDePasse);
        Assert.NotEqual(provisoire, renotification.MotDePasse);
        Assert.True(compte.Activer(renotification.MotDePasse!, "Un-Mot-De-Passe-42", null, outils).EstAccepte);
    }

    [Fact]
    public void Un_code_de_renouvellement_sert_une_fois()
    {
        var compte = CompteActive();
        var code = compte.GenererCodeRenouvellement(outils);
        Assert.True(code.EstAccepte);
        Assert.NotEqual(code.Code, compte.CodeRenouvellementHash);

        Assert.True(compte.UtiliserCodeRenouvellement(FormatSecret.PourAffichage(code.Code!).ToLowerInvariant(), "Nouveau-Mot-De-Passe-7", outils).EstAccepte);
        Assert.True(compte.SeConnecter("Nouveau-Mot-De-Passe-7", outils).EstAccepte);
        Assert.Equal(MotifRefus.CodeRenouvellementAbsent, compte.UtiliserCodeRenouvellement(code.Code!, "Encore-Un-Autre-8", outils).Refus!.Motif);
    }

    [Fact]
    public void Un_code_de_renouvellement_expire_ou_faux_est_refuse()
    {
        var compte = CompteActive();
        var code = compte.GenererCodeRenouvellement(outils).Code!;
        Assert.Equal(MotifRefus.CodeRenouvellementIncorrect, compte.UtiliserCodeRenouvellement("AAAAAAAAAA", "Nouveau-Mot-De-Passe-7", outils).Refus!.Motif);
        horloge.Avancer(new OptionsComptes().DureeCodeRenouvellement + TimeSpan.FromSeconds(1));
        Assert.Equal(MotifRefus.CodeRenouvellementExpire, compte.UtiliserCodeRenouvellement(code, "Nouveau-Mot-De-Passe-7", outils).Refus!.Motif);
        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", outils).EstAccepte);
    }

    [Fact]
    public void Un_code_de_renouvellement_est_refuse_a_un_compte_non_active()
    {
        var compte = CompteNotifie(out _);
        Assert.Equal(MotifRefus.CompteNonActive, compte.GenererCodeRenouvellement(outils).Refus!.Motif);
        Assert.Equal(MotifRefus.CompteNonActive, compte.UtiliserCodeRenouvellement("AAAAAAAAAA", "x", outils).Refus!.Motif);
    }

    [Fact]
    public void Chaque_changement_incremente_la_version()
    {
        var compte = NouveauCompte();
        var version = compte.Version;
        compte.Notifier(false, outils);
        Assert.True(compte.Version > version);
    }
}
