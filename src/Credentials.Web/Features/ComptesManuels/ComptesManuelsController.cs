using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.ComptesManuels;

/// <summary>
/// Créer un compte à la main (un invité, un nouveau personnel, l'élève arrivé ce matin) et corriger un compte, avec les
/// règles des imports (<see cref="ServiceCompteManuel"/>). Réservé à la direction et au secrétariat.
/// </summary>
[Route("comptes")]
[Exige(Operation.GererComptesManuels)]
public sealed class ComptesManuelsController(ServiceCompteManuel service, RechercheComptes recherche) : ControleurConsole
{
    [HttpGet("nouveau")]
    public Task<IActionResult> Nouveau(Profil profil = Profil.Eleve, CancellationToken ct = default) =>
        FormulaireAsync(new FormulaireCompte { Profil = profil }, null, ct);

    [HttpPost("nouveau")]
    public async Task<IActionResult> Creer(FormulaireCompte formulaire, CancellationToken ct)
    {
        var resultat = Lire(formulaire) is { } saisie ? await service.CreerAsync(Portee, saisie, ct) : null;
        if (resultat?.Compte is not { } compte)
        {
            return await FormulaireAsync(formulaire, null, ct, resultat);
        }

        return RedirigerAvecMessage(
            Retour(compte),
            $"Compte créé pour {compte.Prenom} {compte.Nom} ({compte.Profil.EnMinuscules()}) : identifiant « {compte.Identifiant} ». Il est « Non notifié » : notifiez-le pour remettre le mot de passe provisoire.");
    }

    [HttpGet("{id:long}/modifier")]
    public async Task<IActionResult> Modifier(long id, CancellationToken ct) =>
        await service.CompteAsync(Portee, id, ct) is { } compte ? await FormulaireAsync(FormulaireCompte.Depuis(compte), compte, ct) : NotFound();

    [HttpPost("{id:long}/modifier")]
    public async Task<IActionResult> Enregistrer(long id, FormulaireCompte formulaire, CancellationToken ct)
    {
        if (await service.CompteAsync(Portee, id, ct) is not { } existant)
        {
            return NotFound();
        }

        var resultat = Lire(formulaire) is { } saisie ? await service.ModifierAsync(Portee, id, formulaire.Version, saisie, ct) : null;
        if (resultat?.Compte is not { } compte)
        {
            return await FormulaireAsync(formulaire, existant, ct, resultat);
        }

        return RedirigerAvecMessage(Retour(compte), $"Le compte de {compte.Prenom} {compte.Nom} a été modifié (identifiant « {compte.Identifiant} », inchangé).");
    }

    private static string Retour(Core.Domain.Compte compte) => FormulaireCompteModel.PageDu(compte);

    /// <summary>La saisie à envoyer au service ; null si le formulaire lui-même est illisible (erreurs déjà notées).</summary>
    private SaisieCompte? Lire(FormulaireCompte formulaire)
    {
        if (!ModelState.IsValid)
        {
            // Only a tampered profile or version fails to bind: the framework's message is English.
            ModelState.Clear();
            ModelState.AddModelError("", "Le formulaire envoyé n'est pas valide : rechargez la page et recommencez.");
            return null;
        }

        var (saisie, erreurDate) = formulaire.Saisie();
        if (erreurDate is not null)
        {
            ModelState.AddModelError(erreurDate.Champ, erreurDate.Message);
        }

        return saisie;
    }

    private async Task<IActionResult> FormulaireAsync(FormulaireCompte formulaire, Core.Domain.Compte? compte, CancellationToken ct, ResultatSaisie? refus = null)
    {
        ModelState.Ajouter(refus?.Erreurs);

        return View("Formulaire", new FormulaireCompteModel(formulaire, compte, await recherche.ClassesAsync(Portee, ct)));
    }
}
