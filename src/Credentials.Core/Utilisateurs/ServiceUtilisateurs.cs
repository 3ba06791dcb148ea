using System.Security.Cryptography;
using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Utilisateurs;

/// <summary>Un utilisateur de la console tel que la direction de l'établissement le voit.</summary>
public sealed record UtilisateurEtablissement(
    string Id,
    string Courriel,
    string NomAffiche,
    RoleConsole Role,
    IReadOnlyList<string> Classes,
    bool Verrouille,
    bool AutresEtablissements);

/// <summary>Ce que la direction saisit pour ajouter un utilisateur ou changer son rôle.</summary>
public sealed record SaisieUtilisateur(string? Courriel, string? NomAffiche, RoleConsole Role, IReadOnlyCollection<string> Classes);

/// <summary>
/// Le résultat d'une action sur un utilisateur : les erreurs de saisie, ou le mot de passe initial tiré pour lui
/// (montré une seule fois à la direction, jamais enregistré en clair ni journalisé).
/// </summary>
public sealed record ResultatUtilisateur(IReadOnlyList<ErreurSaisie> Erreurs, string? MotDePasseInitial = null)
{
    public bool EstAccepte => Erreurs.Count == 0;
}

/// <summary>
/// Les utilisateurs de la console d'un établissement, gérés par sa direction : ajouter (un nouvel utilisateur reçoit
/// un mot de passe initial tiré au sort ; un utilisateur déjà connu, d'un autre établissement, reçoit seulement le
/// rôle ici), changer le rôle et les classes, retirer de l'établissement, réinitialiser le mot de passe de
/// quelqu'un qui ne travaille qu'ici. Il reste toujours au moins une direction. Tout est consigné au journal.
/// </summary>
public sealed class ServiceUtilisateurs(CredentialsDbContext db, UserManager<Utilisateur> utilisateurs, ConnexionConsole connexion, TimeProvider horloge)
{
    private const string Action = "gérer les utilisateurs de la console";

    private const string DirectionRequise = "L'établissement doit garder au moins une direction : ajoutez d'abord une autre personne avec le rôle Directeur.";

    /// <summary>Assez long pour être robuste (72 bits), sans caractères ambigus, lisible au téléphone : 4 groupes de 4.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<IReadOnlyList<UtilisateurEtablissement>> ListerAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        var lignes = await (
                from a in db.Affectations.AsNoTracking()
                where a.EtablissementId == portee.EtablissementId
                join u in db.Users on a.UtilisateurId equals u.Id
                select new
                {
                    u.Id,
                    u.Email,
                    u.NomAffiche,
                    u.LockoutEnd,
                    a.Role,
                    Classes = a.Classes.Select(c => c.Classe.Code).ToList(),
                    Autres = db.Affectations.Any(b => b.UtilisateurId == a.UtilisateurId && b.EtablissementId != portee.EtablissementId),
                })
            .ToListAsync(ct);
        var maintenant = horloge.GetUtcNow();
        return lignes
            .Select(l => new UtilisateurEtablissement(l.Id, l.Email ?? "", l.NomAffiche, l.Role, l.Classes.Order(StringComparer.Ordinal).ToList(), l.LockoutEnd > maintenant, l.Autres))
            .OrderBy(u => u.Role).ThenBy(u => u.NomAffiche, StringComparer.CurrentCulture).ThenBy(u => u.Courriel, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Ajoute un utilisateur à l'établissement (le crée s'il n'existe pas encore).</summary>
    public async Task<ResultatUtilisateur> AjouterAsync(Portee portee, SaisieUtilisateur saisie, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        var erreurs = new List<ErreurSaisie>();
        var courriel = AdresseCourriel.Normaliser(saisie.Courriel?.ToLowerInvariant());
        if (courriel is null)
        {
            erreurs.Add(new(nameof(SaisieUtilisateur.Courriel), "Saisissez l'adresse électronique de la personne (par exemple prenom.nom@ac-orleans-tours.fr) : elle lui sert d'identifiant de connexion."));
        }

        var nom = saisie.NomAffiche?.Trim();
        if (nom is { Length: > 100 })
        {
            erreurs.Add(new(nameof(SaisieUtilisateur.NomAffiche), "100 caractères au plus."));
        }

        var (classes, erreurClasses) = await ClassesAsync(portee, saisie, ct);
        if (erreurClasses is not null)
        {
            erreurs.Add(erreurClasses);
        }

        if (erreurs.Count > 0)
        {
            return new(erreurs);
        }

        var utilisateur = await utilisateurs.FindByEmailAsync(courriel!);
        if (utilisateur is not null && await db.Affectations.AnyAsync(a => a.UtilisateurId == utilisateur.Id && a.EtablissementId == portee.EtablissementId, ct))
        {
            return new([new(nameof(SaisieUtilisateur.Courriel), $"{courriel} a déjà accès à la console de l'établissement : changez son rôle dans la liste.")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        string? motDePasse = null;
        if (utilisateur is null)
        {
            motDePasse = MotDePasseInitial();
            utilisateur = new Utilisateur { UserName = courriel, Email = courriel, EmailConfirmed = true, NomAffiche = string.IsNullOrEmpty(nom) ? courriel! : nom };
            var creation = await utilisateurs.CreateAsync(utilisateur, motDePasse);
            if (!creation.Succeeded)
            {
                return new(creation.Errors.Select(e => new ErreurSaisie(nameof(SaisieUtilisateur.Courriel), e.Description)).ToList());
            }
        }

        var affectation = new Affectation(utilisateur.Id, portee.EtablissementId, saisie.Role);
        affectation.Classes.AddRange(classes.Select(c => new AffectationClasse(c.Id)));
        db.Affectations.Add(affectation);
        Consigner(portee, $"{courriel} ajouté : {Description(saisie.Role, classes)}{(motDePasse is null ? " (utilisateur déjà connu de la console)" : "")}.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new([], motDePasse);
    }

    /// <summary>Change le rôle et les classes d'un utilisateur dans l'établissement.</summary>
    public async Task<ResultatUtilisateur> ModifierAsync(Portee portee, string utilisateurId, RoleConsole role, IReadOnlyCollection<string> codesClasses, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        var affectation = await AffectationAsync(portee, utilisateurId, ct);
        var (classes, erreurClasses) = await ClassesAsync(portee, new SaisieUtilisateur(null, null, role, codesClasses), ct);
        if (erreurClasses is not null)
        {
            return new([erreurClasses]);
        }

        if (affectation.Role == RoleConsole.Directeur && role != RoleConsole.Directeur && !await AutreDirectionAsync(portee, utilisateurId, ct))
        {
            return new([new("", DirectionRequise)]);
        }

        affectation.ChangerRole(role);
        affectation.Classes.Clear();
        affectation.Classes.AddRange(classes.Select(c => new AffectationClasse(c.Id)));
        Consigner(portee, $"{await CourrielAsync(utilisateurId, ct)} : {Description(role, classes)}.");
        await FermerSessionsAsync(portee, utilisateurId, ct);
        await db.SaveChangesAsync(ct);
        return new([]);
    }

    /// <summary>Retire l'accès d'un utilisateur à l'établissement (son compte reste pour ses autres établissements).</summary>
    public async Task<ResultatUtilisateur> RetirerAsync(Portee portee, string utilisateurId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        var affectation = await AffectationAsync(portee, utilisateurId, ct);
        if (affectation.Role == RoleConsole.Directeur && !await AutreDirectionAsync(portee, utilisateurId, ct))
        {
            return new([new("", DirectionRequise)]);
        }

        db.Affectations.Remove(affectation);
        Consigner(portee, $"{await CourrielAsync(utilisateurId, ct)} n'a plus accès à la console de l'établissement.");
        await FermerSessionsAsync(portee, utilisateurId, ct);
        await db.SaveChangesAsync(ct);
        return new([]);
    }

    /// <summary>
    /// Lève le verrouillage (et les délais) d'un utilisateur de l'établissement après des échecs de connexion :
    /// une autre direction peut ainsi rendre la main à celle qu'un attaquant a verrouillée.
    /// </summary>
    public async Task<ResultatUtilisateur> DeverrouillerAsync(Portee portee, string utilisateurId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        await AffectationAsync(portee, utilisateurId, ct);
        var utilisateur = await utilisateurs.FindByIdAsync(utilisateurId) ?? throw new ErreurMetier("Cet utilisateur n'existe pas.", CodeErreur.Introuvable);
        Consigner(portee, $"{utilisateur.Email} déverrouillé après des échecs de connexion.");
        await connexion.DeverrouillerAsync(utilisateur, ct);
        return new([]);
    }

    /// <summary>
    /// Tire un nouveau mot de passe pour un utilisateur qui ne travaille que dans cet établissement (et le déverrouille) ;
    /// celui d'une personne présente dans d'autres établissements ne se change que par elle-même.
    /// </summary>
    public async Task<ResultatUtilisateur> ReinitialiserMotDePasseAsync(Portee portee, string utilisateurId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererUtilisateurs);
        await AffectationAsync(portee, utilisateurId, ct);
        if (await db.Affectations.AnyAsync(a => a.UtilisateurId == utilisateurId && a.EtablissementId != portee.EtablissementId, ct))
        {
            return new([new("", "Cette personne a aussi accès à un autre établissement : son mot de passe ne peut pas être réinitialisé d'ici. Elle peut le changer elle-même (« Mon mot de passe »).")]);
        }

        var utilisateur = await utilisateurs.FindByIdAsync(utilisateurId) ?? throw new ErreurMetier("Cet utilisateur n'existe pas.", CodeErreur.Introuvable);
        var motDePasse = MotDePasseInitial();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var jeton = await utilisateurs.GeneratePasswordResetTokenAsync(utilisateur);
        var resultat = await utilisateurs.ResetPasswordAsync(utilisateur, jeton, motDePasse);
        if (!resultat.Succeeded)
        {
            return new(resultat.Errors.Select(e => new ErreurSaisie("", e.Description)).ToList());
        }

        Consigner(portee, $"Nouveau mot de passe initial pour {utilisateur.Email}.");
        await connexion.DeverrouillerAsync(utilisateur, ct);
        await transaction.CommitAsync(ct);
        return new([], motDePasse);
    }

    private async Task<Affectation> AffectationAsync(Portee portee, string utilisateurId, CancellationToken ct) =>
        await db.Affectations.Include(a => a.Classes).SingleOrDefaultAsync(a => a.UtilisateurId == utilisateurId && a.EtablissementId == portee.EtablissementId, ct)
        ?? throw new ErreurMetier("Cet utilisateur n'a pas accès à la console de l'établissement.", CodeErreur.Introuvable);

    /// <summary>
    /// A new security stamp (written with the caller's change) ends every session of that user at once; the acting
    /// director changing his own role keeps his session (his context is rebuilt on every request anyway).
    /// </summary>
    private async Task FermerSessionsAsync(Portee portee, string utilisateurId, CancellationToken ct)
    {
        var utilisateur = await db.Users.SingleAsync(u => u.Id == utilisateurId, ct);
        if (!string.Equals(utilisateur.Email, portee.Auteur, StringComparison.OrdinalIgnoreCase))
        {
            utilisateur.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }

    private Task<bool> AutreDirectionAsync(Portee portee, string utilisateurId, CancellationToken ct) =>
        db.Affectations.AnyAsync(a => a.EtablissementId == portee.EtablissementId && a.Role == RoleConsole.Directeur && a.UtilisateurId != utilisateurId, ct);

    private async Task<string> CourrielAsync(string utilisateurId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == utilisateurId).Select(u => u.Email).SingleAsync(ct) ?? utilisateurId;

    /// <summary>Les classes d'un enseignant (au moins une, toutes de l'établissement) ; aucune pour les autres rôles.</summary>
    private async Task<(List<Classe> Classes, ErreurSaisie? Erreur)> ClassesAsync(Portee portee, SaisieUtilisateur saisie, CancellationToken ct)
    {
        if (!Autorisations.RolesConsole.Contains(saisie.Role))
        {
            return ([], new(nameof(SaisieUtilisateur.Role), "Choisissez un rôle : Directeur, Secrétaire ou Enseignant."));
        }

        if (saisie.Role != RoleConsole.Enseignant)
        {
            return ([], null);
        }

        var codes = saisie.Classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var classes = await db.Classes.Where(c => c.EtablissementId == portee.EtablissementId && codes.Contains(c.Code)).OrderBy(c => c.Code).ToListAsync(ct);
        if (codes.Count == 0)
        {
            return ([], new(nameof(SaisieUtilisateur.Classes), "Un enseignant voit seulement ses classes : choisissez-en au moins une."));
        }

        var inconnues = codes.Except(classes.Select(c => c.Code)).ToList();
        return inconnues.Count > 0
            ? ([], new(nameof(SaisieUtilisateur.Classes), $"Classe(s) inconnue(s) dans l'établissement : {string.Join(", ", inconnues)}."))
            : (classes, null);
    }

    private static string Description(RoleConsole role, List<Classe> classes) =>
        role.Libelle() + (classes.Count > 0 ? $", classes {string.Join(", ", classes.Select(c => c.Code))}" : "");

    private void Consigner(Portee portee, string details) =>
        EcritureJournal.Consigner(db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.GestionUtilisateurs, null, [], details);

    private static string MotDePasseInitial()
    {
        var brut = RandomNumberGenerator.GetString(Alphabet, 16);
        return string.Join('-', brut.Chunk(4).Select(g => new string(g)));
    }
}
