using Credentials.Core.Acces;
using Credentials.Core.Domain;
using Credentials.Core.Relances;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Relances;

/// <summary>
/// Les relances : leur réglage (Paramètres › Relances et courriels, direction), la liste « à relancer sur papier »
/// par classe avec son courrier de relance en un clic, les relances dues lancées à la main, l'effet de chaque vague.
/// </summary>
public sealed class RelancesController(ServiceRelances service, ReglagesEnvois reglages, RendusConsole rendus) : ControleurConsole
{
    [HttpGet("parametres/relances")]
    [Exige(Operation.Parametrer)]
    public async Task<IActionResult> Reglages(CancellationToken ct) =>
        Formulaire(FormulaireEnvois.Depuis(await reglages.LireAsync(Portee, ct)));

    [HttpPost("parametres/relances")]
    [Exige(Operation.Parametrer)]
    public async Task<IActionResult> Enregistrer(FormulaireEnvois formulaire, CancellationToken ct)
    {
        var erreurs = await reglages.EnregistrerAsync(Portee, formulaire.Version, formulaire.Saisie(), ct);
        return erreurs.Count > 0
            ? Formulaire(formulaire, erreurs)
            : RedirigerAvecMessage("/parametres/relances", "Les réglages des courriels et des relances sont enregistrés.");
    }

    [HttpGet("relances")]
    [Exige(Operation.Relancer)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var etablissement = Contexte.Etablissement;
        return View(new RelancesModel(etablissement.CalendrierRelances, await service.SurPapierAsync(Portee, ct), await service.VaguesAsync(Portee, ct)));
    }

    [HttpPost("relances/lancer")]
    [Exige(Operation.Relancer)]
    public async Task<IActionResult> Lancer(CancellationToken ct)
    {
        var bilan = await service.RelancerAsync(Portee, simulation: false, ct);
        var message = bilan.ParCourriel.Count == 0
            ? "Aucune relance par courriel n'était due."
            : $"{Libelles.Accorder(bilan.ParCourriel.Count, "compte relancé", "comptes relancés")} en {Libelles.Accorder(bilan.Courriels, "courriel", "courriels")} : suivez-les dans « Envois ».";
        if (bilan.SurPapier.Count > 0)
        {
            message += $" {Libelles.Accorder(bilan.SurPapier.Count, "compte sans adresse reste", "comptes sans adresse restent")} à relancer sur papier, ci-dessous.";
        }

        return RedirigerAvecMessage("/relances", message);
    }

    [HttpPost("relances/courrier")]
    [Exige(Operation.Relancer)]
    public async Task<IActionResult> Courrier(string? classe, CancellationToken ct)
    {
        var fiches = await service.ImprimerAsync(Portee, string.IsNullOrWhiteSpace(classe) ? null : classe, ct);
        return rendus.Fiches(fiches, Core.Documents.ModeleFiche.Detaillee, Contexte.Etablissement, fiches[0].Profil, string.IsNullOrWhiteSpace(classe) ? [] : [classe]);
    }

    private ViewResult Formulaire(FormulaireEnvois formulaire, IReadOnlyList<ErreurSaisie>? erreurs = null)
    {
        ModelState.Ajouter(erreurs);
        return View(nameof(Reglages), formulaire);
    }
}
