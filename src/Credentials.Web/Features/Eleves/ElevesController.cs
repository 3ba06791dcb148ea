using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>L'onglet Élèves (et Élèves extérieurs) : les actions communes aux onglets de comptes, sur les élèves.</summary>
[Route("eleves")]
public sealed class ElevesController(RechercheComptes recherche, ServiceComptes credentials, SuiviEnvois suivi, ListesFiltres listes)
    : OngletComptesController(recherche, credentials, suivi, listes)
{
    protected override SectionComptes Section => SectionComptes.Eleves;
}

/// <summary>Les actions de l'onglet Eleves (voir <see cref="ActionsComptesController"/>).</summary>
[Route("eleves")]
public sealed class ActionsElevesController(RechercheComptes recherche, ServiceComptes credentials, ServiceCourriels courriels, SuiviEnvois suivi, RendusConsole rendus)
    : ActionsComptesController(recherche, credentials, courriels, suivi, rendus)
{
    protected override SectionComptes Section => SectionComptes.Eleves;
}
