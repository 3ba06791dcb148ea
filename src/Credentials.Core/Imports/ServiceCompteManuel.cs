using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Imports;

/// <summary>Ce qu'une personne saisit dans la console pour créer ou corriger un compte.</summary>
public sealed record SaisieCompte(Profil Profil, string? Nom, string? Prenom, DateOnly? DateNaissance, string? Courriel)
{
    /// <summary>Code de la classe (élèves seulement) ; elle doit exister dans l'établissement.</summary>
    public string? CodeClasse { get; init; }

    public string? Civilite { get; init; }

    /// <summary>La MEF de l'élève ; à défaut, celle de sa classe.</summary>
    public string? CodeMef { get; init; }

    /// <summary>La langue de la famille (code proposé par <see cref="Documents.TextesLangue"/>) ; vide : français seul.</summary>
    public string? Langue { get; init; }
    /// <summary>Dernier jour du compte (invité, remplaçant…) : il est supprimé trois mois plus tard (<c>Conservation:Sortants</c>).</summary>
    public DateOnly? FinValidite { get; init; }
}

public sealed record ResultatSaisie(Compte? Compte, IReadOnlyList<ErreurSaisie> Erreurs)
{
    public bool EstAccepte => Erreurs.Count == 0;
}

/// <summary>
/// La création et la correction de comptes à la main (origine « Création manuelle »), avec les mêmes règles que
/// les imports : nom et prénom obligatoires, courriel valide, date de naissance plausible, classe existante, pas de
/// doublon (même nom, même prénom, même date de naissance dans l'établissement).
/// </summary>
public sealed class ServiceCompteManuel(CredentialsDbContext db, TimeProvider horloge)
{
    private const int AgeMinEleve = 2;
    private const int AgeMaxEleve = 30;

    public async Task<ResultatSaisie> CreerAsync(Portee portee, SaisieCompte saisie, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererComptesManuels);
        var etablissement = await db.Etablissements.SingleAsync(e => e.Id == portee.EtablissementId, ct);
        var (erreurs, classe, courriel) = await ValiderAsync(portee.EtablissementId, saisie, null, ct);
        if (erreurs.Count > 0)
        {
            return new ResultatSaisie(null, erreurs);
        }

        var nom = TexteImport.Nettoyer(saisie.Nom)!;
        var prenom = TexteImport.Nettoyer(saisie.Prenom)!;
        var attribution = new AttributionIdentifiants();
        await attribution.PreparerAsync(db, [(prenom, nom)], ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var compte = new Compte(etablissement, saisie.Profil, nom, prenom, attribution.Attribuer(prenom, nom), OrigineCompte.CreationManuelle, maintenant);
        compte.ModifierIdentite(nom, prenom, saisie.DateNaissance, TexteImport.Civilite(saisie.Civilite));
        compte.ModifierCourriel(courriel);
        compte.DefinirLangue(saisie.Langue);
        if (saisie.FinValidite is not null)
        {
            compte.DefinirFinValidite(saisie.FinValidite);
        }

        if (classe is not null || saisie.CodeMef is not null)
        {
            compte.Scolariser(classe, saisie.CodeMef ?? classe?.CodeMef, saisie.CodeMef is null ? classe?.LibelleMef : null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Comptes.Add(compte);
        await db.SaveChangesAsync(ct);
        EcritureJournal.Consigner(db, portee, maintenant, ActionJournal.CreationCompte, null, [compte.Id], $"Création manuelle : {Description(compte, classe)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ResultatSaisie(compte, []);
    }

    /// <summary>
    /// Corrige un compte. <paramref name="versionAttendue"/> est la version affichée dans le formulaire : si le compte a
    /// changé depuis, rien n'est écrit. Un compte importé ne se corrige ici que pour son courriel (le reste viendrait
    /// du prochain import).
    /// </summary>
    public async Task<ResultatSaisie> ModifierAsync(Portee portee, long compteId, int versionAttendue, SaisieCompte saisie, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererComptesManuels);
        var compte = await db.Comptes.Include(c => c.Classe).SingleOrDefaultAsync(c => c.Id == compteId && c.EtablissementId == portee.EtablissementId, ct);
        if (compte is null)
        {
            return Refus("", "Ce compte n'existe pas dans l'établissement.");
        }

        if (compte.Version != versionAttendue)
        {
            return Refus("", "Ce compte a été modifié entre-temps : rechargez la page pour voir ses nouvelles données.");
        }

        if (saisie.Profil != compte.Profil)
        {
            return Refus(nameof(SaisieCompte.Profil), "Le profil d'un compte ne change pas : créez un autre compte.");
        }

        var (erreurs, classe, courriel) = await ValiderAsync(portee.EtablissementId, saisie, compte.Id, ct);
        if (erreurs.Count > 0)
        {
            return new ResultatSaisie(null, erreurs);
        }

        var nom = TexteImport.Nettoyer(saisie.Nom)!;
        var prenom = TexteImport.Nettoyer(saisie.Prenom)!;
        var civilite = TexteImport.Civilite(saisie.Civilite);
        var identite = nom != compte.Nom || prenom != compte.Prenom || saisie.DateNaissance != compte.DateNaissance || civilite != compte.Civilite;
        var scolarite = classe?.Id != compte.ClasseId || (saisie.CodeMef is not null && saisie.CodeMef != compte.CodeMef);
        if (compte.Origine == OrigineCompte.AnnuaireFederateur && (identite || scolarite))
        {
            return Refus(nameof(SaisieCompte.Nom), "Ce compte vient de l'annuaire fédérateur : son nom, sa date de naissance et sa classe se corrigent dans SIECLE ou ONDE puis par un nouvel import. Seuls le courriel et la langue se modifient ici.");
        }

        if (identite)
        {
            compte.ModifierIdentite(nom, prenom, saisie.DateNaissance, civilite);
        }

        if (courriel != compte.Courriel)
        {
            compte.ModifierCourriel(courriel);
        }

        if (Documents.TextesLangue.De(saisie.Langue)?.Code != compte.Langue)
        {
            compte.DefinirLangue(saisie.Langue);
        }

        if (compte.Origine == OrigineCompte.CreationManuelle && saisie.FinValidite != compte.FinValidite)
        {
            compte.DefinirFinValidite(saisie.FinValidite);
        }

        if (scolarite)
        {
            compte.Scolariser(classe, saisie.CodeMef ?? classe?.CodeMef, saisie.CodeMef is null ? classe?.LibelleMef : null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            EcritureJournal.Consigner(db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.ModificationCompte, null, [compte.Id], $"Modification : {Description(compte, classe)}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refus("", "Ce compte a été modifié entre-temps : rechargez la page pour voir ses nouvelles données.");
        }

        return new ResultatSaisie(compte, []);
    }

    /// <summary>Le compte à corriger (avec sa classe), s'il est dans l'établissement ; null sinon.</summary>
    public async Task<Compte?> CompteAsync(Portee portee, long compteId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.GererComptesManuels);
        return await db.Comptes.AsNoTracking().Include(c => c.Classe)
            .SingleOrDefaultAsync(c => c.Id == compteId && c.EtablissementId == portee.EtablissementId, ct);
    }

    private async Task<(List<ErreurSaisie>, Classe?, string?)> ValiderAsync(int etablissementId, SaisieCompte saisie, long? compteId, CancellationToken ct)
    {
        var erreurs = new List<ErreurSaisie>();
        var nom = TexteImport.Nettoyer(saisie.Nom);
        var prenom = TexteImport.Nettoyer(saisie.Prenom);
        Longueur(erreurs, nameof(SaisieCompte.Nom), "Le nom", nom, 100);
        Longueur(erreurs, nameof(SaisieCompte.Prenom), "Le prénom", prenom, 100);

        var courriel = TexteImport.NormaliserCourriel(saisie.Courriel, out var courrielValide);
        if (!courrielValide)
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieCompte.Courriel), $"« {saisie.Courriel!.Trim()} » n'est pas une adresse électronique valide (exemple : prenom.nom@exemple.fr)."));
        }

        ValiderNaissance(erreurs, saisie);
        if (!string.IsNullOrWhiteSpace(saisie.Langue) && !Documents.TextesLangue.EstProposee(saisie.Langue))
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieCompte.Langue), $"La langue « {saisie.Langue.Trim()} » n'est pas proposée : choisissez-en une dans la liste, ou « français seul »."));
        }

        Classe? classe = null;
        var code = TexteImport.Nettoyer(saisie.CodeClasse);
        if (code is not null && saisie.Profil != Profil.Eleve)
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieCompte.CodeClasse), "Seul un élève a une classe."));
        }
        else if (code is not null)
        {
            classe = await db.Classes.SingleOrDefaultAsync(c => c.EtablissementId == etablissementId && c.Code == code, ct);
            if (classe is null)
            {
                erreurs.Add(new ErreurSaisie(nameof(SaisieCompte.CodeClasse), $"La classe « {code} » n'existe pas dans l'établissement."));
            }
        }

        if (erreurs.Count == 0 && saisie.DateNaissance is { } naissance)
        {
            var cle = (TexteImport.CleNom(nom), TexteImport.CleNom(prenom));
            var memeDate = await db.Comptes.AsNoTracking()
                .Where(c => c.EtablissementId == etablissementId && c.DateNaissance == naissance && c.Id != (compteId ?? 0))
                .Select(c => new { c.Nom, c.Prenom, c.Identifiant })
                .ToListAsync(ct);
            var doublon = memeDate.FirstOrDefault(c => (TexteImport.CleNom(c.Nom), TexteImport.CleNom(c.Prenom)) == cle);
            if (doublon is not null)
            {
                erreurs.Add(new ErreurSaisie(nameof(SaisieCompte.Nom), $"Un compte existe déjà pour {doublon.Prenom} {doublon.Nom}, né(e) le {TexteImport.Date(naissance)} (identifiant « {doublon.Identifiant} »)."));
            }
        }

        return (erreurs, classe, courriel);
    }

    private void ValiderNaissance(List<ErreurSaisie> erreurs, SaisieCompte saisie)
    {
        var champ = nameof(SaisieCompte.DateNaissance);
        if (saisie.DateNaissance is not { } naissance)
        {
            if (saisie.Profil == Profil.Eleve)
            {
                erreurs.Add(new ErreurSaisie(champ, "La date de naissance d'un élève est obligatoire."));
            }

            return;
        }

        var aujourdhui = DateOnly.FromDateTime(Libelles.HeureLocale(horloge.GetUtcNow().UtcDateTime));
        var (min, max) = saisie.Profil == Profil.Eleve
            ? (aujourdhui.AddYears(-AgeMaxEleve), aujourdhui.AddYears(-AgeMinEleve))
            : (new DateOnly(1900, 1, 1), aujourdhui);
        if (naissance < min || naissance > max)
        {
            erreurs.Add(new ErreurSaisie(champ, saisie.Profil == Profil.Eleve
                ? $"La date de naissance « {TexteImport.Date(naissance)} » n'est pas plausible pour un élève (entre {AgeMinEleve} et {AgeMaxEleve} ans)."
                : $"La date de naissance « {TexteImport.Date(naissance)} » n'est pas plausible."));
        }
    }

    private static void Longueur(List<ErreurSaisie> erreurs, string champ, string libelle, string? valeur, int max)
    {
        if (valeur is null)
        {
            erreurs.Add(new ErreurSaisie(champ, $"{libelle} est obligatoire."));
        }
        else if (valeur.Length > max)
        {
            erreurs.Add(new ErreurSaisie(champ, $"{libelle} dépasse {max} caractères."));
        }
    }

    private static string Description(Compte compte, Classe? classe) =>
        $"{compte.NomComplet} ({compte.Profil.EnMinuscules()}{(classe is null ? "" : $", {classe.Code}")}), identifiant « {compte.Identifiant} »";

    private static ResultatSaisie Refus(string champ, string message) => new(null, [new ErreurSaisie(champ, message)]);
}
