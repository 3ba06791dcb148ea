using Credentials.Core.Domain;
using Credentials.Core.Utilisateurs;
using Credentials.Web.Infrastructure;

namespace Credentials.Web.Features.Utilisateurs;

/// <summary>Le formulaire « Ajouter un utilisateur ».</summary>
public sealed class FormulaireUtilisateur
{
    public string? Courriel { get; set; }

    public string? NomAffiche { get; set; }

    public RoleConsole Role { get; set; } = RoleConsole.Enseignant;

    public string[] Classes { get; set; } = [];

    public SaisieUtilisateur Saisie() => new(Courriel, NomAffiche, Role, Classes);
}

/// <summary>Un mot de passe tiré pour quelqu'un, à lui remettre : affiché une fois.</summary>
public sealed record MotDePasseRemis(string Courriel, string MotDePasse);

public sealed record UtilisateursModel(
    IReadOnlyList<UtilisateurEtablissement> Utilisateurs,
    FormulaireUtilisateur Formulaire,
    IReadOnlyList<Classe> Classes,
    MotDePasseRemis? MotDePasse,
    string MoiId)
{
    public ChampTexte Courriel => new(nameof(Formulaire.Courriel), "Adresse électronique", Formulaire.Courriel, Type: "email", Requis: true, Aide: "Elle sert d'identifiant de connexion à la console.", Autocomplete: "off");

    public ChampTexte NomAffiche => new(nameof(Formulaire.NomAffiche), "Nom affiché", Formulaire.NomAffiche, Aide: "Par exemple « M. Paul Martin, professeur de mathématiques ». Vide : l'adresse.") { LongueurMax = 100 };
}

public sealed record FicheUtilisateurModel(UtilisateurEtablissement Utilisateur, IReadOnlyList<Classe> Classes, bool EstMoi);
