namespace Credentials.Core.Domain;

/// <summary>
/// Une erreur de saisie d'un formulaire de la console, rattachée à son champ (le nom de la propriété saisie ; vide
/// pour une erreur du formulaire entier) : comptes manuels, paramètres, utilisateurs.
/// </summary>
public sealed record ErreurSaisie(string Champ, string Message);
