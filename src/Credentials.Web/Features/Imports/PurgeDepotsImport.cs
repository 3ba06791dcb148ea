using Credentials.Core.Conservation;

namespace Credentials.Web.Features.Imports;

/// <summary>Les fichiers d'import déposés et jamais confirmés, dans la purge des durées de conservation.</summary>
public sealed class PurgeDepotsImport(DepotsImport depots) : IPurgeComplementaire
{
    public string Categorie => "Fichiers d'import déposés (plus d'une heure)";

    public Task<int> PurgerAsync(DateTime maintenant, bool simulation, CancellationToken ct) =>
        Task.FromResult(simulation ? depots.CompterExpires() : depots.Nettoyer());
}
