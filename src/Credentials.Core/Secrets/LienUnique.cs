using System.Security.Cryptography;
using System.Text;

namespace Credentials.Core.Secrets;

/// <summary>
/// Le jeton des liens à usage unique (activation, nouveau mot de passe) : 256 bits de
/// <see cref="RandomNumberGenerator"/> en base64url, dont seule l'empreinte SHA-256 est stockée. Un hachage
/// lent n'ajouterait rien : 256 bits ne se devinent pas, et l'empreinte se cherche par index.
/// </summary>
public static class LienUnique
{
    /// <summary>Longueur d'un jeton : 32 octets en base64url sans remplissage.</summary>
    public const int Longueur = 43;

    public static string Nouveau() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>L'empreinte stockée (64 caractères hexadécimaux), ou null pour une saisie qui ne peut pas être un jeton.</summary>
    public static string? Empreinte(string? jeton) =>
        jeton is { Length: Longueur } && jeton.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(jeton)))
            : null;
}
