using Credentials.Core.Imports;

namespace Credentials.Web.Features.Imports;

public sealed record ImportsIndexModel(long TailleMaxOctets)
{
    public string TailleMax => TexteImport.Taille(TailleMaxOctets);
}

/// <summary>
/// L'aperçu d'un dépôt. Quand les fichiers sont d'une autre année scolaire, <see cref="Apercu"/> est calculé comme si
/// l'année était confirmée (pour tout montrer), et <see cref="AnneeAConfirmer"/> dit la case à cocher pour importer.
/// </summary>
public sealed record ApercuModel(string Depot, ApercuImport Apercu, int? AnneeAConfirmer, int? AnneeEtablissement, IReadOnlyList<string> Alertes)
{
    public string NomSource => Apercu.Source switch
    {
        SourceImport.Siecle => "SIECLE",
        SourceImport.Onde => "ONDE",
        _ => "tableur (CSV)",
    };

    /// <summary>L'import fait passer l'établissement à une autre année scolaire.</summary>
    public bool ChangeAnnee => Apercu.AnneeScolaire is { } annee && annee != AnneeEtablissement;

    public bool RienAChanger => Apercu.EstApplicable && !Apercu.ADesChangements && !ChangeAnnee;

    /// <summary>Sans erreur et avec quelque chose à faire : le bouton de confirmation est proposé, le dépôt gardé.</summary>
    public bool Confirmable => Apercu.EstApplicable && !RienAChanger;

    public string? CaseAnnee => AnneeAConfirmer is { } annee ? $"J'ai vérifié : ce fichier concerne l'année scolaire {TexteImport.Annee(annee)}" : null;
}

/// <summary>Ce que dit un formulaire d'import quand un fichier obligatoire manque.</summary>
public static class FichiersManquants
{
    public static string Message(SourceImport source, string role) => (source, role) switch
    {
        (SourceImport.Siecle, RolesImport.Eleves) => "Choisissez le fichier des élèves exporté de SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml, ou son .zip).",
        (SourceImport.Siecle, _) => "Choisissez le fichier des responsables exporté de SIECLE (ResponsablesAvecAdresses.xml, ou son .zip).",
        (SourceImport.Onde, RolesImport.Eleves) => "Choisissez l'extraction « Élèves » d'ONDE (fichier CSV).",
        (SourceImport.Onde, _) => "Choisissez l'extraction « Responsables » d'ONDE (fichier CSV).",
        _ => "Choisissez le fichier CSV à importer.",
    };

    /// <summary>L'identifiant du champ dans la page (les trois formulaires partagent la page) : « siecle-eleves ».</summary>
    public static string Champ(SourceImport source, string role) => $"{source.ToString().ToLowerInvariant()}-{role}";
}

/// <summary>Un champ de fichier d'un formulaire d'import, avec son erreur éventuelle.</summary>
public sealed record ChampFichier(SourceImport Source, string Role, string Libelle, string Accept, bool Requis = true)
{
    public string Id => FichiersManquants.Champ(Source, Role);
}
