using Credentials.Core.Acces;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Un onglet de la console ; il est actif sur les pages de ses contrôleurs — et, s'il a un <see cref="Filtre"/>
/// (« externes=true »), seulement quand l'adresse le porte.
/// </summary>
public sealed record Onglet(string Libelle, string Url, params string[] Controleurs)
{
    public (string Cle, string Valeur)? Filtre { get; init; }
}

/// <summary>Les onglets visibles selon le rôle : seuls ceux qui mènent quelque part.</summary>
public static class Onglets
{
    /// <summary>L'onglet de la page en cours : celui du contrôleur, le plus précis quand un filtre de l'adresse les distingue.</summary>
    public static Onglet? Actif(IReadOnlyList<Onglet> onglets, string? controleur, IQueryCollection requete)
    {
        var candidats = onglets.Where(o => o.Controleurs.Contains(controleur, StringComparer.OrdinalIgnoreCase)).ToList();
        return candidats.FirstOrDefault(o => o.Filtre is { } f && requete[f.Cle] == f.Valeur) ?? candidats.FirstOrDefault(o => o.Filtre is null);
    }

    public static IReadOnlyList<Onglet> Pour(ContexteConsole? contexte)
    {
        if (contexte is null)
        {
            return [];
        }

        var onglets = new List<Onglet>
        {
            new("Accueil", "/", "Accueil"),
            new("Élèves", "/eleves", "Eleves"),
            new("Responsables", "/responsables", "Responsables"),
            new("Élèves extérieurs", "/eleves?externes=true", "Eleves") { Filtre = ("externes", "true") },
        };
        if (contexte.Portee.Peut(Operation.Publipostage))
        {
            onglets.Add(new("Publipostage", "/publipostage", "Publipostage"));
        }

        onglets.Add(new("Envois", "/envois", "Envois", "Relances"));
        onglets.Add(new("Statistiques", "/statistiques", "Statistiques"));
        if (contexte.Portee.Peut(Operation.Importer))
        {
            onglets.Add(new("Imports", "/imports", "Imports"));
        }

        if (contexte.Portee.Peut(Operation.Parametrer))
        {
            onglets.Add(new("Paramètres", "/parametres", "Parametres", "Utilisateurs"));
            onglets.Add(new("Journal", "/journal", "Journal"));
        }

        return onglets;
    }
}
