namespace Credentials.Core.Domain;

/// <summary>
/// La seule règle d'adresse courriel du produit : celle des imports, de la saisie manuelle, du portail et de
/// la boîte d'envoi. Une adresse y est valable si l'on peut vraiment y écrire : une adresse simple
/// « nom@domaine.tld » sans nom affiché ni espace, en ASCII (bien des relais refusent les parties
/// locales accentuées), partie locale sans points en bord ni doublés, domaine fait d'étiquettes DNS avec un point.
/// </summary>
public static class AdresseCourriel
{
    public const int LongueurMax = 254;

    // RFC 5322 atext, plus the dot of dot-atom.
    private const string CaracteresLocaux = "!#$%&'*+-/=?^_`{|}~.";

    /// <summary>L'adresse normalisée (sans espaces autour, domaine en minuscules), ou null si elle n'est pas valable.</summary>
    public static string? Normaliser(string? saisie)
    {
        var adresse = saisie?.Trim();
        if (string.IsNullOrEmpty(adresse) || adresse.Length > LongueurMax || !adresse.All(c => char.IsAscii(c) && !char.IsWhiteSpace(c) && !char.IsControl(c)))
        {
            return null;
        }

        // One plain address: no display name, no comment, no list, no quoted local part (RFC 5322 dot-atom).
        var arobase = adresse.LastIndexOf('@');
        if (arobase <= 0 || adresse.IndexOf('@') != arobase)
        {
            return null;
        }

        var local = adresse[..arobase];
        var domaine = adresse[(arobase + 1)..];
        if (!local.All(c => char.IsAsciiLetterOrDigit(c) || CaracteresLocaux.Contains(c)))
        {
            return null;
        }

        var domaineValide = domaine.Length <= 253 && domaine.Contains('.')
            && domaine.Split('.').All(e => e.Length is > 0 and <= 63 && e[0] != '-' && e[^1] != '-' && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        var localValide = local.Length is > 0 and <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) && !local.Contains('"');
        return domaineValide && localValide ? $"{local}@{domaine.ToLowerInvariant()}" : null;
    }

    public static bool EstValide(string? saisie) => Normaliser(saisie) is not null;

    /// <summary>
    /// La première adresse valable d'un texte libre (par exemple le texte de contact d'un établissement :
    /// « Secrétariat : 01 23 45 67 89, secretariat@college.fr »), normalisée ; null s'il n'y en a pas.
    /// </summary>
    public static string? Extraire(string? texte) =>
        string.IsNullOrWhiteSpace(texte)
            ? null
            : texte.Split([' ', '\t', '\r', '\n', ',', ';', '<', '>', '(', ')', '[', ']', '"', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
                .Select(mot => Normaliser(mot.TrimEnd('.', ':', '!', '?').TrimStart(':')))
                .FirstOrDefault(adresse => adresse is not null);
}
