using Credentials.Core.Domain;

namespace Credentials.Core.Comptes;

/// <summary>L'ordre des listes : ce qui est imprimé suit l'ordre affiché.</summary>
public enum TriComptes
{
    Nom = 0,
    Classe = 1,
    Etat = 2,
    Identifiant = 3,
    DateNotification = 4,
    DerniereConnexion = 5,
}

/// <summary>
/// Une recherche de comptes (les filtres de l'onglet) ou une sélection explicite (<see cref="Ids"/>) :
/// la même description sert à afficher, à notifier, à lister et à exporter.
/// </summary>
public sealed record CriteresComptes
{
    public Profil Profil { get; init; } = Profil.Eleve;

    /// <summary>Nom, prénom ou identifiant (sans tenir compte des accents ni de la casse).</summary>
    public string? Recherche { get; init; }

    public IReadOnlyCollection<string> Classes { get; init; } = [];

    public IReadOnlyCollection<EtatCompte> Etats { get; init; } = [];

    public string? Mef { get; init; }

    /// <summary>null : tous ; true : seulement les comptes bloqués ; false : sans eux.</summary>
    public bool? Bloques { get; init; }

    /// <summary>null : tous ; true : seulement les élèves extérieurs ; false : sans eux.</summary>
    public bool? Externes { get; init; }

    /// <summary>null : tous ; true : ceux qui ont une adresse électronique ; false : ceux qui n'en ont pas.</summary>
    public bool? AvecCourriel { get; init; }

    /// <summary>
    /// La langue de la famille (<see cref="Documents.TextesLangue.Codes"/>, ou <see cref="FrancaisSeul"/>) : celle
    /// du compte pour un responsable, celle d'un de ses responsables pour un élève. null : toutes.
    /// </summary>
    public string? Langue { get; init; }

    /// <summary>Le code du filtre « français seul » : aucune langue proposée n'est renseignée.</summary>
    public const string FrancaisSeul = "fr";

    /// <summary>Le code s'il désigne un filtre de langue (une langue proposée ou <see cref="FrancaisSeul"/>), sinon null.</summary>
    public static string? LangueConnue(string? langue) =>
        langue == FrancaisSeul || (langue is not null && Documents.TextesLangue.Codes.Contains(langue)) ? langue : null;

    /// <summary>Comptes créés à partir de cet instant (UTC, inclus).</summary>
    public DateTime? CreesDepuis { get; init; }

    /// <summary>Comptes créés avant cet instant (UTC, exclu).</summary>
    public DateTime? CreesAvant { get; init; }

    /// <summary>Si renseigné, seuls ces comptes (toujours dans la portée et les filtres).</summary>
    public IReadOnlyCollection<long>? Ids { get; init; }

    public TriComptes Tri { get; init; } = TriComptes.Nom;

    public bool Descendant { get; init; }
}
