using Credentials.Core.Acces;
using Credentials.Core.Imports;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Imports;

/// <summary>
/// L'onglet Imports : déposer les fichiers (SIECLE, ONDE, tableur), voir l'aperçu, confirmer. Les fichiers restent sur le
/// serveur entre l'aperçu et la confirmation ; la confirmation recalcule le plan et ne l'applique que s'il est celui de
/// l'aperçu (empreinte), en une seule transaction.
/// </summary>
[Route("imports")]
[Exige(Operation.Importer)]
public sealed class ImportsController(ServiceImport service, DepotsImport depots, LectureRapportImport rapports, OptionsImport options) : ControleurConsole
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportsIndexModel(options.TailleMaxOctets));

    [HttpGet("modele.csv")]
    public IActionResult Modele() => File(ModeleImport.Octets(), ModeleImport.TypeContenu, ModeleImport.NomFichier);

    [HttpGet("guide-modele")]
    public IActionResult Guide() => View();

    [HttpPost("siecle")]
    [LimiteDepot(3)]
    public Task<IActionResult> Siecle(IFormFile? eleves, IFormFile? responsables, IFormFile? nomenclature, CancellationToken ct) =>
        DeposerAsync(SourceImport.Siecle, [(RolesImport.Eleves, eleves, true), (RolesImport.Responsables, responsables, true), (RolesImport.Nomenclature, nomenclature, false)], ct);

    [HttpPost("onde")]
    [LimiteDepot(2)]
    public Task<IActionResult> Onde(IFormFile? eleves, IFormFile? responsables, CancellationToken ct) =>
        DeposerAsync(SourceImport.Onde, [(RolesImport.Eleves, eleves, true), (RolesImport.Responsables, responsables, true)], ct);

    [HttpPost("tableur")]
    [LimiteDepot(1)]
    public Task<IActionResult> Tableur(IFormFile? liste, CancellationToken ct) =>
        DeposerAsync(SourceImport.Tableur, [(RolesImport.Liste, liste, true)], ct);

    /// <summary>Applique le dépôt si le plan est toujours celui de l'aperçu montré ; sinon, montre le nouvel aperçu.</summary>
    [HttpPost("{id}/confirmer")]
    public async Task<IActionResult> Confirmer(string id, string? empreinte, int? annee, CancellationToken ct)
    {
        if (await depots.OuvrirAsync(id, Contexte, ct) is not { } depot)
        {
            return NotFound();
        }

        var resultat = await service.AppliquerAsync(depots.Lire(depot), Demande(annee), empreinte ?? "", ct);
        if (resultat.Applique)
        {
            depots.Supprimer(id);
            return resultat.EvenementId is { } evenementId
                ? RedirigerAvecMessage($"/imports/rapport/{evenementId}", resultat.Apercu.Resume)
                : RedirigerAvecMessage("/imports", "Ces fichiers ne changeaient rien : tous les comptes étaient déjà à jour, rien n'a été modifié.", TypeMessage.Information);
        }

        var modele = await ApercevoirAsync(depot, [], ct);
        if (annee is null && modele.CaseAnnee is { } caseAnnee)
        {
            ModelState.AddModelError("annee", $"Cochez la case « {caseAnnee} » pour importer ce fichier.");
        }
        else
        {
            var dejaMontrees = modele.Apercu.Erreurs.Select(e => e.Texte).ToHashSet();
            modele = modele with { Alertes = resultat.Erreurs.Select(e => e.Texte).Where(t => !dejaMontrees.Contains(t)).ToList() };
        }

        return Apercu(modele);
    }

    [HttpPost("{id}/annuler")]
    public async Task<IActionResult> Annuler(string id, CancellationToken ct)
    {
        if (await depots.OuvrirAsync(id, Contexte, ct) is null)
        {
            return NotFound();
        }

        depots.Supprimer(id);
        return RedirigerAvecMessage("/imports", "Import annulé : rien n'a été modifié et les fichiers déposés ont été supprimés du serveur.", TypeMessage.Information);
    }

    [HttpGet("rapport/{evenement:long}")]
    public async Task<IActionResult> Rapport(long evenement, CancellationToken ct) =>
        await rapports.LireAsync(Portee, evenement, ct) is { } rapport ? View(rapport) : NotFound();

    private async Task<IActionResult> DeposerAsync(SourceImport source, (string Role, IFormFile? Fichier, bool Requis)[] champs, CancellationToken ct)
    {
        foreach (var (role, _, _) in champs.Where(c => c.Requis && c.Fichier is null))
        {
            ModelState.AddModelError(FichiersManquants.Champ(source, role), FichiersManquants.Message(source, role));
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Index), new ImportsIndexModel(options.TailleMaxOctets));
        }

        var depot = await depots.CreerAsync(Contexte, source, champs.Where(c => c.Fichier is not null).Select(c => (c.Role, c.Fichier!)), ct);
        return Apercu(await ApercevoirAsync(depot, [], ct));
    }

    /// <summary>
    /// L'aperçu du dépôt. Des fichiers d'une autre année scolaire sont d'abord refusés par le service ; l'aperçu est
    /// alors recalculé avec cette année pour montrer tout ce qui changerait, et l'import attend la case cochée.
    /// </summary>
    private async Task<ApercuModel> ApercevoirAsync(DepotImport depot, IReadOnlyList<string> alertes, CancellationToken ct)
    {
        var liste = depots.Lire(depot);
        var apercu = await service.ApercevoirAsync(liste, Demande(null), ct);
        var aConfirmer = apercu.AnneeAConfirmer;
        if (aConfirmer is { } annee)
        {
            apercu = await service.ApercevoirAsync(liste, Demande(annee), ct);
        }

        return new ApercuModel(depot.Id, apercu, aConfirmer, Contexte.Etablissement.AnneeScolaire, alertes);
    }

    /// <summary>Montre l'aperçu ; un dépôt qui ne peut plus être confirmé est supprimé tout de suite.</summary>
    private ViewResult Apercu(ApercuModel modele)
    {
        if (!modele.Confirmable)
        {
            depots.Supprimer(modele.Depot);
        }

        Response.Headers.CacheControl = "no-store";
        return View(nameof(Apercu), modele);
    }

    private DemandeImport Demande(int? annee) => new(Contexte.Etablissement.Uai, Contexte.Courriel) { AnneeConfirmee = annee, Role = Contexte.Role };
}
