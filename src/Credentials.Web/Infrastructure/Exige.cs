using Credentials.Core.Acces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Réserve un contrôleur ou une action aux rôles que la matrice (<see cref="Autorisations"/>) autorise pour
/// l'opération : les autres reçoivent 403 avant toute lecture, sur chaque page comme sur chaque formulaire.
/// Le service appelé vérifie la même case : ce filtre n'est qu'un refus plus tôt, pas le seul.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ExigeAttribute(Operation operation) : Attribute, IActionFilter, IOrderedFilter
{
    public Operation Operation { get; } = operation;

    /// <summary>Après <see cref="FiltreContexteConsole"/> (ordre 0), qui charge le rôle.</summary>
    public int Order => 1;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.ContexteConsole() is not { } contexte || !contexte.Portee.Peut(Operation))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
