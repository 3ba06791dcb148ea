using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Erreur;

/// <summary>Les pages d'erreur, en français, sans détail technique.</summary>
[AllowAnonymous]
[Route("erreur")]
public sealed class ErreurController : Controller
{
    [Route("")]
    [Route("{code:int}")]
    public IActionResult Index(int? code)
    {
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
        return View(Response.StatusCode);
    }
}
