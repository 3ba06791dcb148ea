using System.ComponentModel.DataAnnotations;
using Credentials.Core.Domain;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Credentials.Web.Features.Compte;

public sealed class ConnexionModel
{
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide.")]
    [Display(Name = "Adresse électronique")]
    public string Courriel { get; set; } = "";

    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string MotDePasse { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>Connexion et déconnexion des utilisateurs de la console ; choix de l'établissement.</summary>
[Route("compte")]
public sealed class CompteController(SignInManager<Utilisateur> connexion, IWebHostEnvironment environnement, ILogger<CompteController> journal) : Controller
{
    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Connexion(string? returnUrl)
    {
        ViewData["Demo"] = environnement.IsDevelopment();
        return View(new ConnexionModel { ReturnUrl = returnUrl });
    }

    [HttpPost("connexion")]
    [AllowAnonymous]
    [EnableRateLimiting(Securite.PolitiqueConnexion)]
    public async Task<IActionResult> Connexion(ConnexionModel model)
    {
        ViewData["Demo"] = environnement.IsDevelopment();
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var resultat = await connexion.PasswordSignInAsync(model.Courriel.Trim(), model.MotDePasse, isPersistent: false, lockoutOnFailure: true);
        if (resultat.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        if (resultat.IsLockedOut)
        {
            journal.LogWarning("Console sign-in locked out after repeated failures");
            ModelState.AddModelError(string.Empty, "Trop d'essais infructueux : le compte est verrouillé pendant 15 minutes. Réessayez plus tard ou contactez la direction.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "Adresse électronique ou mot de passe incorrect.");
        }

        return View(model);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Deconnexion()
    {
        await connexion.SignOutAsync();
        Response.Cookies.Delete(ContexteConsole.CleCookie);
        return LocalRedirect("/compte/connexion");
    }

    [HttpGet("acces-refuse")]
    [AllowAnonymous]
    public IActionResult AccesRefuse() => View();

    [HttpPost("etablissement")]
    [Authorize]
    public IActionResult ChoisirEtablissement(string uai)
    {
        // Only a UAI the user belongs to is honoured: FiltreContexteConsole re-checks it on every request.
        Response.Cookies.Append(ContexteConsole.CleCookie, Etablissement.NormaliserUai(uai), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect("/");
    }
}
