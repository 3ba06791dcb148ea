using System.Text;
using Credentials.Core.Acces;
using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>Ce que l'import demande : l'établissement visé, qui importe, et les confirmations données.</summary>
public sealed record DemandeImport(string Uai, string Auteur)
{
    /// <summary>
    /// L'année scolaire que la personne confirme (2026 = 2026-2027). Sans elle, des fichiers d'une autre année que
    /// celle de l'établissement (ou, à défaut, l'année en cours) sont refusés.
    /// </summary>
    public int? AnneeConfirmee { get; init; }

    /// <summary>Qui importe : la matrice (<see cref="Autorisations"/>) doit lui permettre d'importer. La CLI est l'opérateur.</summary>
    public RoleConsole Role { get; init; } = RoleConsole.Operateur;

    /// <summary>Créer l'établissement s'il n'existe pas encore (la CLI le fait ; la console non).</summary>
    public bool CreerEtablissement { get; init; }

    /// <summary>Le nom donné à l'établissement créé (sinon « Établissement UAI »).</summary>
    public string? NomEtablissement { get; init; }
}

/// <summary>Un champ qui change : « Classe » « 6A » → « 5A ».</summary>
public sealed record Changement(string Champ, string? Avant, string? Apres)
{
    public string Texte => $"{Champ} : « {Avant ?? "—"} » → « {Apres ?? "—"} »";
}

public sealed record CompteACreer(Profil Profil, string Cle, string Nom, string Prenom, DateOnly? DateNaissance, string? Classe, string? Courriel);

public sealed record CompteAModifier(long CompteId, string Identifiant, Profil Profil, string Nom, string Prenom, IReadOnlyList<Changement> Changements);

public sealed record CompteInchange(long CompteId, string Identifiant, Profil Profil);

/// <summary>Un compte qui sera marqué sorti : gardé, bloqué, jamais supprimé.</summary>
public sealed record CompteSortant(long CompteId, string Identifiant, Profil Profil, string Nom, string Prenom, DateTime DateSortie, string Raison);

public sealed record ClasseAImporter(string Code, bool Nouvelle, IReadOnlyList<Changement> Changements);

/// <summary>Un compte créé par l'import, avec l'identifiant qui lui a été attribué.</summary>
public sealed record CompteCree(long CompteId, Profil Profil, string Identifiant, string Nom, string Prenom);

/// <summary>
/// L'aperçu d'un import : ce qui serait créé, modifié (et quoi), laissé tel quel, marqué sorti, ignoré, et les erreurs
/// qui l'empêchent. <see cref="Empreinte"/> résume ce plan : l'appliquer avec cette empreinte garantit que c'est bien
/// ce plan-là, et non un autre calculé sur des données changées entre-temps, qui est appliqué.
/// </summary>
public sealed class ApercuImport
{
    public required SourceImport Source { get; init; }

    public required IReadOnlyList<string> Fichiers { get; init; }

    public required string Uai { get; init; }

    public string? NomEtablissement { get; init; }

    public bool EtablissementACreer { get; init; }

    /// <summary>L'année scolaire que l'établissement aura après l'import.</summary>
    public int? AnneeScolaire { get; init; }

    /// <summary>Renseignée quand les fichiers sont d'une autre année : l'année à confirmer (<see cref="DemandeImport.AnneeConfirmee"/>).</summary>
    public int? AnneeAConfirmer { get; init; }

    public IReadOnlyList<CompteACreer> ACreer { get; init; } = [];

    public IReadOnlyList<CompteAModifier> AModifier { get; init; } = [];

    public IReadOnlyList<CompteInchange> Inchanges { get; init; } = [];

    public IReadOnlyList<CompteSortant> Sortants { get; init; } = [];

    public IReadOnlyList<ClasseAImporter> Classes { get; init; } = [];

    public int LiensACreer { get; init; }

    public int LiensAModifier { get; init; }

    public int LiensASupprimer { get; init; }

    public IReadOnlyList<IgnoreImport> Ignores { get; init; } = [];

    public IReadOnlyList<ErreurImport> Erreurs { get; init; } = [];

    public IReadOnlyList<AvertissementImport> Avertissements { get; init; } = [];

    /// <summary>Vide dans le compte rendu d'un import appliqué : il n'y a plus rien à confirmer.</summary>
    public string Empreinte { get; init; } = "";

    /// <summary>Sans erreur : l'import peut être appliqué.</summary>
    public bool EstApplicable => Erreurs.Count == 0;

    public bool ADesChangements =>
        ACreer.Count + AModifier.Count + Sortants.Count + LiensACreer + LiensAModifier + LiensASupprimer > 0
        || Classes.Count > 0 || EtablissementACreer;

    /// <summary>Le résumé en une phrase, tel que le journal l'enregistre : ce que l'import a fait.</summary>
    public string Resume => Phrase(conditionnel: false);

    /// <summary>Le même résumé au conditionnel, pour un aperçu : « 1 072 comptes seraient créés ».</summary>
    public string ResumeApercu => Phrase(conditionnel: true);

    private string Phrase(bool conditionnel)
    {
        var sb = new StringBuilder();
        sb.Append(Libelles.Culture, $"Import {NomSource(Source)} ({string.Join(", ", Fichiers)})");
        if (AnneeScolaire is { } annee)
        {
            sb.Append(Libelles.Culture, $", année {TexteImport.Annee(annee)}");
        }

        if (!EstApplicable)
        {
            sb.Append(Libelles.Culture, $" : refusé, {Libelles.Accorder(Erreurs.Count, "erreur", "erreurs")}.");
            return sb.ToString();
        }

        // « 3 comptes créés » / « 3 comptes seraient créés » ; « 1 compte serait créé ».
        string Dire(int n, string nom, string noms, string participe, string participes) => conditionnel
            ? $"{Libelles.Accorder(n, nom, noms)}{(nom.Length > 0 ? " " : "")}{(n > 1 ? "seraient " + participes : "serait " + participe)}"
            : $"{Libelles.Accorder(n, (nom + " " + participe).Trim(), (noms + " " + participes).Trim())}";

        sb.Append(" : ");
        sb.Append(Dire(ACreer.Count, "compte", "comptes", "créé", "créés"));
        sb.Append(ParProfil(ACreer.Select(c => c.Profil)));
        sb.Append(", ").Append(Dire(AModifier.Count, "", "", "modifié", "modifiés"));
        sb.Append(ParProfil(AModifier.Select(c => c.Profil)));
        sb.Append(", ").Append(conditionnel
            ? $"{Libelles.Accorder(Inchanges.Count, "", "").Trim()} {(Inchanges.Count > 1 ? "resteraient inchangés" : "resterait inchangé")}"
            : Libelles.Accorder(Inchanges.Count, "inchangé", "inchangés"));
        sb.Append(", ").Append(Dire(Sortants.Count, "", "", "marqué sorti", "marqués sortis"));
        sb.Append(ParProfil(Sortants.Select(c => c.Profil)));
        sb.Append(" ; ").Append(Dire(Classes.Count(c => c.Nouvelle), "classe", "classes", "créée", "créées"));
        sb.Append(", ").Append(Dire(Classes.Count(c => !c.Nouvelle), "", "", "modifiée", "modifiées"));
        sb.Append(" ; ").Append(Dire(LiensACreer, "lien responsable-élève", "liens responsable-élève", "créé", "créés"));
        sb.Append(", ").Append(Dire(LiensAModifier, "", "", "modifié", "modifiés"));
        sb.Append(", ").Append(Dire(LiensASupprimer, "", "", "supprimé", "supprimés"));
        sb.Append(" ; ").Append(Dire(Ignores.Count, "personne", "personnes", "ignorée", "ignorées"));
        if (Avertissements.Count > 0)
        {
            sb.Append(" ; ").Append(Libelles.Accorder(Avertissements.Count, "avertissement", "avertissements"));
        }

        sb.Append('.');
        return sb.ToString();
    }

    internal static string NomSource(SourceImport source) => source switch
    {
        SourceImport.Siecle => "SIECLE",
        SourceImport.Onde => "ONDE",
        _ => "tableur",
    };

    /// <summary>« (6 élèves, 8 responsables) », ou rien s'il n'y a personne.</summary>
    public static string ParProfil(IEnumerable<Profil> profils)
    {
        var groupes = profils.GroupBy(p => p).OrderBy(g => g.Key).Select(g => Libelles.Accorder(g.Count(), g.Key.EnMinuscules(), g.Key.Pluriel())).ToList();
        return groupes.Count == 0 ? "" : $" ({string.Join(", ", groupes)})";
    }
}

/// <summary>Le résultat d'un import : appliqué ou non, le plan effectivement calculé et, s'il a été appliqué, les comptes créés.</summary>
public sealed record ResultatImport(bool Applique, ApercuImport Apercu, long? EvenementId, IReadOnlyList<CompteCree> Crees)
{
    public IReadOnlyList<ErreurImport> Erreurs => Apercu.Erreurs;
}
