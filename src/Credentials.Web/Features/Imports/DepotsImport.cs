using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Credentials.Core.Conservation;
using Credentials.Core.Imports;
using Credentials.Web.Infrastructure;

namespace Credentials.Web.Features.Imports;

/// <summary>
/// Un fichier déposé : son rôle dans l'import (« eleves », « responsables »…), son nom d'origine, sa taille telle que
/// déposée (la copie gardée s'arrête juste après la limite) et où il est gardé.
/// </summary>
public sealed record FichierDepose(string Role, string Nom, long Taille, string Fichier);

/// <summary>Les fichiers d'un import, gardés entre l'aperçu et la confirmation, à qui ils appartiennent et depuis quand.</summary>
public sealed record DepotImport(string Id, string UtilisateurId, int EtablissementId, SourceImport Source, DateTime Depose, IReadOnlyList<FichierDepose> Fichiers);

/// <summary>
/// Garde les fichiers déposés sur le serveur (dossier de données, « imports/&lt;identifiant aléatoire&gt; ») le temps de
/// l'aperçu et de la confirmation : un dépôt n'est rendu qu'à la personne qui l'a fait, dans le même établissement ; il est
/// supprimé après l'import et, sinon, au bout d'une heure.
/// </summary>
public sealed partial class DepotsImport(PurgeDepotsImport purge, OptionsImport options, LecteurSiecle siecle, LecteurOnde onde, LecteurTableur tableur, TimeProvider horloge, ILogger<DepotsImport> logger)
{
    private const string Description = "depot.json";

    private string Racine => purge.Racine;

    /// <summary>Enregistre les fichiers ; chacun est copié au plus jusqu'à la limite + 1 octet (le lecteur refusera le dépassement).</summary>
    public async Task<DepotImport> CreerAsync(ContexteConsole contexte, SourceImport source, IEnumerable<(string Role, IFormFile Fichier)> fichiers, CancellationToken ct)
    {
        Nettoyer();
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var dossier = Directory.CreateDirectory(Path.Combine(Racine, id)).FullName;
        var deposes = new List<FichierDepose>();
        foreach (var (role, fichier) in fichiers)
        {
            var nom = $"{role}.bin";
            await using (var cible = File.Create(Path.Combine(dossier, nom)))
            await using (var flux = fichier.OpenReadStream())
            {
                await CopierBorneAsync(flux, cible, options.TailleMaxOctets + 1, ct);
            }

            deposes.Add(new FichierDepose(role, Path.GetFileName(fichier.FileName), fichier.Length, nom));
        }

        var depot = new DepotImport(id, contexte.UtilisateurId, contexte.Etablissement.Id, source, horloge.GetUtcNow().UtcDateTime, deposes);
        await File.WriteAllTextAsync(Path.Combine(dossier, Description), JsonSerializer.Serialize(depot), ct);
        logger.LogInformation("Import upload {Depot} ({Source}, {Files} files) stored for school {Etablissement}", id, source, deposes.Count, depot.EtablissementId);
        return depot;
    }

    /// <summary>Le dépôt s'il existe, n'a pas expiré et appartient à cette personne dans cet établissement ; sinon null.</summary>
    public async Task<DepotImport?> OuvrirAsync(string id, ContexteConsole contexte, CancellationToken ct)
    {
        var chemin = IdentifiantValide().IsMatch(id) ? Path.Combine(Racine, id, Description) : null;
        if (chemin is null || !File.Exists(chemin))
        {
            return null;
        }

        var depot = JsonSerializer.Deserialize<DepotImport>(await File.ReadAllTextAsync(chemin, ct));
        var valide = depot is not null && depot.Id == id && depot.UtilisateurId == contexte.UtilisateurId
            && depot.EtablissementId == contexte.Etablissement.Id && !Expire(depot.Depose);
        return valide ? depot : null;
    }

    /// <summary>Lit les fichiers du dépôt avec le lecteur de sa source.</summary>
    public ListeImport Lire(DepotImport depot)
    {
        FichierImport? Fichier(string role) => depot.Fichiers.FirstOrDefault(f => f.Role == role) is { } f
            ? new FichierImport(f.Nom, f.Taille, () => File.OpenRead(Path.Combine(Racine, depot.Id, f.Fichier)))
            : null;

        return depot.Source switch
        {
            SourceImport.Siecle => siecle.Lire(Fichier(RolesImport.Eleves)!, Fichier(RolesImport.Responsables), Fichier(RolesImport.Nomenclature)),
            SourceImport.Onde => onde.Lire(Fichier(RolesImport.Eleves)!, Fichier(RolesImport.Responsables)!),
            _ => tableur.Lire(Fichier(RolesImport.Liste)!),
        };
    }

    public void Supprimer(string id)
    {
        var dossier = Path.Combine(Racine, id);
        if (IdentifiantValide().IsMatch(id) && Directory.Exists(dossier))
        {
            Directory.Delete(dossier, recursive: true);
        }
    }

    /// <summary>Supprime les dépôts de plus d'une heure (jamais confirmés ni annulés).</summary>
    public int Nettoyer() => purge.Nettoyer();

    private bool Expire(DateTime depose) => purge.Expire(depose);

    private static async Task CopierBorneAsync(Stream source, Stream cible, long max, CancellationToken ct)
    {
        var tampon = new byte[81920];
        long total = 0;
        int lus;
        while (total < max && (lus = await source.ReadAsync(tampon.AsMemory(0, (int)Math.Min(tampon.Length, max - total)), ct)) > 0)
        {
            await cible.WriteAsync(tampon.AsMemory(0, lus), ct);
            total += lus;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdentifiantValide();
}

/// <summary>Les noms des champs de fichier des formulaires d'import, qui sont aussi les rôles des fichiers déposés.</summary>
public static class RolesImport
{
    public const string Eleves = "eleves";
    public const string Responsables = "responsables";
    public const string Nomenclature = "nomenclature";
    public const string Liste = "liste";
}

/// <summary>Passe régulièrement supprimer les dépôts expirés, même quand personne n'importe.</summary>
public sealed class NettoyageDepotsImport(DepotsImport depots, ILogger<NettoyageDepotsImport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var minuterie = new PeriodicTimer(TimeSpan.FromMinutes(10));
        do
        {
            try
            {
                depots.Nettoyer();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A failed sweep must not stop the web app: the next tick tries again.
                logger.LogWarning(ex, "Import uploads sweep failed");
            }
        }
        while (await minuterie.WaitForNextTickAsync(stoppingToken));
    }
}
