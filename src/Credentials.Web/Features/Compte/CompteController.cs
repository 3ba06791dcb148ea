using System.ComponentModel.DataAnnotations;
using Credentials.Core.Domain;
using Credentials.Core.Utilisateurs;
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
public sealed class CompteController(SignInManager<Utilisateur> connexion, ConnexionConsole verification, IWebHostEnvironment environnement) : Controller
{
    /// <summary>
    /// The one answer to every refused sign-in (unknown address, wrong password, delay, lockout): it says nothing
    /// about whether the account exists or is locked (ASVS 6.3.8).
    /// </summary>
    public const string Refus = "Adresse électronique ou mot de passe incorrect. Après plusieurs essais, patientez quelques minutes avant de réessayer ; en cas d'oubli, demandez un nouveau mot de passe à la direction de l'établissement.";

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
    public async Task<IActionResult> Connexion(ConnexionModel model, CancellationToken ct)
    {
        ViewData["Demo"] = environnement.IsDevelopment();
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var utilisateur = await verification.VerifierAsync(model.Courriel, model.MotDePasse, HttpContext.Connection.RemoteIpAddress, ct);
        if (utilisateur is not null)
        {
            await connexion.SignInAsync(utilisateur, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        ModelState.AddModelError(string.Empty, Refus);
        return View(model);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Deconnexion()
    {
        // A new security stamp ends every copy of the session cookie at once (it is checked on every request).
        if (await connexion.UserManager.GetUserAsync(User) is { } utilisateur)
        {
            await connexion.UserManager.UpdateSecurityStampAsync(utilisateur);
        }

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
