using System.Net.Mail;

namespace Credentials.Core.Courriels;

/// <summary>
/// Les adresses acceptées à l'entrée de la boîte d'envoi : ce que <see cref="MailAddress"/> comprend, et
/// ce qu'un serveur SMTP ordinaire acceptera (ASCII, un domaine avec un point, pas de nom affiché).
/// </summary>
public static class AdresseCourriel
{
    public const int LongueurMax = 254;

    /// <summary>L'adresse normalisée (sans espaces autour, domaine en minuscules), ou null si elle n'est pas utilisable.</summary>
    public static string? Valider(string? saisie)
    {
        var adresse = saisie?.Trim();
        if (string.IsNullOrEmpty(adresse) || adresse.Length > LongueurMax || !adresse.All(c => char.IsAscii(c) && !char.IsControl(c) && c != ' '))
        {
            return null;
        }

        // MailAddress accepts "Name <a@b>" and comments; only a bare address may be stored.
        if (!MailAddress.TryCreate(adresse, out var analysee) || analysee.Address != adresse || analysee.DisplayName.Length > 0)
        {
            return null;
        }

        var local = analysee.User;
        var domaine = analysee.Host;
        var domaineValide = domaine.Contains('.')
            && domaine.Length <= 253
            && domaine.Split('.').All(e => e.Length is > 0 and <= 63 && e[0] != '-' && e[^1] != '-' && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        var localValide = local.Length is > 0 and <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) && !local.Contains('"');
        return domaineValide && localValide ? $"{local}@{domaine.ToLowerInvariant()}" : null;
    }
}
