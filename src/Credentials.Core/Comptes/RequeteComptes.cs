using System.Linq.Expressions;
using Credentials.Core.Acces;
using Credentials.Core.Domain;

namespace Credentials.Core.Comptes;

/// <summary>Traduit une portée et des critères en requête : l'unique endroit où se décide qui voit quoi.</summary>
public static class RequeteComptes
{
    public static IQueryable<Compte> Filtrer(this IQueryable<Compte> comptes, Portee portee, CriteresComptes criteres)
    {
        var requete = comptes.Where(c => c.EtablissementId == portee.EtablissementId && c.Profil == criteres.Profil);

        if (portee.Classes is { } classesAutorisees)
        {
            var ids = classesAutorisees.ToList();
            requete = criteres.Profil == Profil.Responsable
                ? requete.Where(c => c.Enfants.Any(r => r.Eleve.ClasseId != null && ids.Contains(r.Eleve.ClasseId.Value)))
                : requete.Where(c => c.ClasseId != null && ids.Contains(c.ClasseId.Value));
        }

        if (!string.IsNullOrWhiteSpace(criteres.Recherche))
        {
            foreach (var mot in Identifiants.Replier(criteres.Recherche).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                requete = requete.Where(c => c.Recherche.Contains(mot));
            }
        }

        if (criteres.Classes.Count > 0)
        {
            // The school is repeated on the class: its (school, code) index finds the class at once, where the code alone
            // matched the classes of every school (« 6A » in each of 100 schools: a scan of all classes, per search).
            var codes = criteres.Classes.ToList();
            var etablissement = portee.EtablissementId;
            requete = criteres.Profil == Profil.Responsable
                ? requete.Where(c => c.Enfants.Any(r => r.Eleve.Classe != null && r.Eleve.Classe.EtablissementId == etablissement && codes.Contains(r.Eleve.Classe.Code)))
                : requete.Where(c => c.Classe != null && c.Classe.EtablissementId == etablissement && codes.Contains(c.Classe.Code));
        }

        if (criteres.Etats.Count > 0)
        {
            var etats = criteres.Etats.ToList();
            requete = requete.Where(c => etats.Contains(c.Etat));
        }

        if (criteres.Bloques is { } bloques)
        {
            requete = requete.Where(c => c.Bloque == bloques);
        }

        if (!string.IsNullOrWhiteSpace(criteres.Mef))
        {
            var mef = criteres.Mef.Trim();
            requete = requete.Where(c => c.CodeMef == mef || c.LibelleMef == mef);
        }

        if (criteres.Externes is { } externes)
        {
            requete = requete.Where(c => c.Externe == externes);
        }

        if (criteres.AvecCourriel is { } avecCourriel)
        {
            requete = avecCourriel
                ? requete.Where(c => c.Courriel != null && c.Courriel != "")
                : requete.Where(c => c.Courriel == null || c.Courriel == "");
        }

        if (criteres.Langue is { } langue)
        {
            requete = FiltrerLangue(requete, criteres.Profil, langue);
        }

        if (criteres.CreesDepuis is { } depuis)
        {
            requete = requete.Where(c => c.DateCreation >= depuis);
        }

        if (criteres.CreesAvant is { } avant)
        {
            requete = requete.Where(c => c.DateCreation < avant);
        }

        if (criteres.Ids is { } selection)
        {
            var ids = selection.ToList();
            requete = requete.Where(c => ids.Contains(c.Id));
        }

        return requete;
    }

    private static IQueryable<Compte> FiltrerLangue(IQueryable<Compte> requete, Profil profil, string langue)
    {
        var proposees = Documents.TextesLangue.Codes.ToList();
        var francaisSeul = langue == CriteresComptes.FrancaisSeul;
        return (profil, francaisSeul) switch
        {
            (Profil.Eleve, true) => requete.Where(c => !c.Responsables.Any(r => r.Responsable.Langue != null && proposees.Contains(r.Responsable.Langue))),
            (Profil.Eleve, false) => requete.Where(c => c.Responsables.Any(r => r.Responsable.Langue == langue)),
            (_, true) => requete.Where(c => c.Langue == null || !proposees.Contains(c.Langue)),
            _ => requete.Where(c => c.Langue == langue),
        };
    }

    public static IQueryable<Compte> Trier(this IQueryable<Compte> comptes, CriteresComptes criteres) => (criteres.Tri, criteres.Descendant) switch
    {
        (TriComptes.Classe, false) => ParNom(comptes.OrderBy(Classe)),
        (TriComptes.Classe, true) => ParNom(comptes.OrderByDescending(Classe)),
        (TriComptes.Etat, false) => ParNom(comptes.OrderBy(Etat)),
        (TriComptes.Etat, true) => ParNom(comptes.OrderByDescending(Etat)),
        (TriComptes.Identifiant, false) => comptes.OrderBy(Identifiant),
        (TriComptes.Identifiant, true) => comptes.OrderByDescending(Identifiant),
        (TriComptes.DateNotification, false) => comptes.OrderBy(DateNotification).ThenBy(Id),
        (TriComptes.DateNotification, true) => comptes.OrderByDescending(DateNotification).ThenBy(Id),
        (TriComptes.DerniereConnexion, false) => comptes.OrderBy(DerniereConnexion).ThenBy(Id),
        (TriComptes.DerniereConnexion, true) => comptes.OrderByDescending(DerniereConnexion).ThenBy(Id),
        (_, true) => comptes.OrderByDescending(Nom).ThenByDescending(Prenom).ThenBy(Id),
        _ => comptes.OrderBy(Nom).ThenBy(Prenom).ThenBy(Id),
    };

    private static IOrderedQueryable<Compte> ParNom(IOrderedQueryable<Compte> comptes) => comptes.ThenBy(Nom).ThenBy(Prenom).ThenBy(Id);

    // The sort keys are built once: a lambda written in the call is a new expression tree each time, its properties
    // looked up by reflection, and a search page sorts twice (RechercheComptes.PageAsync; docs/performance.md, session 12).
    private static readonly Expression<Func<Compte, string>> Nom = c => c.Nom;
    private static readonly Expression<Func<Compte, string>> Prenom = c => c.Prenom;
    private static readonly Expression<Func<Compte, long>> Id = c => c.Id;
    private static readonly Expression<Func<Compte, string>> Classe = c => c.Classe!.Code;
    private static readonly Expression<Func<Compte, int>> Etat = c => c.Etat == EtatCompte.NonNotifie ? 0 : c.Etat == EtatCompte.NotifieNonActive ? 1 : 2;
    private static readonly Expression<Func<Compte, string>> Identifiant = c => c.Identifiant;
    private static readonly Expression<Func<Compte, DateTime?>> DateNotification = c => c.DateNotification;
    private static readonly Expression<Func<Compte, DateTime?>> DerniereConnexion = c => c.DateDerniereConnexion;
}
