using System.Net.Mail;
using Credentials.Core.Portail;

namespace Credentials.Core.Courriels;

/// <summary>
/// Les adresses auxquelles la boîte d'envoi écrit : une adresse simple valable (<see cref="AdresseCourriel"/>),
/// et ce que SmtpClient et un relais ordinaire acceptent : ASCII (SmtpClient refuse les parties locales
/// accentuées), partie locale sans points en bord ni doublés, domaine fait d'étiquettes DNS.
/// </summary>
public static class AdresseEnvoi
{
    /// <summary>L'adresse normalisée (sans espaces autour, domaine en minuscules), ou null si on ne peut pas y écrire.</summary>
    public static string? Valider(string? saisie)
    {
        var adresse = saisie?.Trim();
        if (adresse is null || !adresse.All(char.IsAscii) || !AdresseCourriel.EstValide(adresse) || !MailAddress.TryCreate(adresse, out var analysee))
        {
            return null;
        }

        var local = analysee.User;
        var domaine = analysee.Host;
        var domaineValide = domaine.Length <= 253
            && domaine.Split('.').All(e => e.Length is > 0 and <= 63 && e[0] != '-' && e[^1] != '-' && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        var localValide = local.Length is > 0 and <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) && !local.Contains('"');
        return domaineValide && localValide ? $"{local}@{domaine.ToLowerInvariant()}" : null;
    }
}
