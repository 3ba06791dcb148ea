using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Les listes des filtres de l'onglet Élèves (classes, MEF), gardées en mémoire 30 secondes par établissement, version
/// de l'établissement et classes visibles : chaque recherche les relisait.
/// <list type="bullet">
/// <item>Les MEF : les lire parcourait tous les élèves de l'établissement (le quart du temps de PostgreSQL d'une page de
/// recherche). Un import fait avancer la version : ses MEF sont là à la page suivante ; une MEF nouvelle saisie à la main
/// sur un compte apparaît dans le filtre au plus 30 s après.</item>
/// <item>Les classes : seul un import en crée ou en change, et il fait avancer la version dans la même transaction ; la
/// liste gardée est donc toujours celle de la base (une requête de moins par page).</item>
/// </list>
/// Les classes gardées sont partagées entre les requêtes : lues sans suivi, elles ne sont jamais modifiées ni attachées.
/// </summary>
public sealed class ListesFiltres(IMemoryCache cache)
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<(string Code, string? Libelle)>> MefsAsync(RechercheComptes recherche, Portee portee, int versionEtablissement, CancellationToken ct) =>
        await GarderAsync(nameof(MefsAsync), portee, versionEtablissement, () => recherche.MefsAsync(portee, ct));

    public async Task<IReadOnlyList<Classe>> ClassesAsync(RechercheComptes recherche, Portee portee, int versionEtablissement, CancellationToken ct) =>
        await GarderAsync(nameof(ClassesAsync), portee, versionEtablissement, () => recherche.ClassesAsync(portee, ct));

    private async Task<T> GarderAsync<T>(string liste, Portee portee, int versionEtablissement, Func<Task<T>> lire)
    {
        // The scope is checked before the cache: an entry never answers for a role that may not read it.
        portee.Exiger(Operation.ConsulterComptes);
        var classes = portee.Classes is { } visibles ? string.Join(',', visibles.Order()) : "*";
        var cle = (liste, portee.EtablissementId, versionEtablissement, classes);
        return (await cache.GetOrCreateAsync(cle, entree =>
        {
            entree.AbsoluteExpirationRelativeToNow = Duree;
            return lire();
        }))!;
    }
}
