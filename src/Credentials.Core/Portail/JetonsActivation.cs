using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Credentials.Core.Portail;

/// <summary>Ce que le jeton d'activation porte entre les deux étapes.</summary>
public sealed record ContenuJeton(long CompteId, string Provisoire);

/// <summary>
/// Entre « mot de passe provisoire reconnu » et « mot de passe choisi », la page porte un jeton chiffré et
/// signé (Data Protection) de courte durée : le mot de passe provisoire n'y circule jamais en clair, et le
/// jeton ne sert plus une fois le compte activé (le provisoire qu'il porte est alors effacé).
/// </summary>
public sealed class JetonsActivation(IDataProtectionProvider fournisseur)
{
    private readonly IDataProtector protecteur = fournisseur.CreateProtector("Credentials.Portail.Activation.v1");

    public string Emettre(long compteId, string provisoireNormalise, DateTime expireLe) =>
        protecteur.Protect(string.Join('|', compteId.ToString(CultureInfo.InvariantCulture), expireLe.Ticks.ToString(CultureInfo.InvariantCulture), provisoireNormalise));

    /// <summary>Le contenu d'un jeton intact et non expiré, sinon null.</summary>
    public ContenuJeton? Lire(string? jeton, DateTime maintenant)
    {
        if (string.IsNullOrEmpty(jeton) || jeton.Length > 2000)
        {
            return null;
        }

        string clair;
        try
        {
            clair = protecteur.Unprotect(jeton);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parties = clair.Split('|', 3);
        if (parties.Length != 3
            || !long.TryParse(parties[0], NumberStyles.None, CultureInfo.InvariantCulture, out var compteId)
            || !long.TryParse(parties[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || new DateTime(ticks, DateTimeKind.Utc) <= maintenant)
        {
            return null;
        }

        return new ContenuJeton(compteId, parties[2]);
    }
}
