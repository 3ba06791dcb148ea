namespace Credentials.Core.Courriels;

/// <summary>Une pièce jointe prête à partir.</summary>
public sealed record PieceJointeRendue(string NomFichier, string TypeMime, byte[] Contenu);

/// <summary>
/// Rend les fiches jointes au moment de l'envoi, à partir de leurs références (le mot de passe n'est
/// jamais stocké dans la boîte d'envoi : il est relu, chiffré, sur le compte). Implémenté par les
/// rendus de documents (PDF) ; résolu dans la portée de l'expéditeur, avec son propre contexte.
/// </summary>
public interface IRenduPiecesJointes
{
    /// <summary>Les pièces, dans l'ordre des références, toutes de l'établissement <paramref name="etablissementId"/>.</summary>
    Task<IReadOnlyList<PieceJointeRendue>> RendreAsync(int etablissementId, IReadOnlyList<PieceJointeReference> references, CancellationToken ct);
}
