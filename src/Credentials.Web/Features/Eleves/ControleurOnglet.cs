using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// Ce que partagent les contrôleurs d'un onglet de comptes (Élèves, Responsables) : la <see cref="SectionComptes"/>,
/// que les contrôleurs dérivés fixent avec l'adresse, et les pages de <c>Features/Eleves/Views</c>.
/// </summary>
public abstract class ControleurOnglet : ControleurConsole
{
    /// <summary>Une école entière (2 500 élèves) et ses autres champs tiennent dans un formulaire.</summary>
    protected const int MaxComptesPostes = 10_000;

    protected const string Vues = "~/Features/Eleves/Views/";

    protected abstract SectionComptes Section { get; }

    /// <summary>Les recherches et sélections postées appartiennent à l'onglet qui les reçoit.</summary>
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var recherche in context.ActionArguments.Values.OfType<RechercheEleves>())
        {
            recherche.Section = Section;
        }

        ViewData["Onglet"] = Section.Controleur;
        base.OnActionExecuting(context);
    }

    protected IActionResult SelectionVide(SelectionEleves selection) =>
        RedirigerAvecMessage(selection.Retour(), Section.SelectionVide, TypeMessage.Erreur);

    protected IActionResult Inaccessibles(SelectionEleves selection) =>
        RedirigerAvecMessage(selection.Retour(), $"Aucun des {Section.Pluriel} sélectionnés n'est accessible.", TypeMessage.Erreur);
}
