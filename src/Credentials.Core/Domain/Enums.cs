namespace Credentials.Core.Domain;

/// <summary>Profil d'un titulaire de compte.</summary>
public enum Profil
{
    Eleve = 1,
    Responsable = 2,
    Enseignant = 3,
    Personnel = 4,
    Invite = 5,
}

/// <summary>État du compte (seed 003 §3.2). Le blocage est un drapeau à part.</summary>
public enum EtatCompte
{
    NonNotifie = 0,
    NotifieNonActive = 1,
    Active = 2,
}

/// <summary>Origine du compte : importé d'un annuaire ou créé à la main.</summary>
public enum OrigineCompte
{
    AnnuaireFederateur = 1,
    CreationManuelle = 2,
}

/// <summary>Lien de parenté d'un responsable (codes SIECLE CODE_PARENTE).</summary>
public enum LienParente
{
    Inconnu = 0,
    Mere = 10,
    Pere = 20,
    Fratrie = 37,
    Ascendant = 38,
    AutreMembreFamille = 39,
    Educateur = 41,
    AssistantFamilial = 42,
    Tuteur = 50,
    AideSocialeEnfance = 51,
    EleveLuiMeme = 70,
    AutreLien = 90,
}

/// <summary>
/// Par où passe une action : les identifiants (courrier, courriel, listes) ou les données (un export, un fichier
/// importé). Le journal le retient, en texte (« courrier », « csv », « siecle »…).
/// </summary>
public enum Canal
{
    /// <summary>Lettres ou fiches en PDF, à imprimer.</summary>
    Courrier = 1,

    /// <summary>Courriel, par la boîte d'envoi.</summary>
    Courriel,

    /// <summary>Liste de comptes en PDF.</summary>
    Pdf,

    /// <summary>Liste de comptes ou publipostage en CSV.</summary>
    Csv,

    /// <summary>Les données d'une personne, en JSON.</summary>
    Json,

    /// <summary>Un import SIECLE.</summary>
    Siecle,

    /// <summary>Un import ONDE.</summary>
    Onde,

    /// <summary>Un import de tableur.</summary>
    Tableur,
}

/// <summary>Rôle d'un utilisateur de la console dans un établissement.</summary>
public enum RoleConsole
{
    Directeur = 1,
    Secretaire = 2,
    Enseignant = 3,

    /// <summary>L'exploitant qui lance la CLI sur le serveur ; jamais le rôle d'un utilisateur de la console.</summary>
    Operateur = 4,
}

/// <summary>Variante d'un document de notification.</summary>
public enum VarianteFiche
{
    /// <summary>Identifiant et mot de passe provisoire.</summary>
    Identifiants = 1,

    /// <summary>Compte déjà activé : rappel, sans mot de passe.</summary>
    Rappel = 2,
}

/// <summary>Ce qu'un lien à usage unique envoyé par courriel permet de faire.</summary>
public enum ObjetLien
{
    /// <summary>Activer un compte « Notifié et non activé » en choisissant son mot de passe (le provisoire ne voyage pas).</summary>
    Activation = 1,

    /// <summary>Choisir un nouveau mot de passe pour un compte activé, depuis l'adresse du titulaire.</summary>
    NouveauMotDePasse = 2,
}

/// <summary>Ce que le courriel de notification d'un compte non activé porte (réglage de l'établissement).</summary>
public enum ModeCourriel
{
    /// <summary>Un lien d'activation à usage unique : aucun mot de passe ne voyage par courriel (défaut).</summary>
    Lien = 1,

    /// <summary>Le mot de passe provisoire, comme sur la fiche papier.</summary>
    MotDePasse = 2,
}
