using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// L'onglet Responsables (seed 004) : rechercher les responsables par les classes de leurs enfants, avec ou sans
/// adresse électronique ; les notifier par courriel (ceux qui ont une adresse) puis imprimer les courriers des autres,
/// lister, réinitialiser, bloquer — les mêmes actions que pour les élèves.
/// </summary>
[Route("responsables")]
public sealed class ResponsablesController(RechercheComptes recherche, ServiceComptes credentials, SuiviEnvois suivi, ListesFiltres listes)
    : OngletComptesController(recherche, credentials, suivi, listes)
{
    protected override SectionComptes Section => SectionComptes.Responsables;
}

/// <summary>Les actions de l'onglet Responsables (voir <see cref="ActionsComptesController"/>).</summary>
[Route("responsables")]
public sealed class ActionsResponsablesController(RechercheComptes recherche, ServiceComptes credentials, ServiceCourriels courriels, SuiviEnvois suivi, RendusConsole rendus)
    : ActionsComptesController(recherche, credentials, courriels, suivi, rendus)
{
    protected override SectionComptes Section => SectionComptes.Responsables;
}
