using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Accueil;

/// <summary>La page d'accueil : où en est l'établissement, et par où commencer.</summary>
[EnFile]
[Route("")]
public sealed class AccueilController(ServiceComptes credentials) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var profils = new[] { Core.Domain.Profil.Eleve, Core.Domain.Profil.Responsable, Core.Domain.Profil.Enseignant, Core.Domain.Profil.Personnel };
        var apercus = new List<(Core.Domain.Profil, ApercuSelection)>();
        foreach (var profil in Portee.EstEnseignant ? profils.Take(2) : profils)
        {
            apercus.Add((profil, await credentials.ApercuAsync(Portee, new CriteresComptes { Profil = profil }, ct)));
        }

        return View(apercus);
    }
}
