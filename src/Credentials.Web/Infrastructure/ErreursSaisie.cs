using Credentials.Core.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Credentials.Web.Infrastructure;

public static class ErreursSaisie
{
    /// <summary>Reporte les erreurs d'un service dans le ModelState : chacune s'affiche près de son champ et dans le résumé.</summary>
    public static void Ajouter(this ModelStateDictionary etat, IEnumerable<ErreurSaisie>? erreurs)
    {
        foreach (var erreur in erreurs ?? [])
        {
            etat.AddModelError(erreur.Champ, erreur.Message);
        }
    }
}
