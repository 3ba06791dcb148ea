using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// Compte inaccessible, drapeau dérivé et stocké : vrai quand l'établissement l'a bloqué
    /// (<see cref="BloqueParEtablissement"/>) OU quand son titulaire est sorti (<see cref="DateSortie"/>).
    /// L'entité le recalcule dans chaque méthode qui change l'un ou l'autre (<see cref="Bloquer"/>,
    /// <see cref="Debloquer"/>, <see cref="MarquerSorti"/>, <see cref="Reintegrer"/>) : les requêtes
    /// (recherche, statistiques, publipostage, relances, portail) filtrent sur cette seule colonne.
    /// </summary>
    public bool Bloque { get; private set; }

    /// <summary>Blocage décidé par l'établissement : quand (null : pas bloqué par l'établissement).</summary>
    public DateTime? BloqueLe { get; private set; }

    /// <summary>Blocage décidé par l'établissement : par qui (l'auteur de la console, <see cref="Acces.Portee.Auteur"/>).</summary>
    public string? BloquePar { get; private set; }

    /// <summary>Blocage décidé par l'établissement : pourquoi (facultatif, 200 caractères au plus).</summary>
    public string? MotifBlocage { get; private set; }

    /// <summary>Bloqué par l'établissement (et non seulement sorti) ; un import n'y touche jamais.</summary>
    public bool BloqueParEtablissement => BloqueLe != null;

    public bool AdministrateurLocal { get; private set; }

    public string? MotDePasseProvisoireChiffre { get; private set; }

    public DateTime? MotDePasseProvisoireExpireLe { get; private set; }

    public string? MotDePasseHash { get; private set; }

    public string? CodeRenouvellementHash { get; private set; }

    public DateTime? CodeRenouvellementExpireLe { get; private set; }

    /// <summary>Empreinte SHA-256 du lien à usage unique en cours (<see cref="LienUnique"/>), jamais le lien lui-même.</summary>
    public string? LienHash { get; private set; }

    public ObjetLien? LienObjet { get; private set; }

    public DateTime? LienEmisLe { get; private set; }

    public DateTime? LienExpireLe { get; private set; }

    /// <summary>Nombre de relances déjà faites depuis la dernière notification (0 à 3).</summary>
    public int Relances { get; private set; }

    public DateTime? DateDerniereRelance { get; private set; }

    /// <summary>Langue de la famille (code ISO 639-1 : « en », « uk »…) : ses courriers et courriels sont bilingues.</summary>
    public string? Langue { get; private set; }

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
        Relances = 0;
        DateDerniereRelance = null;
        EffacerLien();
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
        Relances = 0;
        DateDerniereRelance = null;
        return new ResultatNotification(null, VarianteFiche.Identifiants, motDePasse, true);
    }

    /// <summary>
    /// Relance un compte « Notifié et non activé » (<paramref name="rang"/> : la relance n° 1, 2 ou 3 du
    /// calendrier) avec le MÊME mot de passe provisoire ; un nouveau seulement si le sien a expiré. La date
    /// de notification ne bouge pas : le calendrier des relances suivantes en part toujours.
    /// </summary>
    public ResultatNotification Relancer(int rang, OutilsSecrets outils)
    {
        if (Bloque)
        {
            return ResultatNotification.Refuse(MotifRefus.CompteBloque);
        }

        if (Etat != EtatCompte.NotifieNonActive)
        {
            return ResultatNotification.Refuse(Etat == EtatCompte.Active ? MotifRefus.CompteDejaActive : MotifRefus.CompteNonNotifie);
        }

        Relances = rang;
        DateDerniereRelance = outils.Maintenant;
        Touch();
        if (MotDePasseProvisoireChiffre is not null && !MotDePasseProvisoireExpire(outils.Maintenant))
        {
            return new ResultatNotification(null, VarianteFiche.Identifiants, outils.Coffre.Dechiffrer(MotDePasseProvisoireChiffre), false);
        }

        return new ResultatNotification(null, VarianteFiche.Identifiants, AttribuerMotDePasseProvisoire(outils, outils.Maintenant), true);
    }

    /// <summary>
    /// Un lien d'activation à usage unique pour un compte « Notifié et non activé » : il remplace le précédent et
    /// vaut jusqu'à son expiration, sa première utilisation, une nouvelle notification ou un blocage.
    /// </summary>
    public ResultatLien EmettreLienActivation(TimeSpan duree, OutilsSecrets outils)
    {
        if (Bloque)
        {
            return ResultatLien.Refuse(MotifRefus.CompteBloque);
        }

        return Etat switch
        {
            EtatCompte.NotifieNonActive => EmettreLien(ObjetLien.Activation, duree, outils.Maintenant),
            EtatCompte.Active => ResultatLien.Refuse(MotifRefus.CompteDejaActive),
            _ => ResultatLien.Refuse(MotifRefus.CompteNonNotifie),
        };
    }

    /// <summary>
    /// Un lien « choisir un nouveau mot de passe » pour un compte activé qui a une adresse : au plus un par
    /// <see cref="OptionsComptes.IntervalleLiensNouveauMotDePasse"/>.
    /// </summary>
    public ResultatLien EmettreLienNouveauMotDePasse(OutilsSecrets outils)
    {
        var maintenant = outils.Maintenant;
        if (Bloque)
        {
            return ResultatLien.Refuse(MotifRefus.CompteBloque);
        }

        if (Etat != EtatCompte.Active)
        {
            return ResultatLien.Refuse(MotifRefus.CompteNonActive);
        }

        if (Courriel is null)
        {
            return ResultatLien.Refuse(MotifRefus.SansCourriel);
        }

        if (LienObjet == ObjetLien.NouveauMotDePasse && LienEmisLe is { } emis && emis + outils.Options.IntervalleLiensNouveauMotDePasse > maintenant)
        {
            return ResultatLien.Refuse(MotifRefus.LienRecent);
        }

        return EmettreLien(ObjetLien.NouveauMotDePasse, outils.Options.DureeLienNouveauMotDePasse, maintenant);
    }

    /// <summary>Le lien est-il celui en cours, pour cet objet, non expiré, sur un compte qui peut s'en servir ?</summary>
    public Resultat VerifierLien(string? jeton, ObjetLien objet, DateTime maintenant)
    {
        var empreinte = LienUnique.Empreinte(jeton);
        if (empreinte is null || LienHash is null || LienObjet != objet
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(empreinte), Encoding.ASCII.GetBytes(LienHash)))
        {
            return Resultat.Refuse(MotifRefus.LienInvalide);
        }

        if (LienExpireLe <= maintenant)
        {
            return Resultat.Refuse(MotifRefus.LienExpire);
        }

        if (Bloque)
        {
            return Resultat.Refuse(MotifRefus.CompteBloque);
        }

        var etatAttendu = objet == ObjetLien.Activation ? EtatCompte.NotifieNonActive : EtatCompte.Active;
        return Etat == etatAttendu ? Resultat.Ok : Resultat.Refuse(MotifRefus.LienInvalide);
    }

    /// <summary>Active le compte par son lien d'activation : le titulaire choisit son mot de passe ; le lien ne sert plus.</summary>
    public Resultat ActiverParLien(string jeton, string motDePasseChoisi, string? courriel, OutilsSecrets outils)
    {
        var verification = VerifierLien(jeton, ObjetLien.Activation, outils.Maintenant);
        if (!verification.EstAccepte)
        {
            return verification;
        }

        TerminerActivation(motDePasseChoisi, courriel, outils);
        return Resultat.Ok;
    }

    /// <summary>Un nouveau mot de passe par le lien envoyé à l'adresse du titulaire ; le lien ne sert plus.</summary>
    public Resultat ChoisirMotDePasseParLien(string jeton, string nouveauMotDePasse, OutilsSecrets outils)
    {
        var verification = VerifierLien(jeton, ObjetLien.NouveauMotDePasse, outils.Maintenant);
        if (!verification.EstAccepte)
        {
            return verification;
        }

        MotDePasseHash = outils.Hacheur.Hacher(nouveauMotDePasse);
        CodeRenouvellementHash = null;
        CodeRenouvellementExpireLe = null;
        EffacerLien();
        Touch();
        return Resultat.Ok;
    }

    /// <summary>La langue de la famille (null : français seul) ; le code doit être une langue proposée.</summary>
    public void DefinirLangue(string? langue)
    {
        Langue = string.IsNullOrWhiteSpace(langue) ? null : langue.Trim().ToLowerInvariant();
        Touch();
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

        TerminerActivation(motDePasseChoisi, courriel, outils);
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

        if (outils.Hacheur.DoitRehacher(MotDePasseHash))
        {
            // Demo-seed hashes (1,000 iterations) reach the full cost at the first sign-in that proves the password.
            MotDePasseHash = outils.Hacheur.Hacher(motDePasse);
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
        EffacerLien();
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
        EffacerLien();
        DateDerniereConnexion = maintenant;
        Touch();
        return Resultat.Ok;
    }

    public const int LongueurMaxMotifBlocage = 200;

    /// <summary>L'établissement bloque le compte (même sorti : le blocage survit à un retour).</summary>
    public Resultat Bloquer(string auteur, string? motif, DateTime maintenant)
    {
        if (BloqueParEtablissement)
        {
            return Resultat.Refuse(MotifRefus.DejaBloque);
        }

        BloqueLe = maintenant;
        BloquePar = auteur;
        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        MotifBlocage = motif is { Length: > LongueurMaxMotifBlocage } ? motif[..LongueurMaxMotifBlocage] : motif;
        RecalculerBloque();
        EffacerLien();
        Touch();
        return Resultat.Ok;
    }

    /// <summary>L'établissement lève son blocage ; un compte sorti reste inaccessible.</summary>
    public Resultat Debloquer()
    {
        if (!BloqueParEtablissement)
        {
            return Resultat.Refuse(DateSortie is null ? MotifRefus.NonBloque : MotifRefus.CompteSorti);
        }

        BloqueLe = null;
        BloquePar = null;
        MotifBlocage = null;
        RecalculerBloque();
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

    /// <summary>
    /// Donne un autre identifiant à un compte jamais notifié, dont le nom vient d'être corrigé : personne ne connaît
    /// encore l'ancien. Refusé dès que l'identifiant a été remis (il ne change alors plus jamais).
    /// </summary>
    public Resultat CorrigerIdentifiant(string identifiant)
    {
        if (Etat != EtatCompte.NonNotifie)
        {
            return Resultat.Refuse(MotifRefus.CompteDejaNotifie);
        }

        AttribuerIdentifiant(identifiant);
        Recherche = Identifiants.Replier($"{Nom} {Prenom} {Identifiant}");
        Touch();
        return Resultat.Ok;
    }

    /// <summary>L'élève a quitté l'établissement : son compte est gardé, inaccessible et visible comme tel.</summary>
    public void MarquerSorti(DateTime dateSortie)
    {
        DateSortie = dateSortie;
        RecalculerBloque();
        EffacerLien();
        Touch();
    }

    /// <summary>Fixe (ou retire) le dernier jour d'un compte créé à la main.</summary>
    public void DefinirFinValidite(DateOnly? fin)
    {
        FinValidite = fin;
        Touch();
    }

    /// <summary>L'élève revient : sa sortie est effacée ; un blocage de l'établissement demeure.</summary>
    public void Reintegrer()
    {
        if (DateSortie is null)
        {
            return;
        }

        DateSortie = null;
        RecalculerBloque();
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

    private void TerminerActivation(string motDePasseChoisi, string? courriel, OutilsSecrets outils)
    {
        var maintenant = outils.Maintenant;
        Etat = EtatCompte.Active;
        MotDePasseProvisoireChiffre = null;
        MotDePasseProvisoireExpireLe = null;
        MotDePasseHash = outils.Hacheur.Hacher(motDePasseChoisi);
        DateActivation = maintenant;
        DateDerniereConnexion = maintenant;
        EffacerLien();
        if (!string.IsNullOrWhiteSpace(courriel))
        {
            Courriel = courriel.Trim();
        }

        Touch();
    }

    private ResultatLien EmettreLien(ObjetLien objet, TimeSpan duree, DateTime maintenant)
    {
        var jeton = LienUnique.Nouveau();
        LienHash = LienUnique.Empreinte(jeton);
        LienObjet = objet;
        LienEmisLe = maintenant;
        LienExpireLe = maintenant + duree;
        Touch();
        return new ResultatLien(null, jeton, LienExpireLe);
    }

    private void EffacerLien()
    {
        LienHash = null;
        LienObjet = null;
        LienExpireLe = null;
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

    private void RecalculerBloque() => Bloque = BloqueParEtablissement || DateSortie is not null;

    private void Touch() => Version++;
}
