using System.Globalization;
using System.Text;

namespace Credentials.Core.Domain;

/// <summary>
/// Les identifiants « prenom.nom » : minuscules ASCII, accents repliés, Œ → oe, apostrophes et espaces
/// retirés, traits d'union gardés ; un numéro s'ajoute en cas d'homonymie.
/// </summary>
public static class Identifiants
{
    /// <summary>Longueur maximale de chaque partie (prénom, nom) avant le point.</summary>
    public const int LongueurPartie = 20;

    /// <summary>Longueur maximale d'un identifiant, numéro compris.</summary>
    public const int LongueurMax = 48;

    /// <summary>« Éloïse », « N'Diaye-Lefèvre » → « eloise.ndiaye-lefevre ».</summary>
    public static string Racine(string prenom, string nom)
    {
        var p = Partie(prenom);
        var n = Partie(nom);
        return (p, n) switch
        {
            ("", "") => "compte",
            ("", _) => n,
            (_, "") => p,
            _ => $"{p}.{n}",
        };
    }

    /// <summary>La racine d'un identifiant déjà attribué : sans son numéro final.</summary>
    public static string Racine(string identifiant) => identifiant.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    /// <summary>La racine, ou la racine suivie du plus petit numéro libre (à partir de 2).</summary>
    public static string Disponible(string racine, IReadOnlySet<string> pris)
    {
        if (!pris.Contains(racine))
        {
            return racine;
        }

        for (var i = 2; ; i++)
        {
            var candidat = racine + i.ToString(CultureInfo.InvariantCulture);
            if (!pris.Contains(candidat))
            {
                return candidat;
            }
        }
    }

    /// <summary>Replie un texte pour la recherche : minuscules, sans accents, ligatures développées.</summary>
    public static string Replier(string texte)
    {
        var sb = new StringBuilder(texte.Length);
        foreach (var c in DevelopperLigatures(texte).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Partie(string texte)
    {
        var sb = new StringBuilder();
        foreach (var c in Replier(texte))
        {
            if (c is >= 'a' and <= 'z')
            {
                sb.Append(c);
            }
            else if (c == '-' && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var partie = sb.ToString().Trim('-');
        return partie.Length <= LongueurPartie ? partie : partie[..LongueurPartie].TrimEnd('-');
    }

    private static string DevelopperLigatures(string texte) => texte
        .Replace("Œ", "OE", StringComparison.Ordinal)
        .Replace("œ", "oe", StringComparison.Ordinal)
        .Replace("Æ", "AE", StringComparison.Ordinal)
        .Replace("æ", "ae", StringComparison.Ordinal)
        .Replace("ß", "ss", StringComparison.Ordinal);
}
