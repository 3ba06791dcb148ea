using Credentials.Core.Services;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Statistiques;

/// <summary>
/// « Statistiques » : où en sont les activations, par profil, par classe (élèves et responsables) et jour après jour ;
/// chaque classe mène à ses comptes non activés (« qui manque ? ») dans l'onglet Élèves. Chacun dans sa portée.
/// </summary>
[Route("statistiques")]
public sealed class StatistiquesController(Core.Services.Statistiques statistiques, TimeProvider horloge) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await statistiques.CalculerAsync(Portee, ct));

    /// <summary>Les tableaux par classe en CSV (élèves puis responsables), dans la portée de la personne connectée.</summary>
    [HttpGet("classes.csv")]
    public async Task<IActionResult> Csv(CancellationToken ct)
    {
        var resultat = await statistiques.CalculerAsync(Portee, ct);
        return new FluxFichier(
            "text/csv; charset=utf-8",
            Core.Documents.NomsFichiers.Datee("statistiques-par-classe", null, horloge.GetUtcNow().UtcDateTime, "csv"),
            (flux, annulation) => Core.Services.Statistiques.EcrireCsvAsync(resultat, flux, annulation));
    }
}
