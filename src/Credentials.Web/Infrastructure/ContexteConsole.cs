using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Credentials.Web.Infrastructure;

/// <summary>Qui est connecté à la console, dans quel établissement, avec quel rôle et quelles classes.</summary>
public sealed record ContexteConsole(
    string UtilisateurId,
    string Courriel,
    string NomAffiche,
    Etablissement Etablissement,
    RoleConsole Role,
    IReadOnlyList<Classe> ClassesEnseignant,
    IReadOnlyList<Etablissement> AutresEtablissements)
{
    public const string CleCookie = "credentials.etab";

    public Portee Portee => new(
        Etablissement.Id,
        Role,
        Role == RoleConsole.Enseignant ? ClassesEnseignant.Select(c => c.Id).ToHashSet() : null,
        Courriel);
}

/// <summary>
/// Charge le <see cref="ContexteConsole"/> avant chaque action d'un contrôleur de la console : sans
/// appartenance à un établissement, pas d'accès. L'établissement choisi vit dans un cookie et n'est
/// retenu que si l'utilisateur y est affecté (un cookie trafiqué ne donne rien).
/// </summary>
public sealed class FiltreContexteConsole : IAsyncActionFilter
{
    private static readonly StringComparer OrdreDesNoms = StringComparer.Create(Libelles.Culture, ignoreCase: false);

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        // Read with the session's check (SessionConsole), in the same request and the same SQL statement.
        if (http.Items[typeof(UtilisateurConnecte)] is not UtilisateurConnecte utilisateur)
        {
            context.Result = new ChallengeResult();
            return;
        }

        var affectations = utilisateur.Affectations.OrderBy(a => a.Etablissement.Nom, OrdreDesNoms).ToList();
        if (affectations.Count == 0)
        {
            context.Result = new RedirectResult("/compte/acces-refuse");
            return;
        }

        var choisi = http.Request.Cookies[ContexteConsole.CleCookie];
        var affectation = affectations.FirstOrDefault(a => a.Etablissement.Uai == choisi) ?? affectations[0];
        var contexte = new ContexteConsole(
            utilisateur.Id,
            utilisateur.Courriel ?? "",
            string.IsNullOrWhiteSpace(utilisateur.NomAffiche) ? utilisateur.Courriel ?? "" : utilisateur.NomAffiche,
            affectation.Etablissement,
            affectation.Role,
            affectation.Classes.OrderBy(c => c.Code).ToList(),
            affectations.Select(a => a.Etablissement).Where(e => e.Id != affectation.Etablissement.Id).ToList());
        http.Items[typeof(ContexteConsole)] = contexte;
        await next();
    }
}

/// <summary>La base des contrôleurs de la console : connecté, contexte chargé, erreurs métier en message.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
[TypeFilter(typeof(FiltreContexteConsole))]
public abstract class ControleurConsole : Controller
{
    protected ContexteConsole Contexte => (ContexteConsole)HttpContext.Items[typeof(ContexteConsole)]!;

    protected Portee Portee => Contexte.Portee;

    protected IActionResult RedirigerAvecMessage(string url, string message, TypeMessage type = TypeMessage.Succes)
    {
        Messages.Ajouter(TempData, type, message);
        return LocalRedirect(url);
    }

    /// <summary>
    /// Construit le document de l'action en entier, puis enregistre en une transaction les changements des comptes,
    /// le journal et le document conservé ; mène à la page de résultat, qui lance le téléchargement. Un rendu qui
    /// échoue, ou une requête interrompue avant, ne change rien.
    /// </summary>
    protected async Task<IActionResult> ConserverDocumentAsync(Evenement evenement, FluxFichier fichier, string bilan, string retour, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var (document, _) = await services.GetRequiredService<Core.Documents.DocumentsConserves>()
            .PreparerAsync(evenement, fichier.NomFichier, fichier.TypeContenu, fichier.EcrireAsync, bilan, retour, ct);
        await services.GetRequiredService<ServiceComptes>().EnregistrerAsync(ct);
        return LocalRedirect("/documents/" + document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public static class ContexteConsoleExtensions
{
    /// <summary>Le contexte de la console de la requête en cours, s'il y en a un (pages de la console).</summary>
    public static ContexteConsole? ContexteConsole(this HttpContext http) =>
        http.Items.TryGetValue(typeof(ContexteConsole), out var valeur) ? valeur as ContexteConsole : null;
}
