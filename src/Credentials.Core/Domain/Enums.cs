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

/// <summary>Rôle d'un utilisateur de la console dans un établissement.</summary>
public enum RoleConsole
{
    Directeur = 1,
    Secretaire = 2,
    Enseignant = 3,
}

/// <summary>Variante d'un document de notification.</summary>
public enum VarianteFiche
{
    /// <summary>Identifiant et mot de passe provisoire.</summary>
    Identifiants = 1,

    /// <summary>Compte déjà activé : rappel, sans mot de passe.</summary>
    Rappel = 2,
}
