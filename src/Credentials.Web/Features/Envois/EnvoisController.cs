using Credentials.Core.Acces;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Envois;

/// <summary>
/// L'onglet Envois : les campagnes de courriels de l'établissement (un enseignant ne voit que les siennes,
/// ce que <see cref="SuiviEnvois"/> impose), leur avancement et leurs courriels, la relance des échecs.
/// </summary>
[EnFile]
[Route("envois")]
public sealed class EnvoisController(SuiviEnvois suivi) : ControleurConsole
{
    private const int Taille = 20;
    private const int TailleMessages = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        // One more than a page tells whether there is a next page without counting everything.
        var campagnes = await suivi.CampagnesAsync(Portee, 1, page * Taille + 1, ct);
        return View(new EnvoisIndexModel(campagnes.Skip((page - 1) * Taille).Take(Taille).ToList(), page, campagnes.Count > page * Taille));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Campagne(long id, StatutMessage? statut, int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        var campagne = await suivi.CampagneAsync(Portee, id, ct);
        var messages = await suivi.MessagesAsync(Portee, id, statut, page, TailleMessages, ct);
        return View(new CampagneModel(campagne, messages, statut, page, page * TailleMessages < campagne.Nombre(statut), Portee.Peut(Operation.RelancerEchecs)));
    }

    /// <summary>Ce que la page de la campagne relit toutes les deux secondes (envois.js).</summary>
    [HttpGet("{id:long}/progression")]
    public async Task<IActionResult> Progression(long id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return Json((await suivi.CampagneAsync(Portee, id, ct)).Json());
    }

    [HttpPost("{id:long}/relancer")]
    [Exige(Operation.RelancerEchecs)]
    public async Task<IActionResult> Relancer(long id, CancellationToken ct)
    {
        var relances = await suivi.RelancerEchecsAsync(Portee, id, ct);
        return RedirigerAvecMessage(
            $"/envois/{id}",
            relances == 0 ? "Aucun courriel en échec à relancer." : $"{Libelles.Accorder(relances, "courriel remis", "courriels remis")} en file : nouvel essai dans un instant.",
            relances == 0 ? TypeMessage.Information : TypeMessage.Succes);
    }
}
