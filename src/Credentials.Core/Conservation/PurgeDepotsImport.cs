using Credentials.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Credentials.Core.Conservation;

/// <summary>
/// Les fichiers d'import déposés dans le dossier de données (« imports/&lt;dépôt&gt; ») et jamais confirmés ni
/// annulés : supprimés au bout d'une heure, par la console à chaque dépôt et toutes les dix minutes, et par la
/// purge (application web ou <c>credentials purge</c>), qui les compte sans rien supprimer en simulation.
/// </summary>
public sealed class PurgeDepotsImport(IConfiguration configuration, TimeProvider horloge, ILogger<PurgeDepotsImport> logger) : IPurgeComplementaire
{
    public static readonly TimeSpan Duree = TimeSpan.FromHours(1);

    /// <summary>Le dossier des dépôts, sous le dossier de données.</summary>
    public string Racine => Path.Combine(DossierDonnees.Resoudre(configuration), "imports");

    public string Categorie => "Fichiers d'import déposés (plus d'une heure)";

    public Task<int> PurgerAsync(DateTime maintenant, bool simulation, CancellationToken ct) =>
        Task.FromResult(simulation ? CompterExpires() : Nettoyer());

    /// <summary>Un dépôt fait à cet instant a-t-il expiré ?</summary>
    public bool Expire(DateTime depose) => horloge.GetUtcNow().UtcDateTime - depose > Duree;

    /// <summary>Supprime les dépôts de plus d'une heure ; un dossier qui résiste est journalisé et retenté au passage suivant.</summary>
    public int Nettoyer()
    {
        var supprimes = 0;
        foreach (var dossier in Expires())
        {
            try
            {
                dossier.Delete(recursive: true);
                supprimes++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Expired import upload {Depot} could not be deleted", dossier.Name);
            }
        }

        if (supprimes > 0)
        {
            logger.LogInformation("{Count} expired import uploads deleted", supprimes);
        }

        return supprimes;
    }

    /// <summary>Les dépôts que <see cref="Nettoyer"/> supprimerait maintenant.</summary>
    public int CompterExpires() => Expires().Count();

    /// <summary>Les dossiers de dépôt écrits (créés, remplis) il y a plus d'une heure.</summary>
    private IEnumerable<DirectoryInfo> Expires() =>
        Directory.Exists(Racine) ? new DirectoryInfo(Racine).EnumerateDirectories().Where(d => Expire(d.LastWriteTimeUtc)) : [];
}
