using System.Net;
using Credentials.Core.Portail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Credentials.Web.Features.Portail;

/// <summary>
/// Le portail d'activation, où mènent les fiches : première connexion, connexion, mon compte, renouvellement. Les liens
/// à usage unique (activation par courriel, « mot de passe oublié ») sont dans <see cref="LiensPortailController"/>.
/// </summary>
[Route("portail")]
[RequestSizeLimit(32 * 1024)]
public sealed class PortailController(ServicePortail service) : Controller
{
    public const string CleSucces = "Succes";

    private IPAddress? Adresse => HttpContext.Connection.RemoteIpAddress;

    [HttpGet("")]
    [AllowAnonymous]
    public IActionResult Index() => View();

    [HttpGet("activation")]
    [AllowAnonymous]
    public IActionResult Activation(string? identifiant) => View(new ActivationModel { Identifiant = identifiant });

    [HttpPost("activation")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> Activation(ActivationModel modele, CancellationToken ct)
    {
        var resultat = await service.VerifierProvisoireAsync(modele.Identifiant, modele.MotDePasseProvisoire, Adresse, ct);
        return ModelState.Accepter(resultat)
            ? View(nameof(ChoisirMotDePasse), ChoixModel.De(resultat.Valeur!))
            : View(new ActivationModel { Identifiant = modele.Identifiant });
    }

    [HttpPost("activation/mot-de-passe")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> ChoisirMotDePasse(ChoixModel modele, CancellationToken ct)
    {
        var resultat = await service.ActiverAsync(modele.Jeton, modele.MotDePasse, modele.Confirmation, modele.Courriel, ct);
        if (ModelState.Accepter(resultat))
        {
            TempData[CleSucces] = "Votre compte est activé. Connectez-vous maintenant avec le mot de passe que vous venez de choisir.";
            return RedirectToAction(nameof(Connexion), new { identifiant = resultat.Valeur!.Identifiant });
        }

        return resultat.Valeur is { } choix
            ? View(ChoixModel.De(choix, modele.Courriel))
            : View(nameof(Activation), new ActivationModel());
    }

    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Connexion(string? identifiant) => View(new ConnexionModel { Identifiant = identifiant });

    [HttpPost("connexion")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> Connexion(ConnexionModel modele, CancellationToken ct)
    {
        var resultat = await service.SeConnecterAsync(modele.Identifiant, modele.MotDePasse, Adresse, ct);
        if (!ModelState.Accepter(resultat))
        {
            return View(new ConnexionModel { Identifiant = modele.Identifiant });
        }

        await SessionsPortail.OuvrirAsync(HttpContext, resultat.Valeur!);
        return RedirectToAction(nameof(MonCompte));
    }

    [HttpGet("mon-compte")]
    [Authorize(AuthenticationSchemes = PortailRegistration.Schema)]
    public Task<IActionResult> MonCompte(CancellationToken ct) => AfficherMonCompteAsync(ct);

    [HttpPost("mon-compte/mot-de-passe")]
    [Authorize(AuthenticationSchemes = PortailRegistration.Schema)]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    public async Task<IActionResult> ChangerMotDePasse(ChangementModel modele, CancellationToken ct)
    {
        var resultat = await service.ChangerMotDePasseAsync(SessionsPortail.Lire(User), modele.MotDePasseActuel, modele.MotDePasse, modele.Confirmation, Adresse, ct);
        if (!ModelState.Accepter(resultat))
        {
            return await AfficherMonCompteAsync(ct);
        }

        await SessionsPortail.OuvrirAsync(HttpContext, resultat.Valeur!);
        TempData[CleSucces] = "Votre mot de passe a été changé. Utilisez-le dès votre prochaine connexion.";
        return RedirectToAction(nameof(MonCompte));
    }

    // Authenticated by the portal scheme so that the anti-forgery token of "mon compte" (bound to this user) validates.
    [HttpPost("deconnexion")]
    [Authorize(AuthenticationSchemes = PortailRegistration.Schema)]
    public async Task<IActionResult> Deconnexion()
    {
        await SessionsPortail.FermerAsync(HttpContext);
        TempData[CleSucces] = "Vous êtes déconnecté. Sur un ordinateur partagé, fermez aussi le navigateur.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("renouvellement")]
    [AllowAnonymous]
    public IActionResult Renouvellement(string? identifiant) => View(new RenouvellementModel { Identifiant = identifiant });

    [HttpPost("renouvellement")]
    [EnableRateLimiting(PortailRegistration.PolitiqueDebit)]
    [AllowAnonymous]
    public async Task<IActionResult> Renouvellement(RenouvellementModel modele, CancellationToken ct)
    {
        var resultat = await service.RenouvelerAsync(modele.Identifiant, modele.Code, modele.MotDePasse, modele.Confirmation, Adresse, ct);
        if (!ModelState.Accepter(resultat))
        {
            return View(new RenouvellementModel { Identifiant = modele.Identifiant });
        }

        TempData[CleSucces] = "Votre nouveau mot de passe est enregistré. Connectez-vous avec lui.";
        return RedirectToAction(nameof(Connexion), new { identifiant = resultat.Valeur });
    }

    private async Task<IActionResult> AfficherMonCompteAsync(CancellationToken ct)
    {
        var compte = await service.MonCompteAsync(SessionsPortail.Lire(User), ct);
        if (compte is null)
        {
            // Blocked meanwhile, or the password was changed elsewhere: this session no longer counts.
            await SessionsPortail.FermerAsync(HttpContext);
            return RedirectToAction(nameof(Connexion));
        }

        return View(nameof(MonCompte), new MonCompteModel(compte, new ChangementModel()));
    }
}
