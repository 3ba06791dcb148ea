using System.Collections.Concurrent;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// L'utilisateur d'une session de la console, tel que la base le donne à cette requête, avec ses établissements
/// (rôle et, pour un enseignant, classes) : le contexte de la console (<see cref="FiltreContexteConsole"/>) en est fait.
/// </summary>
public sealed record UtilisateurConnecte(string Id, string? Courriel, string NomAffiche, IReadOnlyList<AffectationLue> Affectations);

/// <summary>Un établissement de l'utilisateur, son rôle et ses classes, lus sans suivi.</summary>
public sealed record AffectationLue(Etablissement Etablissement, RoleConsole Role, IReadOnlyList<Classe> Classes);

/// <summary>
/// Vérifie la session de la console à chaque requête : l'empreinte de sécurité du cookie doit être celle de
/// l'utilisateur en base. Une déconnexion, un changement ou une réinitialisation de mot de passe, un changement de rôle
/// ou un retrait de l'établissement la changent, et toutes les copies du cookie cessent de valoir aussitôt.
/// </summary>
/// <remarks>
/// Une seule lecture indexée (l'empreinte, le courriel, le nom affiché et les établissements), gardée pour le contexte
/// de la console : une requête SQL par page au lieu de deux (docs/performance.md, session 12).
/// Le <see cref="SecurityStampValidator"/> d'Identity, réglé pour vérifier à chaque requête, relisait l'utilisateur
/// entier puis ses revendications, reconstruisait l'identité et réémettait le cookie à chaque réponse : un sixième
/// du temps processeur de l'application sur une page de recherche, et deux requêtes SQL de plus.
/// </remarks>
public static class SessionConsole
{
    private sealed record Session(string? SecurityStamp, string? Email, string NomAffiche, List<AffectationLue> Affectations);

    // Compiled once per model (one per database engine; the tests run several in one process): the query is neither
    // rebuilt nor looked up in EF's cache on each request.
    private static readonly ConcurrentDictionary<IModel, Func<CredentialsDbContext, string, CancellationToken, Task<Session?>>> Lectures = new();

    private static Func<CredentialsDbContext, string, CancellationToken, Task<Session?>> Compiler() =>
        EF.CompileAsyncQuery((CredentialsDbContext db, string id, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Session(
                u.SecurityStamp,
                u.Email,
                u.NomAffiche,
                u.Affectations
                    .Select(a => new AffectationLue(a.Etablissement, a.Role, a.Classes.Select(c => c.Classe).ToList()))
                    .ToList()))
            .SingleOrDefault());

    public static async Task VerifierAsync(CookieValidatePrincipalContext contexte)
    {
        var http = contexte.HttpContext;
        var revendications = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = contexte.Principal?.FindFirst(revendications.UserIdClaimType)?.Value;
        var empreinte = contexte.Principal?.FindFirst(revendications.SecurityStampClaimType)?.Value;
        if (id is not null && empreinte is not null)
        {
            var db = http.RequestServices.GetRequiredService<CredentialsDbContext>();
            var lu = await Lectures.GetOrAdd(db.Model, _ => Compiler())(db, id, http.RequestAborted);
            if (lu is not null && lu.SecurityStamp == empreinte)
            {
                http.Items[typeof(UtilisateurConnecte)] = new UtilisateurConnecte(id, lu.Email, lu.NomAffiche, lu.Affectations);
                return;
            }
        }

        contexte.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
