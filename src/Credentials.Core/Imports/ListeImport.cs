using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>D'où vient une liste : l'export SIECLE, les extractions ONDE ou le modèle CSV de l'application.</summary>
public enum SourceImport
{
    Siecle = 1,
    Onde = 2,
    Tableur = 3,
}

/// <summary>Où se trouve une donnée : le fichier, la ligne (du fichier XML, ou du tableur) et l'élément.</summary>
public sealed record Localisation(string Fichier, int? Ligne = null, string? Element = null)
{
    /// <summary>Pour une erreur qui ne tient à aucun fichier (établissement inconnu, données changées entre-temps).</summary>
    public static readonly Localisation Aucune = new("");

    /// <summary>« onde_eleves.csv — Ligne 12 », « ElevesSansAdresses.xml — Ligne 40, ELEVE_ID 100003 ».</summary>
    public string Texte
    {
        get
        {
            var position = (Ligne, Element) switch
            {
                ({ } l, { } e) => $"Ligne {l}, {e}",
                ({ } l, null) => $"Ligne {l}",
                (null, { } e) => e,
                _ => null,
            };
            return position is null ? Fichier : Fichier.Length == 0 ? position : $"{Fichier} — {position}";
        }
    }
}

/// <summary>Une erreur qui empêche l'import : rien n'est appliqué tant qu'il en reste une.</summary>
public sealed record ErreurImport(Localisation Ou, string Message)
{
    public string Texte => Ou.Texte.Length == 0 ? char.ToUpperInvariant(Message[0]) + Message[1..] : $"{Ou.Texte} : {Message}";

    public override string ToString() => Texte;
}

/// <summary>Une anomalie qui n'empêche pas l'import (rang légal en double, courriel invalide…).</summary>
public sealed record AvertissementImport(Localisation Ou, string Message)
{
    public string Texte => $"{Ou.Texte} : {Message}";

    public override string ToString() => Texte;
}

/// <summary>Une personne du fichier qui n'aura pas de compte, et pourquoi.</summary>
public sealed record IgnoreImport(Localisation Ou, Profil Profil, string Personne, string Raison)
{
    public string Texte => $"{Personne} ({Profil.EnMinuscules()}) : {Raison}";

    public override string ToString() => Texte;
}

/// <summary>Une personne telle que le fichier la décrit, sous une clé stable dans l'annuaire d'origine.</summary>
public sealed record PersonneImportee
{
    public required Profil Profil { get; init; }

    /// <summary>ELEVE_ID, PERSONNE_ID, INE, clé synthétique ONDE, identifiant externe du tableur.</summary>
    public required string Cle { get; init; }

    public required string Nom { get; init; }

    public required string Prenom { get; init; }

    public required Localisation Ou { get; init; }

    public string? Ine { get; init; }

    public DateOnly? DateNaissance { get; init; }

    public string? Civilite { get; init; }

    /// <summary>Déjà normalisé (minuscules) et valide.</summary>
    public string? Courriel { get; init; }

    public string? CodeClasse { get; init; }

    /// <summary>La langue de la famille, code proposé (colonne « Langue » du modèle CSV) ; null : le fichier n'en dit rien.</summary>
    public string? Langue { get; init; }

    public string? CodeMef { get; init; }

    public string? LibelleMef { get; init; }

    /// <summary>Renseignée pour un élève parti (il figure alors dans <see cref="ListeImport.Sortis"/>).</summary>
    public DateOnly? DateSortie { get; init; }

    /// <summary>Pourquoi un élève sans date de sortie est compté parmi les partis (division « Inactifs »).</summary>
    public string? MotifSortie { get; init; }

    public string NomComplet => Prenom.Length == 0 ? Nom : $"{Prenom} {Nom}";
}

/// <summary>Un lien responsable ↔ élève : la parenté et le rang légal (1, 2 ; 0 = inconnu).</summary>
public sealed record LienImporte(string CleEleve, string CleResponsable, LienParente Lien, int RangLegal, Localisation Ou);

/// <summary>Une classe (division) du fichier.</summary>
public sealed record ClasseImportee(string Code, string? Libelle, string? CodeMef, string? LibelleMef, string? Niveau, string? CleImport);

/// <summary>
/// Le contenu d'un import, neutre quant au format : ce que les lecteurs SIECLE, ONDE et tableur produisent
/// et ce que <see cref="ServiceImport"/> compare à la base.
/// </summary>
public sealed class ListeImport
{
    public required SourceImport Source { get; init; }

    /// <summary>Les noms des fichiers lus, pour le journal.</summary>
    public required IReadOnlyList<string> Fichiers { get; init; }

    /// <summary>L'UAI écrit dans le fichier (SIECLE), sinon null.</summary>
    public string? Uai { get; init; }

    /// <summary>L'année scolaire écrite dans le fichier (2025 = 2025-2026), sinon null.</summary>
    public int? AnneeScolaire { get; init; }

    /// <summary>
    /// Les profils dont le fichier donne la liste complète : un compte importé de ces profils absent du
    /// fichier est marqué sorti. Un import SIECLE ne touche pas aux enseignants d'un import tableur.
    /// </summary>
    public IReadOnlySet<Profil> ProfilsCouverts { get; init; } = new HashSet<Profil>();

    /// <summary>Les personnes présentes, qui auront un compte.</summary>
    public IReadOnlyList<PersonneImportee> Personnes { get; init; } = [];

    /// <summary>Les élèves encore dans le fichier mais partis (DATE_SORTIE passée, ou division « Inactifs »).</summary>
    public IReadOnlyList<PersonneImportee> Sortis { get; init; } = [];

    public IReadOnlyList<LienImporte> Liens { get; init; } = [];

    public IReadOnlyList<ClasseImportee> Classes { get; init; } = [];

    public IReadOnlyList<IgnoreImport> Ignores { get; init; } = [];

    public IReadOnlyList<ErreurImport> Erreurs { get; init; } = [];

    public IReadOnlyList<AvertissementImport> Avertissements { get; init; } = [];

    public bool EstValide => Erreurs.Count == 0;

    public IEnumerable<PersonneImportee> Eleves => Personnes.Where(p => p.Profil == Profil.Eleve);

    public IEnumerable<PersonneImportee> Responsables => Personnes.Where(p => p.Profil == Profil.Responsable);
}
