using Credentials.Core.Portail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Credentials.Web.Features.Portail;

/// <summary>
/// Les liens à usage unique du portail : l'activation par courriel et « mot de passe oublié ». Ouvrir un lien ne
/// change rien ; seul le formulaire le dépense.
/// </summary>
[Route("portail")]
[RequestSizeLimit(32 * 1024)]
public sealed class LiensPortailController(LiensPortail liens) : Controller
{
    private const string Vues = "~/Features/Portail/Views/";

    // Opening a link changes nothing (mail scanners open links): only the form's POST spends it.
    [HttpGet("lien/{jeton}")]
    [AllowAnonymous]
    public async Task<IActionResult> Lien(string jeton, CancellationToken ct)
    {
        var (lien, refus) = await liens.OuvrirAsync(jeton, ct);
        return lien is null ? LienRefuse(refus!.Value) : View(Vues + "Lien.cshtml", LienModel.De(lien));
    }

    [HttpPost("lien")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> UtiliserLien(LienModel modele, CancellationToken ct)
    {
        var resultat = await liens.UtiliserAsync(modele.Jeton, modele.MotDePasse, modele.Confirmation, modele.Courriel, ct);
        if (resultat.Refus is { } refus)
        {
            return LienRefuse(refus);
        }

        if (!resultat.EstAccepte)
        {
            foreach (var erreur in resultat.Erreurs)
            {
                ModelState.AddModelError(erreur.Champ ?? "", erreur.Message);
            }

            var (lien, _) = await liens.OuvrirAsync(modele.Jeton, ct);
            return lien is null ? LienRefuse(RefusLien.Invalide) : View(Vues + "Lien.cshtml", LienModel.De(lien, modele.Courriel));
        }

        TempData[PortailController.CleSucces] = resultat.Objet == Core.Domain.ObjetLien.Activation
            ? "Votre compte est activé. Connectez-vous maintenant avec le mot de passe que vous venez de choisir."
            : "Votre nouveau mot de passe est enregistré. Connectez-vous avec lui.";
        return RedirectToAction(nameof(PortailController.Connexion), "Portail", new { identifiant = resultat.Identifiant });
    }

    [HttpGet("mot-de-passe-oublie")]
    [AllowAnonymous]
    public IActionResult MotDePasseOublie(string? identifiant) => View(Vues + "MotDePasseOublie.cshtml", new OubliModel { Identifiant = identifiant });

    [HttpPost("mot-de-passe-oublie")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> MotDePasseOublie(OubliModel modele, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(modele.Identifiant))
        {
            ModelState.AddModelError(ChampsPortail.Identifiant, MessagesPortail.IdentifiantVide);
            return View(Vues + "MotDePasseOublie.cshtml", modele);
        }

        await liens.DemanderNouveauMotDePasseAsync(modele.Identifiant, HttpContext.Connection.RemoteIpAddress, ct);
        TempData[PortailController.CleSucces] = MessagesPortail.LienMotDePasseEnvoye;
        return RedirectToAction(nameof(MotDePasseOublie), new { identifiant = modele.Identifiant });
    }

    private ViewResult LienRefuse(RefusLien refus)
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return View(Vues + "LienRefuse.cshtml", refus);
    }
}
