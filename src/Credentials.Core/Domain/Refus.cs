namespace Credentials.Core.Domain;

/// <summary>Pourquoi une transition d'état a été refusée.</summary>
public enum MotifRefus
{
    CompteBloque = 1,
    CompteNonNotifie,
    CompteDejaActive,
    CompteNonActive,
    DejaBloque,
    NonBloque,
    MotDePasseProvisoireExpire,
    MotDePasseIncorrect,
    CodeRenouvellementAbsent,
    CodeRenouvellementExpire,
    CodeRenouvellementIncorrect,
    CompteDejaNotifie,
    LienInvalide,
    LienExpire,
    SansCourriel,
    LienRecent,
    CompteSorti,
}

/// <summary>Une transition refusée, avec le message à montrer à une personne.</summary>
public sealed record Refus(MotifRefus Motif)
{
    public string Message => Motif switch
    {
        MotifRefus.CompteBloque => "Le compte est bloqué.",
        MotifRefus.CompteNonNotifie => "Le compte n'a pas encore été notifié : il n'a pas de mot de passe provisoire.",
        MotifRefus.CompteDejaActive => "Le compte est déjà activé.",
        MotifRefus.CompteNonActive => "Le compte n'est pas encore activé.",
        MotifRefus.DejaBloque => "Le compte est déjà bloqué.",
        MotifRefus.NonBloque => "Le compte n'est pas bloqué.",
        MotifRefus.MotDePasseProvisoireExpire => "Le mot de passe provisoire a expiré : demandez-en un nouveau à l'établissement.",
        MotifRefus.MotDePasseIncorrect => "Identifiant ou mot de passe incorrect.",
        MotifRefus.CodeRenouvellementAbsent => "Aucun code de renouvellement n'est en cours pour ce compte.",
        MotifRefus.CodeRenouvellementExpire => "Le code de renouvellement a expiré.",
        MotifRefus.CodeRenouvellementIncorrect => "Le code de renouvellement est incorrect.",
        MotifRefus.CompteDejaNotifie => "Le compte a déjà été notifié : son identifiant ne change plus.",
        MotifRefus.LienInvalide => "Ce lien n'est pas (ou plus) valable : il a déjà servi ou a été remplacé.",
        MotifRefus.LienExpire => "Ce lien a expiré.",
        MotifRefus.SansCourriel => "Le compte n'a pas d'adresse électronique.",
        MotifRefus.LienRecent => "Un lien vient déjà d'être envoyé à ce compte.",
        MotifRefus.CompteSorti => "Le compte n'est pas bloqué par l'établissement : son titulaire est sorti, il le reste jusqu'à son retour dans un import.",
        _ => Motif.ToString(),
    };
}

/// <summary>Le résultat d'une transition : accepté, ou refusé avec un motif typé.</summary>
public readonly record struct Resultat(Refus? Refus)
{
    public static Resultat Ok => new(null);

    public bool EstAccepte => Refus is null;

    public static Resultat Refuse(MotifRefus motif) => new(new Refus(motif));
}

/// <summary>Le résultat d'une notification : la variante à imprimer ou envoyer, et le mot de passe en clair s'il y en a un.</summary>
public readonly record struct ResultatNotification(Refus? Refus, VarianteFiche Variante, string? MotDePasse, bool NouveauMotDePasse)
{
    public bool EstAccepte => Refus is null;

    internal static ResultatNotification Refuse(MotifRefus motif) => new(new Refus(motif), default, null, false);
}

/// <summary>Un code de renouvellement émis (en clair, à remettre une seule fois) ou le refus.</summary>
public readonly record struct ResultatCode(Refus? Refus, string? Code, DateTime? ExpireLe)
{
    public bool EstAccepte => Refus is null;
}

/// <summary>Un lien à usage unique émis (le jeton en clair, à envoyer une seule fois) ou le refus.</summary>
public readonly record struct ResultatLien(Refus? Refus, string? Jeton, DateTime? ExpireLe)
{
    public bool EstAccepte => Refus is null;

    internal static ResultatLien Refuse(MotifRefus motif) => new(new Refus(motif), null, null);
}
