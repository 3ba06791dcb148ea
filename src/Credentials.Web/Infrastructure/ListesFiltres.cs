using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Microsoft.Extensions.Caching.Memory;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Les MEF proposées par le filtre de l'onglet Élèves, gardées en mémoire 30 secondes par établissement, version de
/// l'établissement et classes visibles. Les lire parcourait à chaque recherche tous les élèves de l'établissement
/// (le quart du temps de PostgreSQL d'une page de recherche). Un import fait avancer la version : ses MEF sont là
/// à la page suivante ; une MEF nouvelle saisie à la main sur un compte apparaît dans le filtre au plus 30 s après.
/// </summary>
public sealed class ListesFiltres(IMemoryCache cache)
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<(string Code, string? Libelle)>> MefsAsync(RechercheComptes recherche, Portee portee, int versionEtablissement, CancellationToken ct)
    {
        var classes = portee.Classes is { } visibles ? string.Join(',', visibles.Order()) : "*";
        var cle = (nameof(MefsAsync), portee.EtablissementId, versionEtablissement, classes);
        return (await cache.GetOrCreateAsync(cle, entree =>
        {
            entree.AbsoluteExpirationRelativeToNow = Duree;
            return recherche.MefsAsync(portee, ct);
        }))!;
    }
}
