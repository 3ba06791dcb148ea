using Credentials.Core.Domain;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// Un onglet de comptes — les élèves ou les responsables : même recherche, mêmes actions, mêmes pages ; seuls le
/// profil, l'adresse et les mots changent.
/// </summary>
public sealed record SectionComptes(Profil Profil, string Chemin, string Titre, string Singulier, string Pluriel)
{
    public static readonly SectionComptes Eleves = new(Profil.Eleve, "/eleves", "Élèves", "élève", "élèves");

    public static readonly SectionComptes Responsables = new(Profil.Responsable, "/responsables", "Responsables", "responsable", "responsables");

    public bool EstEleves => Profil == Profil.Eleve;

    /// <summary>« de l'élève », « du responsable ».</summary>
    public string DuSingulier => Libelles.DuLe(Singulier);

    /// <summary>« 3 élèves », « 1 responsable ».</summary>
    public string Nombre(int n) => Libelles.Accorder(n, Singulier, Pluriel);

    /// <summary>Le message d'une action postée sans aucune ligne cochée ni « tous les résultats ».</summary>
    public string SelectionVide => $"Sélectionnez au moins un {Singulier}, ou cochez « Sélectionner tous les résultats ».";

    /// <summary>Le nom du contrôleur qui sert l'onglet (onglet actif des pages partagées).</summary>
    public string Controleur => EstEleves ? "Eleves" : "Responsables";
}
