using Credentials.Core.Acces;
using Credentials.Core.Conservation;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.DonneesPersonnelles;

/// <summary>
/// Les droits d'une personne depuis la page de son compte (direction seule) : ses données en JSON et en PDF
/// (RGPD art. 15 et 20), l'effacement sur demande d'un compte créé à la main (art. 17), avec confirmation.
/// </summary>
[Route("comptes/{id:long}")]
[Exige(Operation.DonneesPersonnelles)]
public sealed class DonneesPersonnellesController(ServiceDonneesPersonnelles service, ServiceCompteManuel comptes) : ControleurConsole
{
    [HttpGet("donnees")]
    public async Task<IActionResult> Index(long id, CancellationToken ct) => await PageAsync(id, "Index", ct);

    [HttpPost("donnees/json")]
    public async Task<IActionResult> Json(long id, CancellationToken ct)
    {
        var donnees = await service.ExporterAsync(Portee, id, ct);
        return File(ServiceDonneesPersonnelles.EnJson(donnees), "application/json", NomFichier(donnees, "json"));
    }

    [HttpPost("donnees/pdf")]
    public async Task<IActionResult> Pdf(long id, CancellationToken ct)
    {
        var donnees = await service.ExporterAsync(Portee, id, ct);
        using var flux = new MemoryStream();
        DonneesPersonnePdfRenderer.Ecrire(donnees, flux);
        return File(flux.ToArray(), "application/pdf", NomFichier(donnees, "pdf"));
    }

    [HttpGet("effacer")]
    public async Task<IActionResult> Effacer(long id, CancellationToken ct) => await PageAsync(id, "Effacer", ct);

    [HttpPost("effacer")]
    public async Task<IActionResult> ConfirmerEffacement(long id, int version, CancellationToken ct)
    {
        var compte = await comptes.CompteAsync(Portee, id, ct);
        if (compte is null)
        {
            return NotFound();
        }

        await service.EffacerAsync(Portee, id, version, ct);
        var liste = compte.Profil switch { Profil.Eleve => "/eleves", Profil.Responsable => "/responsables", _ => "/" };
        return RedirigerAvecMessage(liste, $"Le compte de {compte.Prenom} {compte.Nom} est effacé, avec ses liens ; le journal ne garde que « {SuppressionComptes.Libelle(id)} ».");
    }

    private async Task<IActionResult> PageAsync(long id, string vue, CancellationToken ct)
    {
        return await comptes.CompteAsync(Portee, id, ct) is { } compte ? View(vue, compte) : NotFound();
    }

    private static string NomFichier(DonneesPersonne d, string extension) =>
        $"donnees-personnelles_{d.Compte.Identifiant}_{Libelles.HeureLocale(d.ExporteLe):yyyy-MM-dd}.{extension}";
}
