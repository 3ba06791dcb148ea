using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Services;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>L'onglet Élèves : rechercher, sélectionner, (re)notifier, lister, réinitialiser, bloquer, codes.</summary>
[Route("eleves")]
public sealed class ElevesController(RechercheComptes recherche, ServiceCredentials credentials, RendusConsole rendus, SuiviEnvois suivi) : ControleurConsole
{
    /// <summary>Une école entière (2 500 élèves) et ses autres champs tiennent dans un formulaire.</summary>
    private const int MaxComptesPostes = 10_000;

    [HttpGet("")]
    public async Task<IActionResult> Index(RechercheEleves filtres, CancellationToken ct)
    {
        var page = await recherche.RechercherAsync(Portee, filtres.Criteres(), filtres.Page, filtres.Taille, ct);
        return View(new ElevesIndexModel(filtres, page, await recherche.ClassesAsync(Portee, ct), await recherche.MefsAsync(Portee, ct), Portee));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Fiche(long id, CancellationToken ct)
    {
        var detail = await recherche.DetailAsync(Portee, Profil.Eleve, id, ct);
        return detail is null ? NotFound() : View(new FicheEleveModel(detail, await suivi.MessagesDuCompteAsync(Portee, id, ct)));
    }

    /// <summary>Première étape de toute action : ce qui va se passer, compte par compte, avant de confirmer.</summary>
    [HttpPost("preparer")]
    public async Task<IActionResult> Preparer(SelectionEleves selection, CancellationToken ct)
    {
        if (selection.EstVide)
        {
            return RedirigerAvecMessage(selection.Url(), "Sélectionnez au moins un élève, ou cochez « Sélectionner tous les résultats ».", TypeMessage.Erreur);
        }

        var operation = OperationEleves.Lire(selection.Operation);
        if (operation is null)
        {
            return BadRequest();
        }

        var apercu = await credentials.ApercuAsync(Portee, selection.CriteresSelection(), ct);
        if (apercu.Total == 0)
        {
            return RedirigerAvecMessage(selection.Url(), "Aucun des élèves sélectionnés n'est accessible.", TypeMessage.Erreur);
        }

        return View("Confirmer", new ConfirmerModel(operation, selection, apercu, Portee));
    }

    [HttpPost("notifier")]
    [RequestFormLimits(ValueCountLimit = MaxComptesPostes)] // the paper route after an e-mail notification posts every account without an address
    public async Task<IActionResult> Notifier(SelectionEleves selection, ModeleFiche modele, bool reinitialiser, CancellationToken ct)
    {
        var lot = await credentials.NotifierAsync(Portee, selection.CriteresSelection(), reinitialiser, "courrier", ct);
        return lot.Fiches.Count == 0
            ? RedirigerAvecMessage(selection.Url(), Resume.AucuneFiche(lot), TypeMessage.Avertissement)
            : rendus.Fiches(lot.Fiches, modele, Contexte.Etablissement, Profil.Eleve, selection.Classes);
    }

    [HttpPost("lister")]
    public async Task<IActionResult> Lister(SelectionEleves selection, string format, CancellationToken ct)
    {
        var csv = format == "csv";
        var fiches = await credentials.ListerAsync(Portee, selection.CriteresSelection(), csv ? "csv" : "pdf", ct);
        if (fiches.Count == 0)
        {
            return RedirigerAvecMessage(selection.Url(), "Aucun des élèves sélectionnés n'est accessible.", TypeMessage.Erreur);
        }

        return csv
            ? rendus.ListeCsv(fiches, Contexte.Etablissement, Profil.Eleve, selection.Classes)
            : rendus.ListePdf(fiches, Contexte.Etablissement, Profil.Eleve, selection.Classes);
    }

    [HttpPost("reinitialiser")]
    public async Task<IActionResult> Reinitialiser(SelectionEleves selection, CancellationToken ct)
    {
        var lot = await credentials.ReinitialiserAsync(Portee, selection.CriteresSelection(), "courrier", ct);
        if (lot.Fiches.Count > 0)
        {
            Messages.Ajouter(TempData, TypeMessage.Succes, "Le mot de passe a bien été réinitialisé pour les élève(s) sélectionné(s).");
            TempData["reimpression"] = lot.EvenementId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return RedirigerAvecMessage(selection.Url(), Resume.Ignores(lot.Ignores) ?? Resume.Bilan(lot.Fiches.Count, "mot de passe réinitialisé", "mots de passe réinitialisés"), lot.Ignores.Count > 0 ? TypeMessage.Avertissement : TypeMessage.Information);
    }

    /// <summary>Réimprime les fiches des comptes d'une action qui vient d'être faite (réinitialisation).</summary>
    [HttpPost("reimprimer")]
    public async Task<IActionResult> Reimprimer(long evenement, ModeleFiche modele, CancellationToken ct)
    {
        var ids = await recherche.ComptesDeEvenementAsync(Portee, evenement, ct);
        if (ids.Count == 0)
        {
            return NotFound();
        }

        var lot = await credentials.NotifierAsync(Portee, new CriteresComptes { Profil = Profil.Eleve, Ids = ids }, reinitialiser: false, "courrier", ct);
        return rendus.Fiches(lot.Fiches, modele, Contexte.Etablissement, Profil.Eleve, []);
    }

    [HttpPost("bloquer")]
    public async Task<IActionResult> Bloquer(SelectionEleves selection, bool bloquer, CancellationToken ct)
    {
        var lot = await credentials.BloquerAsync(Portee, selection.CriteresSelection(), bloquer, ct);
        var bilan = bloquer
            ? Resume.Bilan(lot.Fiches.Count, "compte bloqué", "comptes bloqués")
            : Resume.Bilan(lot.Fiches.Count, "compte débloqué", "comptes débloqués");
        return RedirigerAvecMessage(selection.Url(), bilan + (Resume.Ignores(lot.Ignores) is { } i ? " " + i : ""), lot.Ignores.Count > 0 ? TypeMessage.Avertissement : TypeMessage.Succes);
    }

    [HttpPost("codes")]
    public async Task<IActionResult> Codes(SelectionEleves selection, CancellationToken ct)
    {
        var (codes, ignores) = await credentials.GenererCodesAsync(Portee, selection.CriteresSelection(), ct);
        Response.Headers.CacheControl = "no-store";
        return View("Codes", new CodesModel(codes, ignores, selection.Url()));
    }
}
