using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Publipostage;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Publipostage;

/// <summary>
/// « Publipostage » (seed 002) : des comptes de tous profils, filtrés ensemble, comptés en direct, puis un seul PDF
/// de fiches (1 ou 8 par page) ou un CSV pour le publipostage d'un traitement de texte. Direction et secrétariat.
/// </summary>
[Route("publipostage")]
[Exige(Operation.Publipostage)]
public sealed class PublipostageController(ServicePublipostage publipostage, ServiceCourriels courriels, RendusConsole rendus) : ControleurConsole
{
    private const int Taille = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(FiltresPublipostage filtres, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Des filtres de l'adresse sont illisibles (une date mal écrite ?) : ils sont ignorés.");
            filtres = new FiltresPublipostage();
        }

        var criteres = filtres.Criteres();
        var apercu = await publipostage.ApercuAsync(Portee, criteres, ct);
        var (lignes, total) = await publipostage.PageAsync(Portee, criteres, filtres.Page, Taille, ct);
        return View(new PublipostageModel(filtres, apercu, lignes, total, Taille, await ClassesAsync(ct)));
    }

    /// <summary>Avant de générer ou d'envoyer : combien de comptes, de quels profils et états, lesquels sont bloqués.</summary>
    [HttpPost("confirmer")]
    public async Task<IActionResult> Confirmer(FiltresPublipostage filtres, string? canal, CancellationToken ct)
    {
        var confirmation = await publipostage.ConfirmationAsync(Portee, filtres.Criteres(), ct);
        return confirmation.Total == 0
            ? RedirigerAvecMessage(filtres.Url(), "Aucun compte ne correspond aux filtres.", TypeMessage.Avertissement)
            : View(new ConfirmerPublipostageModel(filtres, canal == "courriel" ? "courriel" : "pdf", confirmation));
    }

    [HttpPost("pdf")]
    public async Task<IActionResult> Pdf(FiltresPublipostage filtres, ModeleFiche modele, CancellationToken ct)
    {
        var lot = await publipostage.PreparerNotificationAsync(Portee, filtres.Criteres(), ct);
        return lot.Fiches.Count == 0
            ? RedirigerAvecMessage(filtres.Url(), "Aucune fiche à imprimer : aucun compte ne correspond aux filtres (les comptes bloqués sont ignorés).", TypeMessage.Avertissement)
            : await ConserverDocumentAsync(lot.Evenement!, rendus.Publipostage(lot.Fiches, modele, Contexte.Etablissement), Eleves.Resume.Notification(lot), filtres.Url(), ct);
    }

    /// <summary>Un courriel à chaque compte filtré qui a une adresse ; ensuite, la même recherche réduite aux comptes sans adresse, à imprimer.</summary>
    [HttpPost("courriel")]
    public async Task<IActionResult> Courriel(FiltresPublipostage filtres, CancellationToken ct)
    {
        var bilan = await publipostage.EnvoyerAsync(Portee, filtres.Criteres(), courriels, ct);
        if (bilan.CampagneId is null)
        {
            return RedirigerAvecMessage(filtres.Url(), "Aucun courriel n'est parti : aucun des comptes filtrés n'a d'adresse électronique valable.", TypeMessage.Avertissement);
        }

        Messages.Ajouter(TempData, TypeMessage.Succes, $"{Libelles.Accorder(bilan.Courriels, "courriel mis", "courriels mis")} en file : suivez leur envoi dans l'onglet Envois.");
        return bilan.SansAdresse.Count == 0
            ? LocalRedirect($"/envois/{bilan.CampagneId}")
            : RedirigerAvecMessage(
                filtres.SansCourriel().Url(),
                $"{Libelles.Accorder(bilan.SansAdresse.Count, "compte n'a", "comptes n'ont")} pas d'adresse électronique valable : les voici, « Générer en PDF » imprime leurs fiches.",
                TypeMessage.Information);
    }

    [HttpPost("csv")]
    public async Task<IActionResult> Csv(FiltresPublipostage filtres, CancellationToken ct)
    {
        var fiches = await publipostage.ListerAsync(Portee, filtres.Criteres(), ct);
        return fiches.Count == 0
            ? RedirigerAvecMessage(filtres.Url(), "Aucun compte ne correspond aux filtres.", TypeMessage.Avertissement)
            : rendus.PublipostageCsv(fiches, Contexte.Etablissement);
    }

    /// <summary>Une action du publipostage rouverte par GET ramène aux mêmes filtres (voir <see cref="RetourFormulaire"/>).</summary>
    [HttpGet("pdf")]
    [HttpGet("courriel")]
    [HttpGet("csv")]
    [HttpGet("confirmer")]
    public IActionResult RetourRecherche(FiltresPublipostage filtres) => LocalRedirect(filtres.Url());

    private async Task<IReadOnlyList<string>> ClassesAsync(CancellationToken ct) =>
        (await HttpContext.RequestServices.GetRequiredService<RechercheComptes>().ClassesAsync(Portee, ct)).Select(c => c.Code).ToList();
}
