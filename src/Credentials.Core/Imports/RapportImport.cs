using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Imports;

/// <summary>Le compte rendu d'un import appliqué : son entrée au journal et les comptes qu'il a créés.</summary>
public sealed record RapportImport(Evenement Evenement, IReadOnlyList<Compte> Crees);

/// <summary>Relit un import appliqué depuis le journal, pour la page de compte rendu (qui survit à un rechargement).</summary>
public sealed class LectureRapportImport(CredentialsDbContext db)
{
    /// <summary>
    /// Le compte rendu de l'import <paramref name="evenementId"/> de l'établissement, ou null. Les comptes créés sont ceux
    /// de l'entrée dont la date de création est celle de l'import : l'import les crée et se consigne au même instant.
    /// </summary>
    public async Task<RapportImport?> LireAsync(Portee portee, long evenementId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Importer);
        var evenement = await db.Evenements.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evenementId && e.EtablissementId == portee.EtablissementId && e.Action == ActionJournal.Import, ct);
        if (evenement is null)
        {
            return null;
        }

        var date = evenement.Date;
        var crees = await db.Comptes.AsNoTracking().Include(c => c.Classe)
            .Where(c => c.EtablissementId == portee.EtablissementId && c.DateCreation == date && c.Origine == OrigineCompte.AnnuaireFederateur)
            .Where(c => db.EvenementComptes.Any(e => e.EvenementId == evenementId && e.CompteId == c.Id))
            .ToListAsync(ct);
        return new RapportImport(evenement, crees.OrderBy(c => c.Profil).ThenBy(c => c.Nom).ThenBy(c => c.Prenom).ToList());
    }
}
