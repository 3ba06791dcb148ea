using System.Net.Mail;

namespace Credentials.Core.Domain;

/// <summary>
/// La seule règle d'adresse courriel du produit : celle des imports, de la saisie manuelle, du portail et de
/// la boîte d'envoi. Une adresse y est valable si l'on peut vraiment y écrire : une adresse simple
/// « nom@domaine.tld » sans nom affiché ni espace, en ASCII (SmtpClient refuse les parties locales
/// accentuées), partie locale sans points en bord ni doublés, domaine fait d'étiquettes DNS avec un point.
/// </summary>
public static class AdresseCourriel
{
    public const int LongueurMax = 254;

    /// <summary>L'adresse normalisée (sans espaces autour, domaine en minuscules), ou null si elle n'est pas valable.</summary>
    public static string? Normaliser(string? saisie)
    {
        var adresse = saisie?.Trim();
        if (string.IsNullOrEmpty(adresse) || adresse.Length > LongueurMax || !adresse.All(c => char.IsAscii(c) && !char.IsWhiteSpace(c) && !char.IsControl(c)))
        {
            return null;
        }

        // Address == saisie: no display name, no comment, no list of addresses.
        if (!MailAddress.TryCreate(adresse, out var analysee) || analysee.Address != adresse)
        {
            return null;
        }

        var local = analysee.User;
        var domaine = analysee.Host;
        var domaineValide = domaine.Length <= 253 && domaine.Contains('.')
            && domaine.Split('.').All(e => e.Length is > 0 and <= 63 && e[0] != '-' && e[^1] != '-' && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        var localValide = local.Length is > 0 and <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) && !local.Contains('"');
        return domaineValide && localValide ? $"{local}@{domaine.ToLowerInvariant()}" : null;
    }

    public static bool EstValide(string? saisie) => Normaliser(saisie) is not null;
}
