using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Courriels;

/// <summary>Une campagne sur la page « Envois » : qui, quand, combien, et où en sont ses courriels.</summary>
public sealed record ResumeCampagne(
    long Id,
    TypeCampagne Type,
    string Libelle,
    string Auteur,
    DateTime CreeLe,
    int Comptes,
    int SansAdresse,
    int EnAttente,
    int EnCours,
    int Envoyes,
    int EnEchec,
    int Abandonnes)
{
    public int Total => EnAttente + EnCours + Envoyes + EnEchec + Abandonnes;

    /// <summary>Plus rien ne partira sans relance.</summary>
    public bool Terminee => EnAttente + EnCours + EnEchec == 0;
}

/// <summary>Un courriel d'une campagne ou d'un compte, avec son statut et la dernière réponse du serveur.</summary>
public sealed record LigneMessage(
    long Id,
    long CampagneId,
    string Destinataire,
    string? NomDestinataire,
    string Sujet,
    StatutMessage Statut,
    int Tentatives,
    DateTime CreeLe,
    DateTime ProchaineTentative,
    DateTime? DerniereTentativeLe,
    DateTime? EnvoyeLe,
    string? DerniereErreur,
    long? CompteId = null,
    string? IdentifiantCompte = null);

/// <summary>L'avancement d'une campagne : « 812 envoyés sur 1 000 ».</summary>
public sealed record Progression(int Envoyes, int Total, int EnEchec, int Abandonnes)
{
    public bool Terminee => Envoyes + Abandonnes == Total;
}

/// <summary>
/// Ce que la page « Envois » lit et relance. Toujours dans l'établissement de la portée ; un enseignant
/// ne voit que ses propres campagnes, et les courriels des comptes de ses classes.
/// </summary>
public sealed class SuiviEnvois(CredentialsDbContext db, TimeProvider horloge, ReveilExpedition reveil)
{
    public async Task<IReadOnlyList<ResumeCampagne>> CampagnesAsync(Portee portee, int page = 1, int taille = 20, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var campagnes = await Campagnes(portee)
            .OrderByDescending(c => c.CreeLe).ThenByDescending(c => c.Id)
            .Skip((Math.Max(page, 1) - 1) * taille).Take(taille)
            .ToListAsync(ct);
        return await ResumerAsync(campagnes, ct);
    }

    public async Task<ResumeCampagne> CampagneAsync(Portee portee, long campagneId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        return (await ResumerAsync([await TrouverAsync(portee, campagneId, ct)], ct))[0];
    }

    public async Task<Progression> ProgressionAsync(Portee portee, long campagneId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var resume = await CampagneAsync(portee, campagneId, ct);
        return new Progression(resume.Envoyes, resume.Total, resume.EnEchec, resume.Abandonnes);
    }

    /// <summary>Les courriels d'une campagne, filtrés par statut si demandé, échecs d'abord.</summary>
    public async Task<IReadOnlyList<LigneMessage>> MessagesAsync(Portee portee, long campagneId, StatutMessage? statut = null, int page = 1, int taille = 50, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        await TrouverAsync(portee, campagneId, ct);
        var messages = db.Set<MessageSortant>().AsNoTracking().Where(m => m.CampagneId == campagneId && m.EtablissementId == portee.EtablissementId);
        if (statut is { } s)
        {
            messages = messages.Where(m => m.Statut == s);
        }

        return await Lignes(messages
                .OrderBy(m => m.Statut == StatutMessage.Abandonne ? 0 : m.Statut == StatutMessage.EnEchec ? 1 : 2)
                .ThenBy(m => m.NomDestinataire).ThenBy(m => m.Id)
                .Skip((Math.Max(page, 1) - 1) * taille).Take(taille))
            .ToListAsync(ct);
    }

    /// <summary>Les courriels qui ont porté les identifiants d'un compte (le sien, ou celui de ses responsables), du plus récent au plus ancien.</summary>
    public async Task<IReadOnlyList<LigneMessage>> MessagesDuCompteAsync(Portee portee, long compteId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var profil = await db.Comptes.AsNoTracking().Where(c => c.Id == compteId && c.EtablissementId == portee.EtablissementId).Select(c => (Profil?)c.Profil).SingleOrDefaultAsync(ct);
        if (profil is null || !await db.Comptes.Filtrer(portee, new CriteresComptes { Profil = profil.Value, Ids = [compteId] }).AnyAsync(ct))
        {
            throw new ErreurMetier("Ce compte n'existe pas ou n'est pas dans votre périmètre.", CodeErreur.Introuvable);
        }

        return await Lignes(db.Set<MessageSortant>().AsNoTracking()
                .Where(m => m.EtablissementId == portee.EtablissementId && m.Comptes.Any(c => c.CompteId == compteId))
                .OrderByDescending(m => m.CreeLe).ThenByDescending(m => m.Id))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Remet en file les courriels en échec ou abandonnés d'une campagne, comme neufs (nouvelle durée de vie,
    /// délais de nouvelle tentative repartant d'une minute) ; la dernière erreur reste visible. Consigné au journal.
    /// </summary>
    public async Task<int> RelancerEchecsAsync(Portee portee, long campagneId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.RelancerEchecs);
        var campagne = await TrouverAsync(portee, campagneId, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var echecs = db.Set<MessageSortant>().Where(m =>
            m.CampagneId == campagneId && m.EtablissementId == portee.EtablissementId
            && (m.Statut == StatutMessage.EnEchec || m.Statut == StatutMessage.Abandonne)
            // The retention purge erases an abandoned message's body (it held a password): such a message can't go again.
            && m.CorpsTexte != "");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var comptes = await echecs.SelectMany(m => m.Comptes.Select(c => c.CompteId)).Distinct().ToListAsync(ct);
        var relances = await echecs.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Statut, StatutMessage.EnAttente).SetProperty(m => m.Tentatives, 0).SetProperty(m => m.ProchaineTentative, maintenant).SetProperty(m => m.EnFileDepuis, maintenant),
            ct);
        if (relances > 0)
        {
            EcritureJournal.Consigner(db, portee, maintenant, ActionJournal.EnvoiCourriel, Canal.Courriel, comptes, $"Nouvelle tentative de {relances} courriel(s) de la campagne « {campagne.Libelle} »");
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        reveil.Signaler();
        return relances;
    }

    private IQueryable<Campagne> Campagnes(Portee portee)
    {
        var campagnes = db.Set<Campagne>().AsNoTracking().Where(c => c.EtablissementId == portee.EtablissementId);
        return portee.EstEnseignant ? campagnes.Where(c => c.Auteur == portee.Auteur) : campagnes;
    }

    private async Task<Campagne> TrouverAsync(Portee portee, long campagneId, CancellationToken ct) =>
        await Campagnes(portee).SingleOrDefaultAsync(c => c.Id == campagneId, ct)
        ?? throw new ErreurMetier("Cet envoi n'existe pas ou n'est pas dans votre périmètre.", CodeErreur.Introuvable);

    private async Task<IReadOnlyList<ResumeCampagne>> ResumerAsync(List<Campagne> campagnes, CancellationToken ct)
    {
        var ids = campagnes.Select(c => c.Id).ToList();
        var parStatut = (await db.Set<MessageSortant>().AsNoTracking()
                .Where(m => ids.Contains(m.CampagneId))
                .GroupBy(m => new { m.CampagneId, m.Statut })
                .Select(g => new { g.Key.CampagneId, g.Key.Statut, Nombre = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(g => (g.CampagneId, g.Statut), g => g.Nombre);
        int N(long id, StatutMessage statut) => parStatut.GetValueOrDefault((id, statut));
        return campagnes.Select(c => new ResumeCampagne(
                c.Id, c.Type, c.Libelle, c.Auteur, c.CreeLe, c.NombreComptes, c.NombreSansAdresse,
                N(c.Id, StatutMessage.EnAttente), N(c.Id, StatutMessage.EnCours), N(c.Id, StatutMessage.Envoye), N(c.Id, StatutMessage.EnEchec), N(c.Id, StatutMessage.Abandonne)))
            .ToList();
    }

    private IQueryable<LigneMessage> Lignes(IQueryable<MessageSortant> messages) => messages.Select(m => new LigneMessage(
        m.Id, m.CampagneId, m.Destinataire, m.NomDestinataire, m.Sujet, m.Statut, m.Tentatives, m.CreeLe, m.ProchaineTentative, m.DerniereTentativeLe, m.EnvoyeLe, m.DerniereErreur,
        m.CompteId, db.Comptes.Where(c => c.Id == m.CompteId).Select(c => c.Identifiant).FirstOrDefault()));
}
