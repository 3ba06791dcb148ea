using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Erreur;

/// <summary>Les pages d'erreur, en français, sans détail technique, avec un chemin de retour.</summary>
[AllowAnonymous]
[Route("erreur")]
public sealed class ErreurController : Controller
{
    [Route("")]
    [Route("{code:int}")]
    public IActionResult Index(int? code)
    {
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
        var origine = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "/";
        var accueil = origine.StartsWith("/portail", StringComparison.Ordinal) ? "/portail" : "/";
        var precedente = Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) && uri.Host == Request.Host.Host && uri.PathAndQuery != origine
            ? uri.PathAndQuery
            : null;
        return View(new PageErreurModel(Response.StatusCode, accueil, precedente));
    }
}

/// <summary>Le code, l'accueil de l'espace où l'erreur est survenue (console ou portail) et la page d'où l'on venait.</summary>
public sealed record PageErreurModel(int Code, string Accueil, string? Precedente);
