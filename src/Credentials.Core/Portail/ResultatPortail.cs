namespace Credentials.Core.Portail;

/// <summary>Une erreur à montrer sur le portail, rattachée à un champ du formulaire (ou à tout le formulaire).</summary>
public sealed record ErreurPortail(string? Champ, string Message);

/// <summary>Ce qu'une démarche du portail a donné : une valeur, des erreurs, ou les deux (formulaire à réafficher).</summary>
public sealed record ResultatPortail<T>(T? Valeur, IReadOnlyList<ErreurPortail> Erreurs)
{
    public bool EstAccepte => Erreurs.Count == 0;

    public static ResultatPortail<T> Ok(T valeur) => new(valeur, []);

    public static ResultatPortail<T> Refuse(IReadOnlyList<ErreurPortail> erreurs, T? valeur = default) => new(valeur, erreurs);

    public static ResultatPortail<T> Refuse(string? champ, string message, T? valeur = default) => new(valeur, [new ErreurPortail(champ, message)]);
}

/// <summary>Les noms des champs des formulaires du portail (ceux des modèles de vue).</summary>
public static class ChampsPortail
{
    public const string Identifiant = "Identifiant";
    public const string MotDePasseProvisoire = "MotDePasseProvisoire";
    public const string MotDePasse = "MotDePasse";
    public const string Confirmation = "Confirmation";
    public const string Courriel = "Courriel";
    public const string Code = "Code";
    public const string MotDePasseActuel = "MotDePasseActuel";
}

/// <summary>
/// Les réponses du portail. Tant que le secret n'est pas reconnu, la réponse est la même pour un
/// identifiant inconnu, un mauvais secret, un compte bloqué ou non notifié, et pendant un délai.
/// </summary>
public static class MessagesPortail
{
    private const string Delai = "Après plusieurs erreurs, les essais sont suspendus pendant une durée qui augmente à chaque nouvelle erreur.";

    public const string ConnexionRefusee = "Identifiant ou mot de passe incorrect. Vérifiez votre saisie. " + Delai;

    public const string ActivationRefusee = "Identifiant ou mot de passe provisoire incorrect. Recopiez-les depuis la fiche remise par l'établissement. " + Delai;

    public const string RenouvellementRefuse = "Identifiant ou code de renouvellement incorrect, ou code déjà utilisé. " + Delai;

    public const string MotDePasseActuelIncorrect = "Le mot de passe actuel est incorrect. " + Delai;

    public const string CompteBloque = "Ce compte est bloqué\u00A0: adressez-vous à l'établissement.";

    public const string ProvisoireExpire = "Ce mot de passe provisoire a expiré\u00A0: demandez-en un nouveau à l'établissement.";

    public const string DejaActive = "Ce compte est déjà activé\u00A0: connectez-vous avec le mot de passe que vous avez choisi.";

    public const string PasEncoreActive = "Ce compte n'est pas encore activé\u00A0: choisissez d'abord votre mot de passe avec «\u00A0Première connexion\u00A0».";

    public const string CodeExpire = "Ce code de renouvellement a expiré\u00A0: demandez-en un nouveau à l'établissement.";

    public const string DelaiDepasse = "Le temps pour choisir votre mot de passe est écoulé\u00A0: recommencez la première connexion.";

    public const string ModificationSimultanee = "Ce compte vient d'être modifié par une autre demande\u00A0: réessayez. Si vous venez de l'activer, connectez-vous avec le mot de passe choisi.";

    public const string IdentifiantVide = "Saisissez votre identifiant, tel qu'il figure sur la fiche remise par l'établissement.";

    public const string IdentifiantTropLong = "L'identifiant saisi est trop long\u00A0: recopiez-le depuis la fiche.";

    public const string ProvisoireVide = "Saisissez le mot de passe provisoire inscrit sur la fiche.";

    public const string MotDePasseVide = "Saisissez votre mot de passe.";

    public const string SecretTropLong = "Le texte saisi est trop long.";

    public const string LienMotDePasseEnvoye = "Si cet identifiant correspond à un compte activé qui a une adresse électronique, un courriel vient d'y partir avec un lien pour choisir un nouveau mot de passe. Il ne sert qu'une fois et pendant une heure. Rien reçu\u00A0? Vérifiez le dossier des indésirables, ou demandez un code de renouvellement à l'établissement.";

    public const string CodeVide = "Saisissez le code de renouvellement remis par l'établissement.";

    public const string ConfirmationDifferente = "Les deux mots de passe saisis sont différents\u00A0: saisissez deux fois le même.";

    public const string CourrielInvalide = "L'adresse courriel n'est pas valide\u00A0: elle doit ressembler à prenom.nom@exemple.fr, sans espace ni accent (ou laissez le champ vide).";
}
