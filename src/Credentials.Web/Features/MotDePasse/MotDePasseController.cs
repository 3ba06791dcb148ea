using Credentials.Core.Domain;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.MotDePasse;

/// <summary>Le formulaire « Mon mot de passe ».</summary>
public sealed class FormulaireMotDePasse
{
    public string? Actuel { get; set; }

    public string? Nouveau { get; set; }

    public string? Confirmation { get; set; }
}

/// <summary>
/// « Mon mot de passe » : tout utilisateur de la console change le sien (celui que la direction lui a remis, par
/// exemple). L'ancien est exigé ; la session continue avec le nouveau.
/// </summary>
[Route("compte/mot-de-passe")]
public sealed class MotDePasseController(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion) : ControleurConsole
{
    [HttpGet("")]
    public IActionResult Index() => View();

    [HttpPost("")]
    public async Task<IActionResult> Changer(FormulaireMotDePasse formulaire)
    {
        if (string.IsNullOrEmpty(formulaire.Actuel))
        {
            ModelState.AddModelError(nameof(formulaire.Actuel), "Saisissez votre mot de passe actuel.");
        }

        if (string.IsNullOrEmpty(formulaire.Nouveau))
        {
            ModelState.AddModelError(nameof(formulaire.Nouveau), "Saisissez le nouveau mot de passe.");
        }
        else if (formulaire.Nouveau != formulaire.Confirmation)
        {
            ModelState.AddModelError(nameof(formulaire.Confirmation), "Les deux saisies du nouveau mot de passe sont différentes.");
        }

        if (ModelState.ErrorCount > 0)
        {
            return View("Index");
        }

        var utilisateur = await utilisateurs.FindByIdAsync(Contexte.UtilisateurId) ?? throw new InvalidOperationException("Signed-in user not found.");
        var resultat = await utilisateurs.ChangePasswordAsync(utilisateur, formulaire.Actuel!, formulaire.Nouveau!);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
            {
                ModelState.AddModelError(erreur.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(formulaire.Actuel) : nameof(formulaire.Nouveau), erreur.Description);
            }

            return View("Index");
        }

        await connexion.RefreshSignInAsync(utilisateur);
        return RedirigerAvecMessage("/", "Votre mot de passe est changé : utilisez-le à votre prochaine connexion.");
    }
}
