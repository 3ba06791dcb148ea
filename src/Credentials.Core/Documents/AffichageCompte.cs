using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Documents;

/// <summary>
/// Ce qu'un document montre d'un compte, la même règle pour les fiches, les listes et les CSV
/// (product.md) : rien pour « Non notifié », le mot de passe provisoire pour « Notifié et non
/// activé », des astérisques pour « Activé » — jamais le mot de passe d'un compte activé.
/// </summary>
public static class AffichageCompte
{
    /// <summary>Ce qui remplace le mot de passe d'un compte activé dans les listes.</summary>
    public const string Masque = "*****";

    /// <summary>Le mot de passe provisoire à imprimer, ou <c>null</c> quand le compte n'en a pas à montrer.</summary>
    public static string? MotDePasseProvisoire(FicheCompte fiche) =>
        fiche.Etat == EtatCompte.NotifieNonActive && !string.IsNullOrEmpty(fiche.MotDePasse) ? fiche.MotDePasse : null;

    /// <summary>La colonne « Mot de passe » d'une liste ou d'un CSV, tel que la personne le tape (10 caractères).</summary>
    public static string ColonneMotDePasse(FicheCompte fiche) => fiche.Etat switch
    {
        EtatCompte.Active => Masque,
        EtatCompte.NotifieNonActive => fiche.MotDePasse ?? "",
        _ => "",
    };

    /// <summary>La même colonne mise en forme pour l'œil : deux groupes de 5 caractères.</summary>
    public static string ColonneMotDePasseImprimee(FicheCompte fiche) =>
        MotDePasseProvisoire(fiche) is { } motDePasse ? FormatSecret.PourAffichage(motDePasse) : ColonneMotDePasse(fiche);

    /// <summary>
    /// « Non notifié », « Notifié et non activé » ou « Activé » : les mots de la console, partout ;
    /// suivis de « (bloqué) » pour un compte bloqué, qui ne peut pas se connecter.
    /// </summary>
    public static string Etat(FicheCompte fiche) => fiche.Bloque ? $"{fiche.Etat.Libelle()} (bloqué)" : fiche.Etat.Libelle();

    /// <summary>Un compte activé reçoit toujours le rappel, quoi que demande l'appelant.</summary>
    public static VarianteFiche Variante(FicheCompte fiche) =>
        fiche.Etat == EtatCompte.Active ? VarianteFiche.Rappel : fiche.Variante;
}
