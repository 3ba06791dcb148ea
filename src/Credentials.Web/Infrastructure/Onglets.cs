using Credentials.Core.Domain;

namespace Credentials.Web.Infrastructure;

/// <summary>Un onglet de la console ; il est actif sur les pages de ses contrôleurs.</summary>
public sealed record Onglet(string Libelle, string Url, params string[] Controleurs);

/// <summary>Les onglets visibles selon le rôle : seuls ceux qui mènent quelque part.</summary>
public static class Onglets
{
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
            new("Envois", "/envois", "Envois"),
            new("Statistiques", "/statistiques", "Statistiques"),
        };
        if (contexte.Portee.PeutGererComptes)
        {
            onglets.Add(new("Imports", "/imports", "Imports"));
        }

        if (contexte.Role == RoleConsole.Directeur)
        {
            onglets.Add(new("Paramètres", "/parametres", "Parametres", "Utilisateurs"));
            onglets.Add(new("Journal", "/journal", "Journal"));
        }

        return onglets;
    }
}
