using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Credentials.Core.Secrets;

/// <summary>Tire au hasard les mots de passe provisoires et les codes de renouvellement.</summary>
public interface IGenerateurSecrets
{
    /// <summary>Un secret normalisé (10 caractères, sans espace).</summary>
    string Nouveau();
}

/// <summary>
/// 10 caractères tirés parmi 32 symboles sans sosies (ni I, O, 0 ou 1) : 50 bits d'entropie,
/// au-dessus du cas « mot de passe + restriction d'accès » de la recommandation CNIL 2022.
/// </summary>
public sealed class GenerateurSecrets : IGenerateurSecrets
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Longueur = 10;

    public string Nouveau() => RandomNumberGenerator.GetString(Alphabet, Longueur);
}

/// <summary>Mise en forme et lecture des secrets tels que les personnes les tapent.</summary>
public static class FormatSecret
{
    /// <summary>« ABCDE FGHJK » : deux groupes de 5 pour l'impression.</summary>
    public static string PourAffichage(string secret) =>
        secret.Length == GenerateurSecrets.Longueur ? $"{secret[..5]} {secret[5..]}" : secret;

    /// <summary>Accepte la saisie avec ou sans espace ni tiret, en majuscules ou minuscules.</summary>
    public static string Normaliser(string? saisie)
    {
        if (string.IsNullOrEmpty(saisie))
        {
            return "";
        }

        Span<char> tampon = stackalloc char[Math.Min(saisie.Length, 256)];
        var n = 0;
        foreach (var c in saisie.AsSpan(0, tampon.Length))
        {
            if (c is ' ' or '-' or '\t' or '\u00A0')
            {
                continue;
            }

            tampon[n++] = char.ToUpperInvariant(c);
        }

        return new string(tampon[..n]);
    }

    /// <summary>Compare en temps constant deux secrets déjà normalisés.</summary>
    public static bool Egaux(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}

/// <summary>Chiffre au repos les mots de passe provisoires (ils doivent pouvoir être réimprimés).</summary>
public interface ICoffreSecrets
{
    string Chiffrer(string clair);

    string Dechiffrer(string chiffre);
}

/// <summary>Le coffre d'ASP.NET Data Protection : les clés vivent hors de la base.</summary>
public sealed class CoffreDataProtection(IDataProtectionProvider fournisseur) : ICoffreSecrets
{
    private readonly IDataProtector protecteur = fournisseur.CreateProtector("Credentials.MotDePasseProvisoire.v1");

    public string Chiffrer(string clair) => protecteur.Protect(clair);

    public string Dechiffrer(string chiffre) => protecteur.Unprotect(chiffre);
}

/// <summary>Hache les secrets qu'on ne doit jamais relire (mots de passe choisis, codes de renouvellement).</summary>
public interface IHacheurSecrets
{
    string Hacher(string secret);

    bool Verifier(string hash, string secret);

    /// <summary>Vrai si ce hachage, pourtant vérifié, coûte moins que ceux que ce hacheur produit (à refaire).</summary>
    bool DoitRehacher(string hash) => false;
}

/// <summary>PBKDF2-HMAC-SHA512, 210 000 itérations (recommandation OWASP 2023), sel aléatoire.</summary>
public sealed class HacheurPbkdf2(int iterations = HacheurPbkdf2.IterationsParDefaut) : IHacheurSecrets
{
    public const int IterationsParDefaut = 210_000;
    private const int TailleSel = 16;
    private const int TailleHash = 32;

    public string Hacher(string secret)
    {
        var sel = RandomNumberGenerator.GetBytes(TailleSel);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, sel, iterations, HashAlgorithmName.SHA512, TailleHash);
        return $"pbkdf2-sha512${iterations}${Convert.ToBase64String(sel)}${Convert.ToBase64String(hash)}";
    }

    public bool Verifier(string hash, string secret)
    {
        var parties = hash.Split('$');
        if (parties.Length != 4 || parties[0] != "pbkdf2-sha512" || !int.TryParse(parties[1], out var iter))
        {
            return false;
        }

        var sel = Convert.FromBase64String(parties[2]);
        var attendu = Convert.FromBase64String(parties[3]);
        var calcule = Rfc2898DeriveBytes.Pbkdf2(secret, sel, iter, HashAlgorithmName.SHA512, attendu.Length);
        return CryptographicOperations.FixedTimeEquals(attendu, calcule);
    }

    /// <summary>Les hachages de la démonstration (1 000 itérations) ou d'un coût passé sont refaits au coût actuel.</summary>
    public bool DoitRehacher(string hash)
    {
        var parties = hash.Split('$');
        return parties.Length == 4 && int.TryParse(parties[1], out var iter) && iter < iterations;
    }
}
