using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Où revenir pour refaire une action postée qui n'a pas abouti (jeton anti-contrefaçon absent ou périmé, session
/// terminée) : une page GET qui remontre le formulaire, jamais une page blanche ni une erreur.
/// </summary>
public static class RetourFormulaire
{
    public const string MessageExpire = "La page a expiré, recommencez : rien n'a été fait.";

    // The console's account tabs post their search criteria: a GET of the same address with them leads back to the
    // search (OngletComptesController.RetourRecherche, PublipostageController.RetourRecherche).
    private static readonly string[] Onglets = ["/eleves/", "/responsables/", "/publipostage/"];

    private const int LongueurMax = 2000;

    public static async Task<string> AdresseAsync(HttpRequest requete)
    {
        var chemin = requete.Path.Value ?? "/";
        if (chemin.StartsWith("/portail", StringComparison.Ordinal))
        {
            return await PortailAsync(requete, chemin);
        }

        if (Onglets.Any(o => chemin.StartsWith(o, StringComparison.Ordinal)) && requete.HasFormContentType)
        {
            var champs = (await requete.ReadFormAsync())
                .Where(c => c.Key != "__RequestVerificationToken")
                .SelectMany(c => c.Value.Select(v => new KeyValuePair<string, string?>(c.Key, v)))
                .ToList();
            var requeteGet = QueryString.Create(champs).ToUriComponent();
            if (requeteGet.Length > LongueurMax)
            {
                requeteGet = QueryString.Create(champs.Where(c => c.Key != "ids")).ToUriComponent();
            }

            return chemin + (requeteGet.Length > LongueurMax ? "" : requeteGet);
        }

        return Uri.TryCreate(requete.Headers.Referer.ToString(), UriKind.Absolute, out var precedente) && precedente.Host == requete.Host.Host
            ? precedente.PathAndQuery
            : chemin;
    }

    /// <summary>Le formulaire du portail, avec l'identifiant déjà tapé (jamais un secret) et le message dans l'adresse : le cookie a pu être perdu.</summary>
    private static async Task<string> PortailAsync(HttpRequest requete, string chemin)
    {
        var formulaire = chemin switch
        {
            "/portail/activation" or "/portail/activation/mot-de-passe" => "/portail/activation",
            "/portail/connexion" => "/portail/connexion",
            "/portail/renouvellement" => "/portail/renouvellement",
            "/portail/mon-compte/mot-de-passe" => "/portail/mon-compte",
            _ => "/portail",
        };
        var parametres = new List<KeyValuePair<string, string?>> { new("expiree", "1") };
        if (requete.HasFormContentType && (await requete.ReadFormAsync()).TryGetValue("Identifiant", out var identifiant) && identifiant.ToString().Length is > 0 and <= 100)
        {
            parametres.Insert(0, new("identifiant", identifiant.ToString()));
        }

        return formulaire + QueryString.Create(parametres).ToUriComponent();
    }
}

/// <summary>
/// Un formulaire dont le jeton anti-contrefaçon manque ou a expiré (page restée ouverte, cookie perdu par le navigateur
/// intégré d'une application) ramène au formulaire avec « La page a expiré, recommencez » au lieu d'une page 400.
/// </summary>
public sealed class FiltreFormulaireExpire(ITempDataDictionaryFactory tempData, ILogger<FiltreFormulaireExpire> journal) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var requete = context.HttpContext.Request;
            journal.LogInformation("Anti-forgery token missing or stale on {Path}", requete.Path.Value);
            if (!requete.Path.StartsWithSegments("/portail"))
            {
                // A result set by an authorization filter skips the filter that saves TempData: save it here.
                var messages = tempData.GetTempData(context.HttpContext);
                Messages.Ajouter(messages, TypeMessage.Avertissement, RetourFormulaire.MessageExpire);
                messages.Save();
            }

            context.Result = new LocalRedirectResult(await RetourFormulaire.AdresseAsync(requete));
        }

        await next();
    }
}
