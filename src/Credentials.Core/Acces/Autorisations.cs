using Credentials.Core.Domain;

namespace Credentials.Core.Acces;

/// <summary>
/// Ce qu'une personne fait dans la console ou la CLI : une ligne de la matrice des permissions.
/// Chaque opération d'un service commence par <see cref="Portee.Exiger(Operation)"/>.
/// </summary>
public enum Operation
{
    /// <summary>Rechercher et consulter élèves, responsables, statistiques, suivi des envois.</summary>
    ConsulterComptes = 1,

    /// <summary>(Re)notifier sur papier ou par courriel, imprimer les fiches et les lettres.</summary>
    Notifier,

    /// <summary>Listes de comptes en PDF.</summary>
    ListerPdf,

    /// <summary>Listes et statistiques au format CSV.</summary>
    ExporterCsv,

    /// <summary>Nouveau mot de passe provisoire pour un compte déjà activé.</summary>
    ReinitialiserCompteActive,

    /// <summary>Codes de renouvellement (comptes activés).</summary>
    GenererCodes,

    /// <summary>Bloquer et débloquer des comptes.</summary>
    Bloquer,

    /// <summary>Publipostage à l'échelle de l'établissement.</summary>
    Publipostage,

    /// <summary>« Envoyer aux familles » : les fiches des enfants aux adresses des responsables.</summary>
    EnvoyerAuxFamilles,

    /// <summary>Renvoyer les courriels en échec d'un envoi.</summary>
    RelancerEchecs,

    /// <summary>Lancer une vague de relances, imprimer la liste des relances papier.</summary>
    Relancer,

    /// <summary>Importer SIECLE, ONDE ou un tableur ; lire les rapports d'import.</summary>
    Importer,

    /// <summary>Créer et modifier des comptes à la main.</summary>
    GererComptesManuels,

    /// <summary>Paramètres de l'établissement, réglages des envois et des relances.</summary>
    Parametrer,

    /// <summary>Utilisateurs de la console et leurs rôles.</summary>
    GererUtilisateurs,

    /// <summary>Lire le journal des actions.</summary>
    ConsulterJournal,

    /// <summary>Exporter les données d'une personne, effacer un compte créé à la main.</summary>
    DonneesPersonnelles,
}

/// <summary>Sur quoi porte une permission accordée.</summary>
public enum Etendue
{
    /// <summary>Refusée.</summary>
    Aucune = 0,

    /// <summary>Les élèves de ses classes et leurs responsables (un enseignant).</summary>
    SesClasses,

    /// <summary>Tout l'établissement.</summary>
    Etablissement,
}

/// <summary>
/// La matrice des permissions, écrite une fois : rôle × opération → étendue. Les services l'appliquent
/// (<see cref="Portee.Exiger(Operation)"/>) ; la console s'en sert pour n'afficher que ce qui est permis
/// et refuse aussi au niveau HTTP (<c>[Exige(Operation.X)]</c>). L'opérateur est la personne qui lance
/// la CLI sur le serveur : il a la main sur tout l'établissement qu'il désigne.
/// </summary>
public static class Autorisations
{
    private const Etendue Non = Etendue.Aucune;
    private const Etendue Classes = Etendue.SesClasses;
    private const Etendue Tout = Etendue.Etablissement;

    private static readonly Dictionary<Operation, (Etendue Directeur, Etendue Secretaire, Etendue Enseignant, Etendue Operateur, string Libelle)> Matrice = new()
    {
        [Operation.ConsulterComptes] = (Tout, Tout, Classes, Tout, "consulter les comptes"),
        [Operation.Notifier] = (Tout, Tout, Classes, Tout, "notifier des comptes"),
        [Operation.ListerPdf] = (Tout, Tout, Classes, Tout, "imprimer des listes de comptes"),
        [Operation.ExporterCsv] = (Tout, Tout, Non, Tout, "exporter des listes au format CSV"),
        [Operation.ReinitialiserCompteActive] = (Tout, Tout, Non, Tout, "réinitialiser le mot de passe d'un compte activé"),
        [Operation.GenererCodes] = (Tout, Tout, Non, Tout, "générer des codes de renouvellement"),
        [Operation.Bloquer] = (Tout, Tout, Non, Tout, "bloquer ou débloquer des comptes"),
        [Operation.Publipostage] = (Tout, Tout, Non, Tout, "faire un publipostage"),
        [Operation.EnvoyerAuxFamilles] = (Tout, Tout, Non, Tout, "envoyer les fiches aux familles"),
        [Operation.RelancerEchecs] = (Tout, Tout, Non, Tout, "relancer des envois"),
        [Operation.Relancer] = (Tout, Tout, Non, Tout, "lancer des relances"),
        [Operation.Importer] = (Tout, Tout, Non, Tout, "importer des comptes"),
        [Operation.GererComptesManuels] = (Tout, Tout, Non, Tout, "créer ou modifier des comptes"),
        [Operation.Parametrer] = (Tout, Non, Non, Tout, "modifier les paramètres de l'établissement"),
        [Operation.GererUtilisateurs] = (Tout, Non, Non, Tout, "gérer les utilisateurs de la console"),
        [Operation.ConsulterJournal] = (Tout, Non, Non, Tout, "consulter le journal"),
        [Operation.DonneesPersonnelles] = (Tout, Non, Non, Tout, "exporter ou effacer les données d'une personne"),
    };

    /// <summary>Les rôles qu'on donne à un utilisateur de la console (l'opérateur n'en est pas un).</summary>
    public static IReadOnlyList<RoleConsole> RolesConsole { get; } = [RoleConsole.Directeur, RoleConsole.Secretaire, RoleConsole.Enseignant];

    /// <summary>Sur quoi porte l'opération pour ce rôle ; <see cref="Etendue.Aucune"/> si elle est refusée.</summary>
    public static Etendue EtendueDe(RoleConsole role, Operation operation)
    {
        var ligne = Matrice[operation];
        return role switch
        {
            RoleConsole.Directeur => ligne.Directeur,
            RoleConsole.Secretaire => ligne.Secretaire,
            RoleConsole.Enseignant => ligne.Enseignant,
            RoleConsole.Operateur => ligne.Operateur,
            _ => Etendue.Aucune,
        };
    }

    /// <summary>Lève <see cref="ErreurMetier"/> (<see cref="CodeErreur.AccesRefuse"/>) si la matrice refuse l'opération à ce rôle.</summary>
    public static void Exiger(RoleConsole role, Operation operation)
    {
        if (EtendueDe(role, operation) == Etendue.Aucune)
        {
            throw new ErreurMetier($"Votre rôle ({role.Libelle()}) ne permet pas de {operation.Libelle()}.", CodeErreur.AccesRefuse);
        }
    }

    /// <summary>L'opération à l'infinitif, pour « Votre rôle ne permet pas de … ».</summary>
    public static string Libelle(this Operation operation) => Matrice[operation].Libelle;
}
