using Credentials.Core.Data;
using Credentials.Core.Portail;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Conservation;

/// <summary>
/// Supprime des comptes et ce qui s'y rapporte : liens responsable–élève, liens au journal et aux courriels
/// (par les clés étrangères), compteurs du portail. Les lignes du journal qui les nommaient restent lisibles :
/// le nom et l'identifiant y sont remplacés par « compte supprimé n° 1234 ». À appeler dans une transaction.
/// </summary>
public static class SuppressionComptes
{
    private const int Paquet = 500;

    public static string Libelle(long compteId) => $"compte supprimé n° {compteId}";

    public static async Task<int> SupprimerAsync(CredentialsDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var supprimes = 0;
        foreach (var paquet in ids.Distinct().Chunk(Paquet))
        {
            var comptes = await db.Comptes.AsNoTracking().Where(c => paquet.Contains(c.Id))
                .Select(c => new { c.Id, c.Identifiant, c.Nom, c.Prenom }).ToListAsync(ct);
            var liens = await db.EvenementComptes.Where(l => paquet.Contains(l.CompteId))
                .Select(l => new { l.CompteId, l.Evenement }).ToListAsync(ct);
            var parId = comptes.ToDictionary(c => c.Id);
            foreach (var lien in liens)
            {
                var c = parId[lien.CompteId];
                lien.Evenement.Neutraliser([c.Identifiant, $"{c.Prenom} {c.Nom}", $"{c.Nom} {c.Prenom}"], Libelle(c.Id));
            }

            await db.SaveChangesAsync(ct);
            var cles = comptes.Select(c => LimiteurPortail.CleIdentifiant(c.Identifiant)).ToList();
            await db.Set<LimitePortail>().Where(l => cles.Contains(l.Cle)).ExecuteDeleteAsync(ct);
            supprimes += await db.Comptes.Where(c => paquet.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }

        db.ChangeTracker.Clear();
        return supprimes;
    }
}
