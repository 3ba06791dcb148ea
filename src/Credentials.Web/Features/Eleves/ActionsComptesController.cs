using System.Globalization;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// Les actions d'un onglet de comptes sur une sélection confirmée : (re)notifier sur papier ou par courriel, lister,
/// réinitialiser, réimprimer, bloquer, codes de renouvellement. Chaque service vérifie la matrice des permissions.
/// </summary>
public abstract class ActionsComptesController(
    RechercheComptes recherche,
    ServiceComptes credentials,
    ServiceCourriels courriels,
    SuiviEnvois suivi,
    RendusConsole rendus) : ControleurOnglet
{
    [HttpPost("notifier")]
    [RequestFormLimits(ValueCountLimit = MaxComptesPostes)] // the paper route after an e-mail notification posts every account without an address
    public async Task<IActionResult> Notifier(SelectionEleves selection, ModeleFiche modele, bool reinitialiser, CancellationToken ct)
    {
        var lot = await credentials.PreparerNotificationAsync(Portee, new DemandeNotification(selection.CriteresSelection(), reinitialiser, Canal.Courrier), ct);
        return lot.Fiches.Count == 0
            ? RedirigerAvecMessage(selection.Retour(), Resume.AucuneFiche(lot), TypeMessage.Avertissement)
            : await ConserverDocumentAsync(lot.Evenement!, rendus.Fiches(lot.Fiches, modele, Contexte.Etablissement, Section.Profil, selection.Classes), Resume.Notification(lot), selection.Retour(), ct);
    }

    [HttpPost("lister")]
    public async Task<IActionResult> Lister(SelectionEleves selection, string format, CancellationToken ct)
    {
        var csv = format == "csv";
        var (fiches, evenement) = await credentials.PreparerListeAsync(Portee, new DemandeListe(selection.CriteresSelection(), csv ? Canal.Csv : Canal.Pdf), ct);
        if (fiches.Count == 0)
        {
            return Inaccessibles(selection);
        }

        var fichier = csv
            ? rendus.ListeCsv(fiches, Contexte.Etablissement, Section.Profil, selection.Classes)
            : rendus.ListePdf(fiches, Contexte.Etablissement, Section.Profil, selection.Classes);
        return await ConserverDocumentAsync(evenement, fichier, Resume.Liste(fiches.Count), selection.Url(), ct);
    }

    [HttpPost("reinitialiser")]
    public async Task<IActionResult> Reinitialiser(SelectionEleves selection, CancellationToken ct)
    {
        var lot = await credentials.ReinitialiserAsync(Portee, selection.CriteresSelection(), Canal.Courrier, ct);
        if (lot.Fiches.Count > 0)
        {
            TempData["reimpression"] = lot.EvenementId.ToString(CultureInfo.InvariantCulture);
        }

        if (Resume.Ignores(lot.Ignores) is { } ignores)
        {
            Messages.Ajouter(TempData, TypeMessage.Avertissement, ignores);
        }

        return RedirigerAvecMessage(selection.Retour(), Resume.Reinitialises(lot.Fiches.Count, Section), lot.Fiches.Count > 0 ? TypeMessage.Succes : TypeMessage.Information);
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

        var lot = await credentials.PreparerNotificationAsync(Portee, new DemandeNotification(new CriteresComptes { Profil = Section.Profil, Ids = ids }, false, Canal.Courrier), ct);
        return lot.Fiches.Count == 0
            ? RedirigerAvecMessage(Section.Chemin, Resume.AucuneFiche(lot), TypeMessage.Avertissement)
            : await ConserverDocumentAsync(lot.Evenement!, rendus.Fiches(lot.Fiches, modele, Contexte.Etablissement, Section.Profil, []), Resume.Notification(lot), Section.Chemin, ct);
    }

    [HttpPost("bloquer")]
    public async Task<IActionResult> Bloquer(SelectionEleves selection, bool bloquer, string? motif, CancellationToken ct)
    {
        var lot = await credentials.BloquerAsync(Portee, new DemandeBlocage(selection.CriteresSelection(), bloquer, motif), ct);
        var bilan = bloquer
            ? Resume.Bilan(lot.Fiches.Count, "compte bloqué", "comptes bloqués")
            : Resume.Bilan(lot.Fiches.Count, "compte débloqué", "comptes débloqués");
        return RedirigerAvecMessage(selection.Retour(), bilan + (Resume.Ignores(lot.Ignores) is { } i ? " " + i : ""), lot.Ignores.Count > 0 ? TypeMessage.Avertissement : TypeMessage.Succes);
    }

    [HttpPost("codes")]
    public async Task<IActionResult> Codes(SelectionEleves selection, CancellationToken ct)
    {
        var (codes, ignores) = await credentials.GenererCodesAsync(Portee, selection.CriteresSelection(), ct);
        Response.Headers.CacheControl = "no-store";
        return View(Vues + "Codes.cshtml", new CodesModel(codes, ignores, selection.Retour(), Section));
    }

    [HttpPost("courriel/notifier")]
    public async Task<IActionResult> NotifierParCourriel(SelectionEleves selection, bool reinitialiser, CancellationToken ct)
    {
        if (selection.EstVide)
        {
            return SelectionVide(selection);
        }

        var bilan = await courriels.NotifierAsync(Portee, selection.CriteresSelection(), reinitialiser, ct);
        if (Resume.Ignores(bilan.Lot.Ignores) is { } ignores)
        {
            Messages.Ajouter(TempData, TypeMessage.Avertissement, ignores);
        }

        return LocalRedirect(selection.UrlSelection(Section.Chemin + "/courriel", ("campagne", bilan.CampagneId?.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Après une notification par courriel (PRG) : la campagne, et les comptes sans adresse à imprimer.</summary>
    [HttpGet("courriel")]
    public async Task<IActionResult> Courriel(SelectionEleves selection, long? campagne, CancellationToken ct)
    {
        var resume = campagne is { } id ? await suivi.CampagneAsync(Portee, id, ct) : null;
        var sansAdresse = selection.EstVide ? [] : await courriels.SansAdresseAsync(Portee, selection.CriteresSelection(), ct);
        return View(Vues + "Courriel.cshtml", new ResultatCourrielModel(selection, resume, sansAdresse));
    }
}
