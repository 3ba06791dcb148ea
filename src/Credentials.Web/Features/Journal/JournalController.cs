using Credentials.Core.Acces;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Journal;

/// <summary>Le journal : qui a imprimé, exporté, envoyé ou réinitialisé quels identifiants, et quand.</summary>
[EnFile]
[Route("journal")]
[Exige(Operation.ConsulterJournal)]
public sealed class JournalController(LectureJournal lecture, DocumentsConserves documents) : ControleurConsole
{
    /// <summary>
    /// « action » est aussi le nom de la valeur de route de MVC (ici « Index ») : le filtre est lu dans la seule
    /// adresse, sinon il serait ignoré.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? du, DateOnly? au, string? auteur, [FromQuery(Name = "action")] ActionJournal? type, int page = 1, CancellationToken ct = default)
    {
        var filtres = new FiltresJournal(du, au, auteur, type, page);
        var lu = await lecture.LireAsync(Portee, filtres, ct);
        var conserves = await documents.ParEvenementAsync(Portee, lu.Evenements.Select(e => e.Id).ToList(), ct);
        return View(new JournalModel(filtres, lu, conserves));
    }
}

public sealed record JournalModel(FiltresJournal Filtres, PageJournal Page, IReadOnlyDictionary<long, long> Documents);
