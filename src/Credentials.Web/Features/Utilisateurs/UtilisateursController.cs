using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Domain;
using Credentials.Core.Utilisateurs;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Utilisateurs;

/// <summary>
/// « Paramètres › Utilisateurs de la console » : la direction ajoute ses secrétaires et ses enseignants (avec leurs
/// classes), change leur rôle, retire un accès, tire un nouveau mot de passe. Un mot de passe tiré s'affiche une
/// seule fois, dans la réponse même (jamais dans un cookie ni dans l'adresse).
/// </summary>
[Route("parametres/utilisateurs")]
[Exige(Operation.GererUtilisateurs)]
public sealed class UtilisateursController(ServiceUtilisateurs service, RechercheComptes recherche) : ControleurConsole
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await ListeAsync(new FormulaireUtilisateur(), ct);

    [HttpPost("")]
    public async Task<IActionResult> Ajouter(FormulaireUtilisateur formulaire, CancellationToken ct)
    {
        if (RoleIllisible() is { } illisible)
        {
            return await ListeAsync(formulaire, ct, [illisible]);
        }

        var resultat = await service.AjouterAsync(Portee, formulaire.Saisie(), ct);
        if (!resultat.EstAccepte)
        {
            return await ListeAsync(formulaire, ct, resultat.Erreurs);
        }

        var message = resultat.MotDePasseInitial is null
            ? $"{formulaire.Courriel?.Trim()} a maintenant accès à la console de l'établissement, avec le mot de passe qu'il utilise déjà."
            : null;
        if (message is not null)
        {
            Messages.Ajouter(TempData, TypeMessage.Succes, message);
        }

        return await ListeAsync(new FormulaireUtilisateur(), ct, motDePasse: resultat.MotDePasseInitial is { } m ? new MotDePasseRemis(formulaire.Courriel!.Trim().ToLowerInvariant(), m) : null);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Fiche(string id, CancellationToken ct) =>
        await FicheAsync(id, null, ct);

    [HttpPost("{id}")]
    public async Task<IActionResult> Modifier(string id, RoleConsole role, string[]? classes, CancellationToken ct)
    {
        if (RoleIllisible() is { } illisible)
        {
            return await FicheAsync(id, [illisible], ct);
        }

        var resultat = await service.ModifierAsync(Portee, id, role, classes ?? [], ct);
        return resultat.EstAccepte
            ? RedirigerAvecMessage("/parametres/utilisateurs", "Le rôle et les classes sont enregistrés : ils s'appliquent dès sa prochaine page.")
            : await FicheAsync(id, resultat.Erreurs, ct);
    }

    [HttpPost("{id}/mot-de-passe")]
    public async Task<IActionResult> ReinitialiserMotDePasse(string id, CancellationToken ct)
    {
        var resultat = await service.ReinitialiserMotDePasseAsync(Portee, id, ct);
        if (!resultat.EstAccepte)
        {
            return await FicheAsync(id, resultat.Erreurs, ct);
        }

        var utilisateur = await UtilisateurAsync(id, ct);
        return await ListeAsync(new FormulaireUtilisateur(), ct, motDePasse: new MotDePasseRemis(utilisateur.Courriel, resultat.MotDePasseInitial!));
    }

    [HttpPost("{id}/deverrouiller")]
    public async Task<IActionResult> Deverrouiller(string id, CancellationToken ct)
    {
        var utilisateur = await UtilisateurAsync(id, ct);
        await service.DeverrouillerAsync(Portee, id, ct);
        return RedirigerAvecMessage("/parametres/utilisateurs", $"{utilisateur.Courriel} est déverrouillé : il peut se reconnecter avec son mot de passe.");
    }

    [HttpPost("{id}/retirer")]
    public async Task<IActionResult> Retirer(string id, CancellationToken ct)
    {
        var utilisateur = await UtilisateurAsync(id, ct);
        var resultat = await service.RetirerAsync(Portee, id, ct);
        return resultat.EstAccepte
            ? RedirigerAvecMessage("/parametres/utilisateurs", $"{utilisateur.Courriel} n'a plus accès à la console de l'établissement.")
            : await FicheAsync(id, resultat.Erreurs, ct);
    }

    private async Task<UtilisateurEtablissement> UtilisateurAsync(string id, CancellationToken ct) =>
        (await service.ListerAsync(Portee, ct)).SingleOrDefault(u => u.Id == id)
        ?? throw new ErreurMetier("Cet utilisateur n'a pas accès à la console de l'établissement.", CodeErreur.Introuvable);

    private async Task<IActionResult> ListeAsync(FormulaireUtilisateur formulaire, CancellationToken ct, IReadOnlyList<ErreurSaisie>? erreurs = null, MotDePasseRemis? motDePasse = null)
    {
        ModelState.Ajouter(erreurs);
        var liste = await service.ListerAsync(Portee, ct);
        return View("Index", new UtilisateursModel(liste, formulaire, await recherche.ClassesAsync(Portee, ct), motDePasse, Contexte.UtilisateurId));
    }

    private async Task<IActionResult> FicheAsync(string id, IReadOnlyList<ErreurSaisie>? erreurs, CancellationToken ct)
    {
        ModelState.Ajouter(erreurs);
        var utilisateur = await UtilisateurAsync(id, ct);
        return View("Fiche", new FicheUtilisateurModel(utilisateur, await recherche.ClassesAsync(Portee, ct), utilisateur.Id == Contexte.UtilisateurId));
    }

    /// <summary>Only the role can fail to bind (a tampered value): the framework's message is English.</summary>
    private ErreurSaisie? RoleIllisible()
    {
        if (ModelState.IsValid)
        {
            return null;
        }

        ModelState.Clear();
        return new ErreurSaisie("Role", "Choisissez un rôle : Directeur, Secrétaire ou Enseignant.");
    }
}
