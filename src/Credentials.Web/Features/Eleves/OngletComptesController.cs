using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// Un onglet de comptes (Élèves, Responsables) : rechercher, voir un compte, préparer une action sur une sélection.
/// Les actions elles-mêmes sont dans <see cref="ActionsComptesController"/>.
/// </summary>
[EnFile]
public abstract class OngletComptesController(RechercheComptes recherche, ServiceComptes credentials, SuiviEnvois suivi, ListesFiltres listes) : ControleurOnglet
{
    [HttpGet("")]
    public async Task<IActionResult> Index(RechercheEleves filtres, CancellationToken ct)
    {
        var page = await recherche.RechercherAsync(Portee, filtres.Criteres(), filtres.Page, filtres.Taille, ct);
        var version = Contexte.Etablissement.Version;
        var classes = await listes.ClassesAsync(recherche, Portee, version, ct);
        var modele = new ElevesIndexModel(filtres, page, classes, Section.EstEleves ? await listes.MefsAsync(recherche, Portee, version, ct) : [], Portee);
        if (!Section.EstEleves)
        {
            modele = modele with { Enfants = await recherche.EnfantsAsync(Portee, page.Lignes.Select(l => l.Id).ToList(), ct) };
        }

        return View(Vues + "Index.cshtml", modele);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Fiche(long id, CancellationToken ct)
    {
        var detail = await recherche.DetailAsync(Portee, Section.Profil, id, ct);
        return detail is null ? NotFound() : View(Vues + "Fiche.cshtml", new FicheEleveModel(detail, await suivi.MessagesDuCompteAsync(Portee, id, ct), Section));
    }

    /// <summary>Première étape de toute action : ce qui va se passer, compte par compte, avant de confirmer.</summary>
    [HttpPost("preparer")]
    public async Task<IActionResult> Preparer(SelectionEleves selection, CancellationToken ct)
    {
        if (selection.EstVide)
        {
            return SelectionVide(selection);
        }

        var operation = OperationEleves.Lire(selection.Operation);
        if (operation is null)
        {
            return BadRequest();
        }

        var apercu = await credentials.ApercuAsync(Portee, selection.CriteresSelection(), ct);
        if (apercu.Total == 0)
        {
            return Inaccessibles(selection);
        }

        return View(Vues + "Confirmer.cshtml", new ConfirmerModel(operation, selection, apercu, Portee));
    }

    /// <summary>
    /// Une action de l'onglet rouverte par GET (après une nouvelle connexion, ou un formulaire expiré, voir
    /// <see cref="RetourFormulaire"/>) : retour à la recherche avec ses critères, au lieu d'une erreur.
    /// </summary>
    [HttpGet("preparer")]
    [HttpGet("notifier")]
    [HttpGet("lister")]
    [HttpGet("reinitialiser")]
    [HttpGet("reimprimer")]
    [HttpGet("bloquer")]
    [HttpGet("codes")]
    [HttpGet("courriel/notifier")]
    public IActionResult RetourRecherche(SelectionEleves selection) => LocalRedirect(selection.Url());
}
