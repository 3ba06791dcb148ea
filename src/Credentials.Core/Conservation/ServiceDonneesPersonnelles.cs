using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Credentials.Core.Acces;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Conservation;

/// <summary>
/// Les droits d'une personne sur ses données (RGPD art. 15, 17 et 20) : tout ce que l'établissement détient sur elle,
/// lisible et réutilisable (JSON, PDF d'une page), et l'effacement d'un compte créé à la main. Réservé à la direction.
/// Jamais un mot de passe, un code ou une empreinte : seulement s'il y en a un en cours.
/// </summary>
public sealed class ServiceDonneesPersonnelles(CredentialsDbContext db, TimeProvider horloge)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Le compte de cet identifiant dans l'établissement, ou une erreur claire.</summary>
    public async Task<long> CompteAsync(Portee portee, string identifiant, CancellationToken ct = default)
    {
        var cherche = identifiant.Trim().ToLowerInvariant();
        return await db.Comptes.Where(c => c.EtablissementId == portee.EtablissementId && c.Identifiant == cherche).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new ErreurMetier($"Aucun compte n'a l'identifiant « {identifiant} » dans cet établissement.", CodeErreur.Introuvable);
    }

    /// <summary>Rassemble les données de la personne et consigne l'export au journal.</summary>
    public async Task<DonneesPersonne> ExporterAsync(Portee portee, long compteId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.DonneesPersonnelles);
        var compte = await db.Comptes.AsNoTracking().Include(c => c.Classe).Include(c => c.Etablissement)
            .SingleOrDefaultAsync(c => c.Id == compteId && c.EtablissementId == portee.EtablissementId, ct)
            ?? throw new ErreurMetier("Ce compte n'existe pas (ou plus) dans l'établissement.", CodeErreur.Introuvable);

        var liens = (await db.Responsabilites.AsNoTracking()
            .Where(r => r.EleveId == compteId || r.ResponsableId == compteId)
            .Select(r => new
            {
                EstEnfant = r.ResponsableId == compteId,
                Prenom = r.ResponsableId == compteId ? r.Eleve.Prenom : r.Responsable.Prenom,
                Nom = r.ResponsableId == compteId ? r.Eleve.Nom : r.Responsable.Nom,
                Identifiant = r.ResponsableId == compteId ? r.Eleve.Identifiant : r.Responsable.Identifiant,
                r.Lien,
                r.RangLegal,
            })
            .ToListAsync(ct))
            .Select(r => new LienPersonne(r.EstEnfant ? "enfant" : "responsable", r.Prenom, r.Nom, r.Identifiant, r.Lien.Libelle(), r.RangLegal))
            .ToList();
        var evenements = (await db.EvenementComptes.AsNoTracking().Where(l => l.CompteId == compteId)
            .Select(l => l.Evenement).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct))
            .Select(e => new EvenementPersonne(e.Date, e.Action.Libelle(), e.Auteur, e.Canal?.Code(), e.Details)).ToList();
        var courriels = (await db.Set<MessageSortant>().AsNoTracking()
            .Where(m => m.CompteId == compteId || m.Comptes.Any(c => c.CompteId == compteId))
            .OrderBy(m => m.CreeLe).ThenBy(m => m.Id)
            .Select(m => new { m.CreeLe, m.Destinataire, m.Sujet, m.Statut, m.EnvoyeLe })
            .ToListAsync(ct))
            .Select(m => new MessagePersonne(m.CreeLe, m.Destinataire, m.Sujet, m.Statut.ToString(), m.EnvoyeLe)).ToList();

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var donnees = new DonneesPersonne(
            maintenant,
            new EtablissementPersonne(compte.Etablissement.Uai, compte.Etablissement.Nom, compte.Etablissement.ContactDonneesPersonnelles),
            new IdentitePersonne(compte.Profil.Libelle(), compte.Nom, compte.Prenom, compte.Civilite, compte.DateNaissance, compte.Courriel, compte.Ine),
            new ComptePersonne(
                compte.Identifiant,
                compte.Origine.Libelle(),
                compte.Etat.Libelle(),
                compte.Bloque,
                compte.MotDePasseProvisoireChiffre is not null,
                compte.DateCreation,
                compte.DateNotification,
                compte.DateActivation,
                compte.DateDerniereConnexion,
                compte.DateSortie,
                compte.FinValidite,
                compte.BloqueLe,
                compte.BloquePar,
                compte.MotifBlocage),
            new ScolaritePersonne(compte.Classe?.Code, compte.CodeMef, compte.LibelleMef, compte.Externe, compte.EtablissementRattachement),
            liens,
            evenements,
            courriels);

        EcritureJournal.Consigner(db, portee, maintenant, ActionJournal.ExportPersonne, Canal.Json, [compteId], "Données personnelles remises à la personne (RGPD art. 15 et 20)");
        await db.SaveChangesAsync(ct);
        return donnees;
    }

    public static byte[] EnJson(DonneesPersonne donnees) => JsonSerializer.SerializeToUtf8Bytes(donnees, Json);

    /// <summary>
    /// Efface sur demande (RGPD art. 17) un compte créé à la main. Un compte importé suit l'annuaire fédérateur :
    /// il est refusé ici et sera supprimé trois mois après la sortie de la personne.
    /// </summary>
    public async Task<long> EffacerAsync(Portee portee, long compteId, int versionAttendue, CancellationToken ct = default)
    {
        portee.Exiger(Operation.DonneesPersonnelles);
        var compte = await db.Comptes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == compteId && c.EtablissementId == portee.EtablissementId, ct)
            ?? throw new ErreurMetier("Ce compte n'existe pas (ou plus) dans l'établissement.", CodeErreur.Introuvable);
        if (compte.Origine != OrigineCompte.CreationManuelle)
        {
            throw new ErreurMetier(MessageCompteImporte);
        }

        if (compte.Version != versionAttendue)
        {
            throw new ErreurMetier("Ce compte a été modifié entre-temps : rechargez la page avant de l'effacer.", CodeErreur.Concurrence);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SuppressionComptes.SupprimerAsync(db, [compteId], ct);
        EcritureJournal.Consigner(
            db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.EffacementCompte, null, [],
            $"{SuppressionComptes.Libelle(compteId)} ({compte.Profil.EnMinuscules()}, créé à la main) effacé à la demande de la personne (RGPD art. 17)");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return compteId;
    }

    /// <summary>L'établissement dont la notice du portail donne le contact (null : UAI absent ou inconnu, notice générale).</summary>
    public async Task<EtablissementPersonne?> NoticeAsync(string? uai, CancellationToken ct = default)
    {
        if (!Etablissement.UaiValide(uai?.Trim().ToUpperInvariant()))
        {
            return null;
        }

        var normalise = Etablissement.NormaliserUai(uai!);
        return await db.Etablissements.AsNoTracking().Where(e => e.Uai == normalise)
            .Select(e => new EtablissementPersonne(e.Uai, e.Nom, e.ContactDonneesPersonnelles ?? e.TexteContact))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Ce que la page d'un compte importé dit à la place du bouton d'effacement.</summary>
    public const string MessageCompteImporte =
        "Ce compte vient de l'annuaire fédérateur (SIECLE ou ONDE) : il suit l'annuaire et ne s'efface pas ici. Il est supprimé automatiquement trois mois après la sortie de la personne.";
}

/// <summary>Tout ce que l'établissement détient sur une personne (export RGPD).</summary>
public sealed record DonneesPersonne(
    DateTime ExporteLe,
    EtablissementPersonne Etablissement,
    IdentitePersonne Identite,
    ComptePersonne Compte,
    ScolaritePersonne Scolarite,
    IReadOnlyList<LienPersonne> Liens,
    IReadOnlyList<EvenementPersonne> Evenements,
    IReadOnlyList<MessagePersonne> Courriels);

public sealed record EtablissementPersonne(string Uai, string Nom, string? ContactDonneesPersonnelles);

public sealed record IdentitePersonne(string Profil, string Nom, string Prenom, string? Civilite, DateOnly? DateNaissance, string? Courriel, string? Ine);

/// <summary>L'état du compte ; <see cref="MotDePasseProvisoireEnCours"/> dit seulement s'il y en a un, jamais lequel.</summary>
public sealed record ComptePersonne(
    string Identifiant,
    string Origine,
    string Etat,
    bool Bloque,
    bool MotDePasseProvisoireEnCours,
    DateTime DateCreation,
    DateTime? DateNotification,
    DateTime? DateActivation,
    DateTime? DateDerniereConnexion,
    DateTime? DateSortie,
    DateOnly? FinValidite,
    DateTime? BloqueLe = null,
    string? BloquePar = null,
    string? MotifBlocage = null);

public sealed record ScolaritePersonne(string? Classe, string? CodeMef, string? LibelleMef, bool Externe, string? EtablissementRattachement);

/// <summary>« responsable » : un responsable de la personne ; « enfant » : un enfant dont elle est responsable.</summary>
public sealed record LienPersonne(string Role, string Prenom, string Nom, string Identifiant, string Lien, int RangLegal);

public sealed record EvenementPersonne(DateTime Date, string Action, string Auteur, string? Canal, string? Details);

public sealed record MessagePersonne(DateTime MisEnFileLe, string Destinataire, string Sujet, string Statut, DateTime? EnvoyeLe);
