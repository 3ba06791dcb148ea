using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Credentials.Core.Secrets;

/// <summary>
/// Chiffre au repos les clés Data Protection (celles qui chiffrent les mots de passe provisoires) avec un certificat
/// PKCS#12 rangé hors du dossier de données : <c>DataProtection:Certificat</c> (chemin), son mot de passe dans
/// <c>DataProtection:MotDePasseCertificat</c> (variable d'environnement <c>DataProtection__MotDePasseCertificat</c>),
/// et, pendant une rotation, les certificats précédents dans <c>DataProtection:CertificatsPrecedents</c> (même mot
/// de passe) pour relire les clés qu'ils protègent. docs/securite.md dit comment tourner et ce que coûte une perte.
/// </summary>
public static class CertificatCles
{
    public const string Section = "DataProtection";

    /// <summary>True si un certificat est configuré (sinon les clés sont en clair dans leur dossier, en 0600).</summary>
    public static bool EstConfigure(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[$"{Section}:Certificat"]);

    public static void Proteger(IDataProtectionBuilder protection, IConfiguration configuration, string dossierDonnees)
    {
        if (!EstConfigure(configuration))
        {
            return;
        }

        var motDePasse = configuration[$"{Section}:MotDePasseCertificat"];
        var actuel = Charger(configuration[$"{Section}:Certificat"]!, motDePasse, dossierDonnees);
        var precedents = (configuration.GetSection($"{Section}:CertificatsPrecedents").Get<string[]>() ?? [])
            .Select(chemin => Charger(chemin, motDePasse, dossierDonnees));
        protection.ProtectKeysWithCertificate(actuel).UnprotectKeysWithAnyCertificate([actuel, .. precedents]);
    }

    private static X509Certificate2 Charger(string chemin, string? motDePasse, string dossierDonnees)
    {
        var complet = Path.GetFullPath(chemin);
        var donnees = Path.GetFullPath(dossierDonnees).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (complet.StartsWith(donnees, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"DataProtection:Certificat ({complet}) must live outside the data folder ({donnees}): a copy of that folder would otherwise carry the key that opens it.");
        }

        if (!File.Exists(complet))
        {
            throw new InvalidOperationException($"DataProtection:Certificat: no file at {complet}.");
        }

        var certificat = X509CertificateLoader.LoadPkcs12FromFile(complet, motDePasse, X509KeyStorageFlags.EphemeralKeySet);
        return certificat.HasPrivateKey
            ? certificat
            : throw new InvalidOperationException($"DataProtection:Certificat ({complet}) has no private key: keys could be written but never read back.");
    }
}
