using System.Net.Mail;

namespace Credentials.Core.Portail;

/// <summary>Une adresse courriel donnée par un titulaire : une adresse simple, sans nom affiché ni espace.</summary>
public static class AdresseCourriel
{
    public const int LongueurMax = 254;

    public static bool EstValide(string adresse)
    {
        if (adresse.Length > LongueurMax || adresse.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!MailAddress.TryCreate(adresse, out var analysee) || analysee.Address != adresse)
        {
            return false;
        }

        // MailAddress accepts "a@b"; mail to a school family always goes to a domain with a dot.
        var domaine = analysee.Host;
        return domaine.Contains('.') && !domaine.StartsWith('.') && !domaine.EndsWith('.');
    }
}
