using Credentials.Core.Documents;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Documents;

/// <summary>
/// Le résultat d'une action qui produit un document (courriers, fiches, liste) : ce qui a changé, le fichier, et
/// « Télécharger à nouveau » tant que le document est conservé.
/// </summary>
[Route("documents")]
public sealed class DocumentsController(DocumentsConserves documents, TimeProvider horloge) : ControleurConsole
{
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Resultat(long id, CancellationToken ct)
    {
        var document = await documents.LireAsync(Portee, id, ct);
        Response.Headers.CacheControl = "no-store";
        return View(new ResultatDocumentModel(document, horloge.GetUtcNow().UtcDateTime));
    }

    [HttpPost("{id:long}/telecharger")]
    public async Task<IActionResult> Telecharger(long id, CancellationToken ct)
    {
        var fichier = await documents.TelechargerAsync(Portee, id, ct);
        Response.Headers.CacheControl = "no-store";
        return File(fichier.Contenu, fichier.TypeContenu, fichier.NomFichier);
    }
}
