using Credentials.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Credentials.Web.Infrastructure;

/// <summary>L'utilisateur d'une session de la console, tel que la base le donne à cette requête.</summary>
public sealed record UtilisateurConnecte(string Id, string? Courriel, string NomAffiche);

/// <summary>
/// Vérifie la session de la console à chaque requête : l'empreinte de sécurité du cookie doit être celle de
/// l'utilisateur en base. Une déconnexion, un changement ou une réinitialisation de mot de passe, un changement de rôle
/// ou un retrait de l'établissement la changent, et toutes les copies du cookie cessent de valoir aussitôt.
/// </summary>
/// <remarks>
/// Une seule lecture indexée (l'empreinte, le courriel et le nom affiché), gardée pour le contexte de la console.
/// Le <see cref="SecurityStampValidator"/> d'Identity, réglé pour vérifier à chaque requête, relisait l'utilisateur
/// entier puis ses revendications, reconstruisait l'identité et réémettait le cookie à chaque réponse : un sixième
/// du temps processeur de l'application sur une page de recherche, et deux requêtes SQL de plus.
/// </remarks>
public static class SessionConsole
{
    public static async Task VerifierAsync(CookieValidatePrincipalContext contexte)
    {
        var http = contexte.HttpContext;
        var revendications = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = contexte.Principal?.FindFirst(revendications.UserIdClaimType)?.Value;
        var empreinte = contexte.Principal?.FindFirst(revendications.SecurityStampClaimType)?.Value;
        if (id is not null && empreinte is not null)
        {
            var db = http.RequestServices.GetRequiredService<CredentialsDbContext>();
            var lu = await db.Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.Email, u.NomAffiche })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (lu is not null && lu.SecurityStamp == empreinte)
            {
                http.Items[typeof(UtilisateurConnecte)] = new UtilisateurConnecte(id, lu.Email, lu.NomAffiche);
                return;
            }
        }

        contexte.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
