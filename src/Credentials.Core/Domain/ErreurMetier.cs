namespace Credentials.Core.Domain;

/// <summary>Les familles d'erreurs qu'une personne peut rencontrer.</summary>
public enum CodeErreur
{
    Invalide = 1,
    AccesRefuse,
    Introuvable,
    Concurrence,
}

/// <summary>Une erreur métier, avec un message en français destiné à la personne.</summary>
public sealed class ErreurMetier(string message, CodeErreur code = CodeErreur.Invalide) : Exception(message)
{
    public CodeErreur Code { get; } = code;
}
