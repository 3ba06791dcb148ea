using Credentials.Core.Imports;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Credentials.Web.Features.Imports;

/// <summary>
/// La taille d'un dépôt, tirée de <see cref="OptionsImport.TailleMaxOctets"/> : autant de fois la limite que le formulaire a
/// de fichiers, plus les champs. Posée avant toute lecture du formulaire (le jeton anti-contrefaçon compris) : un dépôt
/// annoncé plus gros revient à la page des imports avec un message en français plutôt qu'une erreur 413 ; un fichier
/// seul trop gros dans un dépôt admis est refusé par le lecteur, avec son nom.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LimiteDepotAttribute(int fichiers) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    private const long MargeChamps = 64 * 1024;

    /// <summary>Avant la validation anti-contrefaçon (ordre 1000), qui lit le formulaire.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var maximum = http.RequestServices.GetRequiredService<OptionsImport>().TailleMaxOctets;
        var limite = (fichiers * maximum) + MargeChamps;
        if (http.Request.ContentLength is { } annonce && annonce > limite)
        {
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            Messages.Ajouter(tempData, TypeMessage.Erreur, $"Les fichiers déposés pèsent {TexteImport.Taille(annonce)}, au-delà de la limite de {TexteImport.Taille(maximum)} par fichier : rien n'a été lu ni importé. Déposez l'export lui-même (un fichier .zip de SIECLE est accepté tel quel).");

            // A short-circuited authorization filter skips the filter that saves TempData.
            tempData.Save();
            context.Result = new LocalRedirectResult("/imports");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } taille)
        {
            taille.MaxRequestBodySize = limite;
        }

        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limite }));
        }
    }
}
