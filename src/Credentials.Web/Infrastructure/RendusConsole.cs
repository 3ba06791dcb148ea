using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Un fichier écrit directement dans la réponse, sans tampon complet en mémoire côté application :
/// les listes et les CSV de milliers de lignes partent au fil de l'eau.
/// </summary>
public sealed class FluxFichier(string typeContenu, string nomFichier, Func<Stream, CancellationToken, Task> ecrire, bool tampon = false) : IActionResult
{
    public string NomFichier => nomFichier;

    public string TypeContenu => typeContenu;

    /// <summary>Écrit le fichier ailleurs que dans la réponse (le document conservé, construit avant d'enregistrer).</summary>
    public Task EcrireAsync(Stream flux, CancellationToken ct) => ecrire(flux, ct);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var reponse = context.HttpContext.Response;
        reponse.ContentType = typeContenu;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(nomFichier);
        reponse.Headers.ContentDisposition = disposition.ToString();
        reponse.Headers.CacheControl = "no-store";
        if (!tampon)
        {
            await ecrire(reponse.Body, context.HttpContext.RequestAborted);
            return;
        }

        // PDFsharp flushes synchronously while saving, which Kestrel refuses: the PDF is built in
        // memory (a few MB for thousands of letters) and then copied out asynchronously.
        using var memoire = new MemoryStream();
        await ecrire(memoire, context.HttpContext.RequestAborted);
        reponse.ContentLength = memoire.Length;
        memoire.Position = 0;
        await memoire.CopyToAsync(reponse.Body, context.HttpContext.RequestAborted);
    }
}

/// <summary>Relie la console aux renderers : l'en-tête de l'établissement, les noms de fichiers, le flux de réponse.</summary>
public sealed class RendusConsole(IConfiguration configuration, TimeProvider horloge, IRenduFiches renduFiches)
{
    public EnTeteEtablissement EnTete(Etablissement e) => EnTeteEtablissement.De(e, PortailParDefaut);

    /// <summary>L'adresse du portail du déploiement, pour les établissements qui n'en ont pas donné.</summary>
    public string PortailParDefaut => configuration["Portail:Url"] ?? "http://localhost:5080/portail";

    /// <summary>L'aperçu des paramètres : le courrier d'un élève, celui d'un responsable et le rappel d'un compte activé, fictifs.</summary>
    public FluxFichier ApercuCourrier(EnTeteEtablissement entete)
    {
        var maintenant = Maintenant;
        IReadOnlyList<FicheCompte> fiches =
        [
            FicheCompte.Exemple(Profil.Eleve, "Camille", "EXEMPLE", EtatCompte.NotifieNonActive, "6A", maintenant),
            FicheCompte.Exemple(Profil.Responsable, "Dominique", "EXEMPLE", EtatCompte.NotifieNonActive, "6A", maintenant),
            FicheCompte.Exemple(Profil.Eleve, "Sacha", "EXEMPLE", EtatCompte.Active, "5B", maintenant),
        ];
        return new("application/pdf", NomsFichiers.Datee("apercu-courrier", null, maintenant, "pdf"),
            (flux, ct) => new FichesConnexionRenderer().EcrireAsync(ModeleFiche.Detaillee, entete, fiches.ToAsyncEnumerable(), flux, ct), tampon: true);
    }

    public FluxFichier Fiches(IReadOnlyList<FicheCompte> fiches, ModeleFiche modele, Etablissement etablissement, Profil profil, IReadOnlyCollection<string> classes)
    {
        var objet = modele == ModeleFiche.Simplifiee ? "fiches" : "courriers";
        return FichesPdf(NomsFichiers.Datee($"{objet}-{Identifiants.Replier(profil.Pluriel())}", Classe(classes), Maintenant, "pdf"), fiches, modele, etablissement);
    }

    /// <summary>Le PDF d'un publipostage : tous profils, dans l'ordre des profils puis des noms.</summary>
    public FluxFichier Publipostage(IReadOnlyList<FicheCompte> fiches, ModeleFiche modele, Etablissement etablissement) =>
        FichesPdf(NomsFichiers.Datee(modele == ModeleFiche.Simplifiee ? "publipostage-fiches" : "publipostage-courriers", null, Maintenant, "pdf"), fiches, modele, etablissement);

    /// <summary>Le CSV de publipostage (seed 002), pour le publipostage d'un traitement de texte.</summary>
    public FluxFichier PublipostageCsv(IReadOnlyList<FicheCompte> fiches, Etablissement etablissement) =>
        new("text/csv; charset=utf-8", NomsFichiers.Datee($"publipostage-{Identifiants.Replier(etablissement.Uai)}", null, Maintenant, "csv"),
            (flux, ct) => new PublipostageCsvRenderer().EcrireAsync(fiches, flux, ct));

    /// <summary>« Courriers des familles sans adresse » : un seul PDF, famille par famille, les responsables puis leurs enfants.</summary>
    public FluxFichier CourriersFamilles(IReadOnlyList<FamilleAImprimer> familles, Etablissement etablissement, IReadOnlyCollection<string> classes) =>
        FichesPdf(
            NomsFichiers.Datee("courriers-familles-sans-adresse", Classe(classes), Maintenant, "pdf"),
            familles.SelectMany(f => f.Responsables.Concat(f.Eleves)).ToList(),
            ModeleFiche.Detaillee,
            etablissement);

    private FluxFichier FichesPdf(string nom, IReadOnlyList<FicheCompte> fiches, ModeleFiche modele, Etablissement etablissement) =>
        new("application/pdf", nom, (flux, ct) => renduFiches.EcrireAsync(modele, EnTete(etablissement), fiches.ToAsyncEnumerable(), flux, ct), tampon: true);

    public FluxFichier ListePdf(IReadOnlyList<FicheCompte> fiches, Etablissement etablissement, Profil profil, IReadOnlyCollection<string> classes) =>
        new("application/pdf", NomsFichiers.ListeIdentifiants(profil, Classe(classes), Maintenant, "pdf"),
            (flux, ct) => new ListeComptesPdfRenderer().EcrireAsync(EnTete(etablissement), profil, fiches.ToAsyncEnumerable(), flux, ct), tampon: true);

    public FluxFichier ListeCsv(IReadOnlyList<FicheCompte> fiches, Etablissement etablissement, Profil profil, IReadOnlyCollection<string> classes) =>
        new("text/csv; charset=utf-8", NomsFichiers.ListeIdentifiants(profil, Classe(classes), Maintenant, "csv"),
            (flux, ct) => new ListeComptesCsvRenderer().EcrireAsync(EnTete(etablissement), profil, fiches, flux, ct));

    private DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;

    private static string? Classe(IReadOnlyCollection<string> classes) => classes.Count == 1 ? classes.First() : null;
}
