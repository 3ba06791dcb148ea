using Credentials.Core.Conservation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.DonneesPersonnelles;

/// <summary>
/// « Données personnelles » : ce que le portail dit aux familles (qui traite quoi, pourquoi, combien de temps, leurs
/// droits, qui contacter). Avec <c>?uai=</c> (lien des courriers et courriels), le contact de l'établissement.
/// </summary>
[Route("portail/donnees-personnelles")]
[AllowAnonymous]
public sealed class NoticeController(ServiceDonneesPersonnelles service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? uai, CancellationToken ct) =>
        View("~/Features/DonneesPersonnelles/Views/Notice.cshtml", await service.NoticeAsync(uai, ct));
}
