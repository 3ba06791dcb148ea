using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Courriels;

/// <summary>
/// Les fiches jointes aux courriels des familles, rendues au moment de l'envoi par
/// <see cref="FichesConnexionRenderer"/> (le courrier détaillé d'une personne) avec l'état et le mot de
/// passe provisoire du compte à cet instant.
/// </summary>
public sealed class RenduPiecesJointesPdf(CredentialsDbContext db, OutilsSecrets outils, IOptions<OptionsCourriels> options) : IRenduPiecesJointes
{
    public async Task<IReadOnlyList<PieceJointeRendue>> RendreAsync(int etablissementId, IReadOnlyList<PieceJointeReference> references, CancellationToken ct)
    {
        var etablissement = await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == etablissementId, ct);
        var ids = references.Select(r => r.CompteId).Distinct().ToList();
        var comptes = await db.Comptes.AsNoTracking().Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissementId && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, ct);
        var entete = EnTeteEtablissement.De(etablissement, options.Value.PortailUrl);
        var rendu = new FichesConnexionRenderer();
        return references.Select(reference =>
            {
                var compte = comptes.GetValueOrDefault(reference.CompteId)
                    ?? throw new InvalidOperationException($"Account {reference.CompteId} of an attachment is not in school {etablissementId}.");

                // Activated since the message was queued: the sheet becomes the reminder, never a stale password.
                var variante = compte.Etat == EtatCompte.Active ? VarianteFiche.Rappel : reference.Variante;
                var fiche = ServiceCredentials.Fiche(compte, variante, compte.MotDePasseProvisoire(outils));
                return new PieceJointeRendue(reference.NomFichier, "application/pdf", rendu.FicheIndividuelle(entete, fiche));
            })
            .ToList();
    }
}
