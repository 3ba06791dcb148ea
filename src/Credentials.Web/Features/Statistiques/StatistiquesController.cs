using Credentials.Core.Services;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Statistiques;

/// <summary>
/// « Statistiques » : où en sont les activations, par profil, par classe (élèves et responsables) et jour après jour ;
/// chaque classe mène à ses comptes non activés (« qui manque ? ») dans l'onglet Élèves. Chacun dans sa portée.
/// </summary>
[Route("statistiques")]
public sealed class StatistiquesController(Core.Services.Statistiques statistiques) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await statistiques.CalculerAsync(Portee, ct));
}
