using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Relances;
using Credentials.Core.Statistiques;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Statistiques;

/// <summary>
/// « Statistiques » : où en sont les activations, par profil, par classe (élèves et responsables) et jour après jour ;
/// chaque classe mène à ses comptes non activés (« qui manque ? ») dans l'onglet Élèves. Chacun dans sa portée.
/// </summary>
[EnFile]
[Route("statistiques")]
public sealed class StatistiquesController(ServiceStatistiques statistiques, ServiceRelances relances, TimeProvider horloge) : ControleurConsole
{
    /// <summary>Les chiffres, éventuellement ceux des familles d'une langue ; et l'effet des relances pour qui peut en lancer.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? langue, CancellationToken ct)
    {
        var resultat = await statistiques.CalculerAsync(Portee, CriteresComptes.LangueConnue(langue), ct);
        if (Portee.Peut(Operation.Relancer) && resultat.Langue is null)
        {
            resultat = resultat with { Relances = await relances.VaguesAsync(Portee, ct) };
        }

        if (langue is not null && resultat.Langue is null && langue.Length > 0)
        {
            ViewData["Avertissement"] = "Cette langue n'est pas proposée : les chiffres portent sur toutes les familles.";
        }

        ViewData["Langue"] = resultat.Langue;
        return View(resultat);
    }

    /// <summary>Les tableaux par classe en CSV (élèves puis responsables), dans la portée de la personne connectée.</summary>
    [HttpGet("classes.csv")]
    public async Task<IActionResult> Csv(string? langue, CancellationToken ct)
    {
        var resultat = await statistiques.CalculerAsync(Portee, CriteresComptes.LangueConnue(langue), ct);
        return new FluxFichier(
            "text/csv; charset=utf-8",
            Core.Documents.NomsFichiers.Datee("statistiques-par-classe", null, horloge.GetUtcNow().UtcDateTime, "csv"),
            (flux, annulation) => ServiceStatistiques.EcrireCsvAsync(resultat, flux, annulation));
    }
}
