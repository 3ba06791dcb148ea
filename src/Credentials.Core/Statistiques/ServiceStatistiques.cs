using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Statistiques;

/// <summary>Une ligne de statistiques : combien de comptes dans chaque état (les comptes bloqués comptent aussi dans leur état).</summary>
public sealed record LigneStatistiques(string Libelle, int Total, int NonNotifies, int NonActives, int Actives, int Bloques)
{
    public LigneStatistiques(string libelle, ApercuSelection comptes)
        : this(libelle, comptes.Total, comptes.NonNotifies, comptes.NonActives, comptes.Actives, comptes.Bloques)
    {
    }

    /// <summary>Le code de la classe quand la ligne est une classe (pour « qui manque ? »).</summary>
    public string? Classe { get; init; }

    /// <summary>Le profil quand la ligne est un profil (pour mener à ses comptes).</summary>
    public Profil? Profil { get; init; }

    public int Manquants => NonNotifies + NonActives;

    /// <summary>Part des comptes activés, en pour cent.</summary>
    public double Taux => Total == 0 ? 0 : 100.0 * Actives / Total;
}

/// <summary>Un jour de l'évolution : les activations de ce jour et le cumul depuis le début de la période.</summary>
public sealed record PointEvolution(DateOnly Jour, int Activations, int Cumul);

/// <summary>Ce que l'onglet « Statistiques » montre, dans la portée de la personne connectée.</summary>
public sealed record StatistiquesEtablissement(
    IReadOnlyList<LigneStatistiques> ParProfil,
    IReadOnlyList<LigneStatistiques> ElevesParClasse,
    IReadOnlyList<LigneStatistiques> ResponsablesParClasse,
    IReadOnlyList<PointEvolution> Evolution)
{
    /// <summary>Les responsables par langue de la famille (« français seul » d'abord) : l'effet des courriers bilingues.</summary>
    public IReadOnlyList<LigneStatistiques> ResponsablesParLangue { get; init; } = [];

    /// <summary>La langue de la famille à laquelle les chiffres se limitent (<see cref="CriteresComptes.Langue"/>), ou null.</summary>
    public string? Langue { get; init; }

    /// <summary>Les vagues de relances et les activations qui les ont suivies (la console les ajoute pour qui peut relancer).</summary>
    public IReadOnlyList<Relances.VagueRelances> Relances { get; init; } = [];
}

/// <summary>
/// Les statistiques d'activation (seed 004) : par profil, par classe pour les élèves et pour les responsables (un
/// responsable compte dans la classe de chacun de ses enfants), et l'évolution des activations jour par jour. Tout
/// passe par <see cref="RequeteComptes.Filtrer"/> : un enseignant n'y voit que ses classes.
/// </summary>
public sealed class ServiceStatistiques(CredentialsDbContext db, ServiceComptes credentials, TimeProvider horloge)
{
    /// <summary>L'évolution couvre au plus cette durée avant aujourd'hui.</summary>
    public const int JoursEvolution = 120;

    public const string SansClasse = "Sans classe";

    /// <summary>
    /// Les chiffres de la portée ; avec <paramref name="langue"/>, seulement les familles de cette langue : les
    /// responsables qui l'ont et les élèves dont un responsable l'a (les personnels n'y figurent pas).
    /// </summary>
    public async Task<StatistiquesEtablissement> CalculerAsync(Portee portee, string? langue = null, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var parProfil = new List<LigneStatistiques>();
        var profils = langue is null ? Enum.GetValues<Profil>() : [Profil.Eleve, Profil.Responsable];
        foreach (var profil in profils)
        {
            var comptes = await credentials.ApercuAsync(portee, new CriteresComptes { Profil = profil, Langue = langue }, ct);
            if (comptes.Total > 0)
            {
                parProfil.Add(new LigneStatistiques(profil.PlurielTitre(), comptes) { Profil = profil });
            }
        }

        var classes = await db.Classes.AsNoTracking().Where(c => c.EtablissementId == portee.EtablissementId)
            .Select(c => new { c.Id, c.Code }).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var eleves = db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = Profil.Eleve, Langue = langue });
        var responsablesRetenus = db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = Profil.Responsable, Langue = langue });
        var elevesParClasse = await eleves
            .GroupBy(c => new { c.ClasseId, c.Etat, c.Bloque })
            .Select(g => new Compteur(g.Key.ClasseId, g.Key.Etat, g.Key.Bloque, g.Count()))
            .ToListAsync(ct);

        // A guardian counts once in each class where he has a child.
        var responsables = await db.Responsabilites.AsNoTracking()
            .Where(r => eleves.Any(e => e.Id == r.EleveId) && responsablesRetenus.Any(c => c.Id == r.ResponsableId))
            .Select(r => new { r.Eleve.ClasseId, r.ResponsableId, r.Responsable.Etat, r.Responsable.Bloque })
            .Distinct()
            .ToListAsync(ct);
        var responsablesParClasse = responsables
            .GroupBy(r => new { r.ClasseId, r.Etat, r.Bloque })
            .Select(g => new Compteur(g.Key.ClasseId, g.Key.Etat, g.Key.Bloque, g.Count()))
            .ToList();

        return new StatistiquesEtablissement(
            parProfil,
            ParClasse(elevesParClasse, classes),
            ParClasse(responsablesParClasse, classes),
            await EvolutionAsync(portee, langue, ct))
        {
            ResponsablesParLangue = await ParLangueAsync(portee, ct),
            Langue = langue,
        };
    }

    private async Task<IReadOnlyList<LigneStatistiques>> ParLangueAsync(Portee portee, CancellationToken ct)
    {
        var comptages = await db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = Profil.Responsable })
            .GroupBy(c => new { c.Langue, c.Etat, c.Bloque })
            .Select(g => new { g.Key.Langue, g.Key.Etat, g.Key.Bloque, Nombre = g.Count() })
            .ToListAsync(ct);
        return comptages.GroupBy(c => TextesLangue.De(c.Langue))
            .OrderBy(g => g.Key is null ? -1 : TextesLangue.Codes.ToList().IndexOf(g.Key.Code))
            .Select(g => new LigneStatistiques(g.Key is null ? "Français seul" : $"{g.Key.NomFrancais} ({g.Key.Nom})", ApercuSelection.Compter(g.Select(c => (c.Etat, c.Bloque, c.Nombre)).ToList())))
            .ToList();
    }

    /// <summary>Les activations (élèves et responsables) jour par jour sur les <see cref="JoursEvolution"/> derniers jours, avec leur cumul.</summary>
    private async Task<IReadOnlyList<PointEvolution>> EvolutionAsync(Portee portee, string? langue, CancellationToken ct)
    {
        // Days as the school lives them (Europe/Paris), not UTC days.
        var aujourdHui = DateOnly.FromDateTime(Libelles.HeureLocale(horloge.GetUtcNow().UtcDateTime));
        var debut = aujourdHui.AddDays(-JoursEvolution);
        var depuis = Libelles.DebutDuJour(debut);
        var dates = new List<DateTime>();
        foreach (var profil in new[] { Profil.Eleve, Profil.Responsable })
        {
            dates.AddRange(await db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = profil, Langue = langue })
                .Where(c => c.Etat == EtatCompte.Active && c.DateActivation != null && c.DateActivation >= depuis)
                .Select(c => c.DateActivation!.Value)
                .ToListAsync(ct));
        }

        if (dates.Count == 0)
        {
            return [];
        }

        var parJour = dates.GroupBy(d => DateOnly.FromDateTime(Libelles.HeureLocale(d))).ToDictionary(g => g.Key, g => g.Count());
        var premier = parJour.Keys.Min();
        var points = new List<PointEvolution>();
        var cumul = 0;
        for (var jour = premier; jour <= aujourdHui; jour = jour.AddDays(1))
        {
            var activations = parJour.GetValueOrDefault(jour);
            cumul += activations;
            points.Add(new PointEvolution(jour, activations, cumul));
        }

        return points;
    }

    public static readonly string[] EnteteCsv =
        ["Profil", "Classe", "Comptes", "Non notifiés", "Notifiés non activés", "Activés", "Taux d'activation (%)", "Bloqués"];

    /// <summary>
    /// Les tableaux par classe (élèves, puis responsables) en CSV pour un tableur (UTF-8 avec BOM, « ; »), par
    /// exemple pour rendre compte à l'académie ; le taux à une décimale, à la française.
    /// </summary>
    public static Task EcrireCsvAsync(StatistiquesEtablissement statistiques, Stream sortie, CancellationToken ct = default)
    {
        var lignes = statistiques.ElevesParClasse.Select(l => ("Élèves", l))
            .Concat(statistiques.ResponsablesParClasse.Select(l => ("Responsables", l)));
        return CsvComptes.EcrireAsync(sortie, EnteteCsv, lignes.ToAsyncEnumerable(), static (csv, ligne) =>
        {
            var (profil, l) = ligne;
            csv.WriteField(profil);
            csv.WriteField(l.Classe ?? SansClasse);
            csv.WriteField(l.Total.ToString(Libelles.Culture));
            csv.WriteField(l.NonNotifies.ToString(Libelles.Culture));
            csv.WriteField(l.NonActives.ToString(Libelles.Culture));
            csv.WriteField(l.Actives.ToString(Libelles.Culture));
            csv.WriteField(l.Taux.ToString("0.0", Libelles.Culture));
            csv.WriteField(l.Bloques.ToString(Libelles.Culture));
        }, ct);
    }

    private static List<LigneStatistiques> ParClasse(List<Compteur> compteurs, Dictionary<int, string> classes) =>
        compteurs
            .GroupBy(c => c.ClasseId is { } id && classes.TryGetValue(id, out var code) ? code : null)
            .Select(g => Ligne(g.Key ?? SansClasse, g.ToList()) with { Classe = g.Key })
            .OrderBy(l => l.Classe is null)
            .ThenBy(l => l.Libelle, StringComparer.Ordinal)
            .ToList();

    private static LigneStatistiques Ligne(string libelle, IReadOnlyCollection<Compteur> compteurs) =>
        new(libelle, ApercuSelection.Compter(compteurs.Select(c => (c.Etat, c.Bloque, c.Nombre)).ToList()));

    private sealed record Compteur(int? ClasseId, EtatCompte Etat, bool Bloque, int Nombre);
}
