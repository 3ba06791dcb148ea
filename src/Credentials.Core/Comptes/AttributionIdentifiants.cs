using Credentials.Core.Data;
using Credentials.Core.Domain;

namespace Credentials.Core.Comptes;

/// <summary>
/// Attribue des identifiants uniques dans tout le déploiement, par lots : une requête par lot
/// (les identifiants déjà pris pour les racines du lot), pas une par personne.
/// </summary>
public sealed class AttributionIdentifiants
{
    private readonly HashSet<string> pris = new(StringComparer.Ordinal);
    private readonly HashSet<string> racinesChargees = new(StringComparer.Ordinal);

    /// <summary>Charge en une requête les identifiants déjà pris pour ces personnes.</summary>
    public async Task PreparerAsync(CredentialsDbContext db, IEnumerable<(string Prenom, string Nom)> personnes, CancellationToken ct = default)
    {
        var racines = personnes.Select(p => Identifiants.Racine(p.Prenom, p.Nom)).Where(racinesChargees.Add).Distinct().ToList();
        foreach (var lot in racines.Chunk(500))
        {
            // Without EF's query pipeline: the first LINQ query of a CLI import cost it 0.1 s (LectureDirecte).
            pris.UnionWith(await LectureDirecte.TextesAsync<Compte>(db, nameof(Compte.Identifiant), nameof(Compte.IdentifiantRacine), lot, ct));
        }
    }

    /// <summary>Le prochain identifiant libre pour cette personne (à appeler après <see cref="PreparerAsync"/>).</summary>
    public string Attribuer(string prenom, string nom)
    {
        var racine = Identifiants.Racine(prenom, nom);
        if (!racinesChargees.Contains(racine))
        {
            throw new InvalidOperationException($"Identifiers for root '{racine}' were not loaded: call PreparerAsync first.");
        }

        var identifiant = Identifiants.Disponible(racine, pris);
        pris.Add(identifiant);
        return identifiant;
    }
}
