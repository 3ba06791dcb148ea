using Credentials.Core.Acces;
using Credentials.Core.Domain;
using Credentials.Core.Parametres;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Parametres;

/// <summary>
/// « Paramètres » : l'établissement tel que ses courriers le présentent (nom, chef d'établissement, adresse du
/// portail, textes, expéditeur des courriels), avec un aperçu du courrier avant d'enregistrer. Direction seule.
/// </summary>
[Route("parametres")]
[Exige(Operation.Parametrer)]
public sealed class ParametresController(ServiceParametres service, RendusConsole rendus) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        Formulaire(FormulaireParametres.Depuis(await service.LireAsync(Portee, ct)));

    [HttpPost("")]
    public async Task<IActionResult> Enregistrer(FormulaireParametres formulaire, CancellationToken ct)
    {
        var erreurs = await service.EnregistrerAsync(Portee, formulaire.Version, formulaire.Saisie(), ct);
        if (erreurs.Count > 0)
        {
            return Formulaire(formulaire, erreurs);
        }

        return RedirigerAvecMessage("/parametres", "Les paramètres de l'établissement sont enregistrés : les prochains courriers et courriels les utiliseront.");
    }

    /// <summary>Deux courriers d'exemple (un élève, un responsable) avec la saisie en cours, sans rien enregistrer.</summary>
    [HttpPost("apercu")]
    public IActionResult Apercu(FormulaireParametres formulaire)
    {
        var saisie = formulaire.Saisie();
        var erreurs = ServiceParametres.Verifier(saisie);
        if (erreurs.Count > 0)
        {
            return Formulaire(formulaire, erreurs);
        }

        // The school as it would be once saved, never attached to the database.
        var apercu = new Etablissement(Contexte.Etablissement.Uai, saisie.Nom!);
        ServiceParametres.Appliquer(apercu, saisie);
        return rendus.ApercuCourrier(rendus.EnTete(apercu));
    }

    private ViewResult Formulaire(FormulaireParametres formulaire, IReadOnlyList<ErreurSaisie>? erreurs = null)
    {
        ModelState.Ajouter(erreurs);
        return View("Index", new ParametresModel(formulaire, Contexte.Etablissement.Uai, rendus.PortailParDefaut));
    }
}
