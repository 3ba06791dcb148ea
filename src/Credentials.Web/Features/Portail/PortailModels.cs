using Credentials.Core.Portail;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Credentials.Web.Features.Portail;

public sealed class ActivationModel
{
    public string? Identifiant { get; set; }

    public string? MotDePasseProvisoire { get; set; }
}

public sealed class ChoixModel
{
    public string? Jeton { get; set; }

    public string? MotDePasse { get; set; }

    public string? Confirmation { get; set; }

    public string? Courriel { get; set; }

    [BindNever]
    public string Identifiant { get; set; } = "";

    [BindNever]
    public string Prenom { get; set; } = "";

    [BindNever]
    public string Nom { get; set; } = "";

    public static ChoixModel De(ChoixMotDePasse choix, string? courriel = null) =>
        new() { Jeton = choix.Jeton, Identifiant = choix.Identifiant, Prenom = choix.Prenom, Nom = choix.Nom, Courriel = courriel };
}

/// <summary>Le formulaire d'un lien à usage unique : activation (avec adresse facultative) ou nouveau mot de passe.</summary>
public sealed class LienModel
{
    public string? Jeton { get; set; }

    public string? MotDePasse { get; set; }

    public string? Confirmation { get; set; }

    public string? Courriel { get; set; }

    [BindNever]
    public Core.Domain.ObjetLien Objet { get; set; }

    [BindNever]
    public string Identifiant { get; set; } = "";

    [BindNever]
    public string Prenom { get; set; } = "";

    [BindNever]
    public string Nom { get; set; } = "";

    public static LienModel De(LienOuvert lien, string? courriel = null) =>
        new() { Jeton = lien.Jeton, Objet = lien.Objet, Identifiant = lien.Identifiant, Prenom = lien.Prenom, Nom = lien.Nom, Courriel = courriel };
}

public sealed class OubliModel
{
    public string? Identifiant { get; set; }
}

public sealed class ConnexionModel
{
    public string? Identifiant { get; set; }

    public string? MotDePasse { get; set; }
}

public sealed class RenouvellementModel
{
    public string? Identifiant { get; set; }

    public string? Code { get; set; }

    public string? MotDePasse { get; set; }

    public string? Confirmation { get; set; }
}

public sealed class ChangementModel
{
    public string? MotDePasseActuel { get; set; }

    public string? MotDePasse { get; set; }

    public string? Confirmation { get; set; }
}

public sealed record MonCompteModel(MonCompte Compte, ChangementModel Changement);

/// <summary>Un champ de formulaire du portail, rendu par <c>_Champ.cshtml</c> avec son libellé, son aide et ses erreurs.</summary>
public sealed record ChampFormulaire(string Nom, string Libelle, string Type = "text", string? Valeur = null)
{
    public string? Aide { get; init; }

    public string? Autocomplete { get; init; }

    /// <summary>L'id d'un autre élément qui décrit le champ (la liste des règles du mot de passe).</summary>
    public string? DecritPar { get; init; }

    /// <summary>Pour les identifiants et les codes : pas de majuscule automatique ni de correcteur sur téléphone.</summary>
    public bool SaisieBrute { get; init; }

    public int LongueurMax { get; init; } = 256;
}

public static class FormulairesPortail
{
    /// <summary>L'ordre des champs dans les pages : le résumé des erreurs le suit.</summary>
    public static readonly string[] Ordre =
    [
        "",
        ChampsPortail.Identifiant,
        ChampsPortail.MotDePasseProvisoire,
        ChampsPortail.Code,
        ChampsPortail.MotDePasseActuel,
        ChampsPortail.MotDePasse,
        ChampsPortail.Confirmation,
        ChampsPortail.Courriel,
    ];

    /// <summary>Reporte les erreurs du service dans le ModelState ; vrai si la démarche est acceptée.</summary>
    public static bool Accepter<T>(this ModelStateDictionary etat, ResultatPortail<T> resultat)
    {
        foreach (var erreur in resultat.Erreurs)
        {
            etat.AddModelError(erreur.Champ ?? "", erreur.Message);
        }

        return resultat.EstAccepte;
    }
}
