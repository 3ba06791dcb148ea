using System.Globalization;
using Credentials.Core.Domain;
using Credentials.Core.Imports;

namespace Credentials.Web.Features.ComptesManuels;

/// <summary>Le formulaire de création ou de correction d'un compte, tel que le navigateur l'envoie.</summary>
public sealed class FormulaireCompte
{
    public Profil Profil { get; set; } = Profil.Eleve;

    public string? Civilite { get; set; }

    public string? Nom { get; set; }

    public string? Prenom { get; set; }

    /// <summary>AAAA-MM-JJ (champ date du navigateur) ou JJ/MM/AAAA (saisi au clavier sans calendrier).</summary>
    public string? DateNaissance { get; set; }

    public string? Courriel { get; set; }

    public string? CodeClasse { get; set; }

    public string? Langue { get; set; }
    /// <summary>Fin de validité d'un compte créé à la main (AAAA-MM-JJ ou JJ/MM/AAAA), facultative.</summary>
    public string? FinValidite { get; set; }

    /// <summary>La version du compte affichée : une correction sur un compte changé entre-temps est refusée.</summary>
    public int Version { get; set; }

    public static FormulaireCompte Depuis(Core.Domain.Compte compte) => new()
    {
        Profil = compte.Profil,
        Civilite = compte.Civilite,
        Nom = compte.Nom,
        Prenom = compte.Prenom,
        DateNaissance = compte.DateNaissance?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Courriel = compte.Courriel,
        CodeClasse = compte.Classe?.Code,
        Langue = compte.Langue,
        FinValidite = compte.FinValidite?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Version = compte.Version,
    };

    /// <summary>La saisie pour le service, ou l'erreur de date (le reste est vérifié par le service, avec les règles des imports).</summary>
    public (SaisieCompte? Saisie, ErreurSaisie? ErreurDate) Saisie()
    {
        if (!TexteImport.LireDate(DateNaissance, "La date de naissance", out var date, out var erreur))
        {
            return (null, new(nameof(DateNaissance), erreur + "."));
        }

        if (!TexteImport.LireDate(FinValidite, "La fin de validité", out var fin, out var erreurFin))
        {
            return (null, new(nameof(FinValidite), erreurFin + "."));
        }

        var classe = string.IsNullOrWhiteSpace(CodeClasse) ? null : CodeClasse;
        return (new SaisieCompte(Profil, Nom, Prenom, date, Courriel) { Civilite = Civilite, CodeClasse = classe, Langue = Langue, FinValidite = fin }, null);
    }
}

/// <summary>La page du formulaire : les classes proposées et, pour une correction, le compte corrigé.</summary>
public sealed record FormulaireCompteModel(FormulaireCompte Formulaire, Core.Domain.Compte? Compte, IReadOnlyList<Classe> Classes)
{
    public bool Creation => Compte is null;

    /// <summary>Un compte importé ne se corrige ici que pour son courriel (le reste vient du prochain import).</summary>
    public bool Importe => Compte?.Origine == OrigineCompte.AnnuaireFederateur;

    public string Titre => Compte is null ? "Créer un compte" : $"Modifier le compte de {Compte.Prenom} {Compte.Nom}";

    public string Action => Compte is null ? "/comptes/nouveau" : $"/comptes/{Compte.Id}/modifier";

    public string Retour => Compte is null ? "/imports" : PageDu(Compte);

    /// <summary>La page d'où l'on vient et où l'on revient : la fiche d'un élève ou d'un responsable, sinon les imports.</summary>
    public static string PageDu(Core.Domain.Compte compte) => compte.Profil switch
    {
        Profil.Eleve => $"/eleves/{compte.Id}",
        Profil.Responsable => $"/responsables/{compte.Id}",
        _ => "/imports",
    };
}

