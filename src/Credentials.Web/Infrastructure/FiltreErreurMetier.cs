using Credentials.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Une <see cref="ErreurMetier"/> devient une réponse qu'une personne comprend : 403 pour un accès refusé,
/// 404 pour l'introuvable, sinon retour à la page précédente avec le message (rien n'a été changé).
/// </summary>
public sealed class FiltreErreurMetier(ITempDataDictionaryFactory tempData, ILogger<FiltreErreurMetier> journal) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not ErreurMetier erreur)
        {
            return;
        }

        journal.LogInformation("Business rule refused {Path}: {Code}", context.HttpContext.Request.Path.Value, erreur.Code);
        context.ExceptionHandled = true;
        switch (erreur.Code)
        {
            case CodeErreur.AccesRefuse:
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            case CodeErreur.Introuvable:
                context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
                return;
        }

        Messages.Ajouter(tempData.GetTempData(context.HttpContext), TypeMessage.Erreur, erreur.Message);
        var retour = context.HttpContext.Request.Headers.Referer.ToString();
        var local = Uri.TryCreate(retour, UriKind.Absolute, out var uri) && uri.Host == context.HttpContext.Request.Host.Host
            ? uri.PathAndQuery
            : "/";
        context.Result = new LocalRedirectResult(local);
    }
}
