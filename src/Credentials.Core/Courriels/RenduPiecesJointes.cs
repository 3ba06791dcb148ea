using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Courriels;

/// <summary>Une pièce jointe prête à partir.</summary>
public sealed record PieceJointeRendue(string NomFichier, string TypeMime, byte[] Contenu);

/// <summary>
/// Rend les fiches jointes au moment de l'envoi, à partir de leurs références (le mot de passe n'est
/// jamais stocké dans la boîte d'envoi : il est relu, chiffré, sur le compte). Résolu dans la portée de
/// l'expéditeur, avec son propre contexte.
/// </summary>
public interface IRenduPiecesJointes
{
    /// <summary>Les pièces, dans l'ordre des références, toutes de l'établissement <paramref name="etablissementId"/>.</summary>
    Task<IReadOnlyList<PieceJointeRendue>> RendreAsync(int etablissementId, IReadOnlyList<PieceJointeReference> references, CancellationToken ct);
}

/// <summary>
/// La fiche de connexion détaillée d'une personne en PDF (<see cref="FichesConnexionRenderer.FicheIndividuelle"/>),
/// telle que le compte est au moment de l'envoi : un compte activé entre-temps reçoit le rappel, sans mot
/// de passe ; un mot de passe réinitialisé entre-temps part dans sa version en cours.
/// </summary>
public sealed class RenduPiecesJointesFiches(CredentialsDbContext db, OutilsSecrets outils, IOptions<OptionsCourriels> options) : IRenduPiecesJointes
{
    private static readonly FichesConnexionRenderer Fiches = new();

    public async Task<IReadOnlyList<PieceJointeRendue>> RendreAsync(int etablissementId, IReadOnlyList<PieceJointeReference> references, CancellationToken ct)
    {
        var etablissement = await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == etablissementId, ct);
        var entete = EnTeteEtablissement.De(etablissement, options.Value.PortailUrl);
        var ids = references.Select(r => r.CompteId).Distinct().ToList();
        var comptes = await db.Comptes.AsNoTracking().Include(c => c.Classe)
            .Where(c => c.EtablissementId == etablissementId && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, ct);
        return references.Select(reference =>
        {
            var compte = comptes.GetValueOrDefault(reference.CompteId)
                ?? throw new InvalidOperationException($"Account {reference.CompteId} of an attachment no longer exists in school {etablissementId}.");
            var variante = compte.Etat == EtatCompte.Active ? VarianteFiche.Rappel : VarianteFiche.Identifiants;
            var fiche = ServiceComptes.Fiche(compte, variante, compte.MotDePasseProvisoire(outils));
            return new PieceJointeRendue(reference.NomFichier, "application/pdf", Fiches.FicheIndividuelle(entete, fiche));
        }).ToList();
    }
}
