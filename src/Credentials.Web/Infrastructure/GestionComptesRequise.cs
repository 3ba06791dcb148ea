using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Réserve un contrôleur à ceux qui gèrent les comptes (direction, secrétariat) : imports, créations et corrections
/// à la main. Un enseignant reçoit 403, sur chaque page comme sur chaque formulaire.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GestionComptesRequiseAttribute : Attribute, IActionFilter, IOrderedFilter
{
    /// <summary>Après <see cref="FiltreContexteConsole"/> (ordre 0), qui charge le rôle.</summary>
    public int Order => 1;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.ContexteConsole() is not { Portee.PeutGererComptes: true })
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
