using Credentials.Core.Domain;
using Credentials.Core.Services;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Journal;

/// <summary>Le journal : qui a imprimé, exporté, envoyé ou réinitialisé quels identifiants, et quand.</summary>
[Route("journal")]
public sealed class JournalController(LectureJournal lecture) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? du, DateOnly? au, string? auteur, ActionJournal? action, int page = 1, CancellationToken ct = default)
    {
        var filtres = new FiltresJournal(du, au, auteur, action, page);
        return View((filtres, await lecture.LireAsync(Portee, filtres, ct)));
    }
}
