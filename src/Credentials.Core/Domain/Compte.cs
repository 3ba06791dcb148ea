using Credentials.Core.Secrets;

namespace Credentials.Core.Domain;

/// <summary>
/// Le compte d'un titulaire (élève, responsable, enseignant, personnel, invité) et ses règles d'état
/// (product.md, « Account states »). Chaque transition refusée renvoie un <see cref="Refus"/> typé.
/// </summary>
public class Compte
{
    private readonly List<Responsabilite> responsables = [];
    private readonly List<Responsabilite> enfants = [];

    private Compte()
    {
    }

    public Compte(
        Etablissement etablissement,
        Profil profil,
        string nom,
        string prenom,
        string identifiant,
        OrigineCompte origine,
        DateTime creeLe)
    {
        Etablissement = etablissement;
        EtablissementId = etablissement.Id;
        Profil = profil;
        Origine = origine;
        DateCreation = creeLe;
        AttribuerIdentifiant(identifiant);
        ModifierIdentite(nom, prenom, null);
    }

    public long Id { get; private set; }

    public int EtablissementId { get; private set; }

    public Etablissement Etablissement { get; private set; } = null!;

    public Profil Profil { get; private set; }

    public string Nom { get; private set; } = "";

    public string Prenom { get; private set; } = "";

    public string? Civilite { get; private set; }

    public DateOnly? DateNaissance { get; private set; }

    /// <summary>Nom, prénom et identifiant repliés (minuscules, sans accents) pour la recherche.</summary>
    public string Recherche { get; private set; } = "";

    /// <summary>Identifiant de connexion, unique dans tout le déploiement, jamais modifié une fois attribué.</summary>
    public string Identifiant { get; private set; } = "";

    /// <summary>« prenom.nom » avant le numéro de dédoublonnage.</summary>
    public string IdentifiantRacine { get; private set; } = "";

    public string? Courriel { get; private set; }

    public OrigineCompte Origine { get; private set; }

    public EtatCompte Etat { get; private set; } = EtatCompte.NonNotifie;

    public bool Bloque { get; private set; }

    public bool AdministrateurLocal { get; private set; }

    public string? MotDePasseProvisoireChiffre { get; private set; }

    public DateTime? MotDePasseProvisoireExpireLe { get; private set; }

    public string? MotDePasseHash { get; private set; }

    public string? CodeRenouvellementHash { get; private set; }

    public DateTime? CodeRenouvellementExpireLe { get; private set; }

    public DateTime DateCreation { get; private set; }

    public DateTime? DateNotification { get; private set; }

    public DateTime? DateActivation { get; private set; }

    public DateTime? DateDerniereConnexion { get; private set; }

    /// <summary>Date de sortie de l'élève (ou du responsable dont tous les enfants sont partis).</summary>
    public DateTime? DateSortie { get; private set; }

    /// <summary>Compte créé à la main : dernier jour où il sert ; passé ce jour, il est traité comme un sortant.</summary>
    public DateOnly? FinValidite { get; private set; }

    public int? ClasseId { get; private set; }

    public Classe? Classe { get; private set; }

    public string? CodeMef { get; private set; }

    public string? LibelleMef { get; private set; }

    /// <summary>Élève d'un autre établissement qui suit ici un enseignement partagé.</summary>
    public bool Externe { get; private set; }

    public string? EtablissementRattachement { get; private set; }

    /// <summary>Clé dans l'annuaire d'origine (ELEVE_ID, PERSONNE_ID, clé synthétique ONDE…).</summary>
    public string? CleImport { get; private set; }

    public string? Ine { get; private set; }

    /// <summary>Jeton de concurrence optimiste : incrémenté à chaque changement.</summary>
    public int Version { get; private set; }

    /// <summary>Pour un élève : ses responsables.</summary>
    public IReadOnlyCollection<Responsabilite> Responsables => responsables;

    /// <summary>Pour un responsable : ses enfants.</summary>
    public IReadOnlyCollection<Responsabilite> Enfants => enfants;

    public string NomComplet => $"{Prenom} {Nom}";

    // ---- Les règles d'état ----

    /// <summary>
    /// (Re)notifie le compte. Non notifié : reçoit un mot de passe provisoire. Notifié et non activé :
    /// garde le sien (nouveau si <paramref name="reinitialiser"/> ou s'il a expiré). Activé : rappel sans
    /// mot de passe, ou nouveau mot de passe provisoire et retour à « Notifié et non activé » si
    /// <paramref name="reinitialiser"/>.
    /// </summary>
    public ResultatNotification Notifier(bool reinitialiser, OutilsSecrets outils)
    {
        if (Bloque)
        {
            return ResultatNotification.Refuse(MotifRefus.CompteBloque);
        }

        var maintenant = outils.Maintenant;
        DateNotification = maintenant;
        Touch();

        switch (Etat)
        {
            case EtatCompte.Active when !reinitialiser:
                return new ResultatNotification(null, VarianteFiche.Rappel, null, false);
            case EtatCompte.NotifieNonActive when !reinitialiser && !MotDePasseProvisoireExpire(maintenant) && MotDePasseProvisoireChiffre is not null:
                return new ResultatNotification(null, VarianteFiche.Identifiants, outils.Coffre.Dechiffrer(MotDePasseProvisoireChiffre), false);
            default:
                var motDePasse = AttribuerMotDePasseProvisoire(outils, maintenant);
                return new ResultatNotification(null, VarianteFiche.Identifiants, motDePasse, true);
        }
    }

    /// <summary>Réinitialise le mot de passe : un nouveau mot de passe provisoire, quel que soit l'état.</summary>
    public ResultatNotification ReinitialiserMotDePasse(OutilsSecrets outils)
    {
        if (Bloque)
        {
            return ResultatNotification.Refuse(MotifRefus.CompteBloque);
        }

        var motDePasse = AttribuerMotDePasseProvisoire(outils, outils.Maintenant);
        DateNotification = outils.Maintenant;
        return new ResultatNotification(null, VarianteFiche.Identifiants, motDePasse, true);
    }

    /// <summary>Vérifie le mot de passe provisoire saisi sur le portail (avec ou sans espace, toute casse).</summary>
    public Resultat VerifierMotDePasseProvisoire(string saisie, OutilsSecrets outils)
    {
        var refus = RefusAvantActivation(outils.Maintenant);
        if (refus is not null)
        {
            return Resultat.Refuse(refus.Value);
        }

        var attendu = outils.Coffre.Dechiffrer(MotDePasseProvisoireChiffre!);
        return FormatSecret.Egaux(FormatSecret.Normaliser(saisie), attendu)
            ? Resultat.Ok
            : Resultat.Refuse(MotifRefus.MotDePasseIncorrect);
    }

    /// <summary>
    /// Le titulaire active son compte sur le portail avec son mot de passe provisoire et choisit le sien :
    /// le provisoire est effacé, le choisi est haché.
    /// </summary>
    public Resultat Activer(string motDePasseProvisoire, string motDePasseChoisi, string? courriel, OutilsSecrets outils)
    {
        var verification = VerifierMotDePasseProvisoire(motDePasseProvisoire, outils);
        if (!verification.EstAccepte)
        {
            return verification;
        }

        var maintenant = outils.Maintenant;
        Etat = EtatCompte.Active;
        MotDePasseProvisoireChiffre = null;
        MotDePasseProvisoireExpireLe = null;
        MotDePasseHash = outils.Hacheur.Hacher(motDePasseChoisi);
        DateActivation = maintenant;
        DateDerniereConnexion = maintenant;
        if (!string.IsNullOrWhiteSpace(courriel))
        {
            Courriel = courriel.Trim();
        }

        Touch();
        return Resultat.Ok;
    }

    /// <summary>Connexion au portail d'un compte activé : met à jour la date de dernière connexion.</summary>
    public Resultat SeConnecter(string motDePasse, OutilsSecrets outils)
    {
        if (Bloque)
        {
            return Resultat.Refuse(MotifRefus.CompteBloque);
        }

        if (Etat != EtatCompte.Active || MotDePasseHash is null)
        {
            return Resultat.Refuse(MotifRefus.CompteNonActive);
        }

        if (!outils.Hacheur.Verifier(MotDePasseHash, motDePasse))
        {
            return Resultat.Refuse(MotifRefus.MotDePasseIncorrect);
        }

        DateDerniereConnexion = outils.Maintenant;
        Touch();
        return Resultat.Ok;
    }

    /// <summary>Le titulaire connecté change son mot de passe.</summary>
    public Resultat ChangerMotDePasse(string actuel, string nouveau, OutilsSecrets outils)
    {
        var connexion = SeConnecter(actuel, outils);
        if (!connexion.EstAccepte)
        {
            return connexion;
        }

        MotDePasseHash = outils.Hacheur.Hacher(nouveau);
        return Resultat.Ok;
    }

    /// <summary>
    /// Un code de renouvellement à usage unique pour un compte activé : le titulaire choisira un nouveau
    /// mot de passe sans que l'établissement voie ni efface l'actuel.
    /// </summary>
    public ResultatCode GenererCodeRenouvellement(OutilsSecrets outils)
    {
        if (Bloque)
        {
            return new ResultatCode(new Refus(MotifRefus.CompteBloque), null, null);
        }

        if (Etat != EtatCompte.Active)
        {
            return new ResultatCode(new Refus(MotifRefus.CompteNonActive), null, null);
        }

        var code = outils.Generateur.Nouveau();
        CodeRenouvellementHash = outils.Hacheur.Hacher(code);
        CodeRenouvellementExpireLe = outils.Maintenant + outils.Options.DureeCodeRenouvellement;
        Touch();
        return new ResultatCode(null, code, CodeRenouvellementExpireLe);
    }

    /// <summary>Utilise le code de renouvellement : une seule fois, avant son expiration.</summary>
    public Resultat UtiliserCodeRenouvellement(string code, string nouveauMotDePasse, OutilsSecrets outils)
    {
        if (Bloque)
        {
            return Resultat.Refuse(MotifRefus.CompteBloque);
        }

        if (Etat != EtatCompte.Active)
        {
            return Resultat.Refuse(MotifRefus.CompteNonActive);
        }

        if (CodeRenouvellementHash is null)
        {
            return Resultat.Refuse(MotifRefus.CodeRenouvellementAbsent);
        }

        var maintenant = outils.Maintenant;
        if (CodeRenouvellementExpireLe <= maintenant)
        {
            return Resultat.Refuse(MotifRefus.CodeRenouvellementExpire);
        }

        if (!outils.Hacheur.Verifier(CodeRenouvellementHash, FormatSecret.Normaliser(code)))
        {
            return Resultat.Refuse(MotifRefus.CodeRenouvellementIncorrect);
        }

        MotDePasseHash = outils.Hacheur.Hacher(nouveauMotDePasse);
        CodeRenouvellementHash = null;
        CodeRenouvellementExpireLe = null;
        DateDerniereConnexion = maintenant;
        Touch();
        return Resultat.Ok;
    }

    public Resultat Bloquer()
    {
        if (Bloque)
        {
            return Resultat.Refuse(MotifRefus.DejaBloque);
        }

        Bloque = true;
        Touch();
        return Resultat.Ok;
    }

    public Resultat Debloquer()
    {
        if (!Bloque)
        {
            return Resultat.Refuse(MotifRefus.NonBloque);
        }

        Bloque = false;
        Touch();
        return Resultat.Ok;
    }

    /// <summary>Le mot de passe provisoire en clair, pour les listes : seulement s'il est en cours de validité.</summary>
    public string? MotDePasseProvisoire(OutilsSecrets outils) =>
        Etat == EtatCompte.NotifieNonActive && MotDePasseProvisoireChiffre is not null && !MotDePasseProvisoireExpire(outils.Maintenant)
            ? outils.Coffre.Dechiffrer(MotDePasseProvisoireChiffre)
            : null;

    public bool MotDePasseProvisoireExpire(DateTime maintenant) =>
        MotDePasseProvisoireExpireLe is { } fin && fin <= maintenant;

    // Secret recognition regardless of state (blocked, expired, already activated): the portal only
    // explains a refusal to someone who proved they hold the secret, so the reason leaks nothing.

    /// <summary>La saisie est-elle le mot de passe provisoire en cours (même expiré, même compte bloqué) ?</summary>
    public bool EstMotDePasseProvisoire(string saisie, OutilsSecrets outils) =>
        MotDePasseProvisoireChiffre is not null
        && FormatSecret.Egaux(FormatSecret.Normaliser(saisie), outils.Coffre.Dechiffrer(MotDePasseProvisoireChiffre));

    /// <summary>La saisie est-elle le mot de passe choisi (même compte bloqué) ?</summary>
    public bool EstMotDePasse(string saisie, OutilsSecrets outils) =>
        MotDePasseHash is not null && outils.Hacheur.Verifier(MotDePasseHash, saisie);

    /// <summary>La saisie est-elle le code de renouvellement en cours (même expiré, même compte bloqué) ?</summary>
    public bool EstCodeRenouvellement(string saisie, OutilsSecrets outils) =>
        CodeRenouvellementHash is not null && outils.Hacheur.Verifier(CodeRenouvellementHash, FormatSecret.Normaliser(saisie));

    // ---- Données d'annuaire (imports, saisie manuelle) ----

    public void ModifierIdentite(string nom, string prenom, DateOnly? dateNaissance, string? civilite = null)
    {
        Nom = nom.Trim();
        Prenom = prenom.Trim();
        DateNaissance = dateNaissance;
        Civilite = civilite;
        Recherche = Identifiants.Replier($"{Nom} {Prenom} {Identifiant}");
        Touch();
    }

    public void ModifierCourriel(string? courriel)
    {
        Courriel = string.IsNullOrWhiteSpace(courriel) ? null : courriel.Trim();
        Touch();
    }

    public void Scolariser(Classe? classe, string? codeMef, string? libelleMef)
    {
        Classe = classe;
        ClasseId = classe?.Id;
        CodeMef = codeMef;
        LibelleMef = libelleMef;
        Touch();
    }

    public void RattacherA(string? etablissementRattachement)
    {
        Externe = etablissementRattachement is not null;
        EtablissementRattachement = etablissementRattachement;
        Touch();
    }

    public void DefinirCleImport(string? cle, string? ine = null)
    {
        CleImport = cle;
        Ine = ine;
    }

    public void DefinirAdministrateurLocal(bool valeur)
    {
        AdministrateurLocal = valeur;
        Touch();
    }

    /// <summary>L'élève a quitté l'établissement : son compte est gardé, bloqué et visible comme tel.</summary>
    public void MarquerSorti(DateTime dateSortie)
    {
        DateSortie = dateSortie;
        Bloque = true;
        Touch();
    }

    /// <summary>Fixe (ou retire) le dernier jour d'un compte créé à la main.</summary>
    public void DefinirFinValidite(DateOnly? fin)
    {
        FinValidite = fin;
        Touch();
    }

    /// <summary>L'élève revient : il est débloqué.</summary>
    public void Reintegrer()
    {
        if (DateSortie is null)
        {
            return;
        }

        DateSortie = null;
        Bloque = false;
        Touch();
    }

    private void AttribuerIdentifiant(string identifiant)
    {
        Identifiant = identifiant;
        IdentifiantRacine = Identifiants.Racine(identifiant);
    }

    private string AttribuerMotDePasseProvisoire(OutilsSecrets outils, DateTime maintenant)
    {
        var motDePasse = outils.Generateur.Nouveau();
        MotDePasseProvisoireChiffre = outils.Coffre.Chiffrer(motDePasse);
        MotDePasseProvisoireExpireLe = maintenant + outils.Options.DureeMotDePasseProvisoire;
        MotDePasseHash = null;
        CodeRenouvellementHash = null;
        CodeRenouvellementExpireLe = null;
        Etat = EtatCompte.NotifieNonActive;
        Touch();
        return motDePasse;
    }

    private MotifRefus? RefusAvantActivation(DateTime maintenant)
    {
        if (Bloque)
        {
            return MotifRefus.CompteBloque;
        }

        return Etat switch
        {
            EtatCompte.NonNotifie => MotifRefus.CompteNonNotifie,
            EtatCompte.Active => MotifRefus.CompteDejaActive,
            _ when MotDePasseProvisoireChiffre is null => MotifRefus.CompteNonNotifie,
            _ when MotDePasseProvisoireExpire(maintenant) => MotifRefus.MotDePasseProvisoireExpire,
            _ => null,
        };
    }

    private void Touch() => Version++;
}
