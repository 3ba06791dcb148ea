using Credentials.Core.Acces;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Conservation;

/// <summary>Une catégorie de données et ce que la purge y a supprimé (ou supprimerait).</summary>
public sealed record LignePurge(string Categorie, int Nombre);

/// <summary>La purge d'un établissement ; <see cref="Ignore"/> : une autre instance l'a faite il y a peu.</summary>
public sealed record BilanPurge(string Uai, IReadOnlyList<LignePurge> Lignes, bool Ignore = false);

/// <summary>Une purge : par établissement, puis les fichiers du déploiement.</summary>
public sealed record ResultatPurge(bool Simulation, IReadOnlyList<BilanPurge> Etablissements, IReadOnlyList<LignePurge> Fichiers)
{
    /// <summary>Les nombres par catégorie, tous établissements confondus, dans l'ordre où la purge les rencontre.</summary>
    public IReadOnlyList<LignePurge> Totaux => Etablissements.SelectMany(e => e.Lignes).Concat(Fichiers)
        .GroupBy(l => l.Categorie).Select(g => new LignePurge(g.Key, g.Sum(l => l.Nombre))).ToList();
}

/// <summary>
/// Applique les durées de conservation (<see cref="OptionsConservation"/>) : comptes des sortants, journal, boîte
/// d'envoi, fichiers. Chaque établissement est purgé dans une transaction sous un verrou de base (verrou consultatif
/// sur PostgreSQL, transaction d'écriture exclusive sur SQLite) : deux instances ne purgent jamais en même temps, et
/// la seconde voit ce que la première a fait. Une simulation fait le même travail puis annule la transaction :
/// elle annonce exactement ce qu'une purge réelle supprimerait au même instant.
/// </summary>
public sealed class ServicePurge(
    CredentialsDbContext db,
    TimeProvider horloge,
    IOptions<OptionsConservation> options,
    IEnumerable<IPurgeComplementaire> complements,
    ILogger<ServicePurge> logger)
{
    /// <summary>Clé du verrou consultatif PostgreSQL de la purge (« CRED » puis 1).</summary>
    private const long CleVerrou = 0x4352_4544_0001;

    private readonly OptionsConservation duree = options.Value;

    /// <param name="uai">Un seul établissement (sans les fichiers, communs au déploiement), ou tous.</param>
    /// <param name="simulation">Compter sans rien supprimer.</param>
    /// <param name="auteur">« cli » ou « purge automatique », inscrit au journal.</param>
    /// <param name="seulementSiDue">Sauter un établissement purgé depuis moins d'une demi-période (purge automatique).</param>
    /// <param name="ct">Annulation.</param>
    public async Task<ResultatPurge> PurgerAsync(string? uai, bool simulation, string auteur, bool seulementSiDue = false, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var requete = db.Etablissements.AsNoTracking();
        if (uai is not null)
        {
            var normalise = Etablissement.NormaliserUai(uai);
            requete = requete.Where(e => e.Uai == normalise);
        }

        var etablissements = await requete.OrderBy(e => e.Id).Select(e => new { e.Id, e.Uai }).ToListAsync(ct);
        if (uai is not null && etablissements.Count == 0)
        {
            throw new ErreurMetier($"Aucun établissement n'a l'UAI « {uai} ».", CodeErreur.Introuvable);
        }

        var bilans = new List<BilanPurge>();
        foreach (var e in etablissements)
        {
            bilans.Add(await PurgerEtablissementAsync(e.Id, e.Uai, maintenant, simulation, auteur, seulementSiDue, ct));
        }

        var fichiers = new List<LignePurge>();
        if (uai is null)
        {
            foreach (var complement in complements)
            {
                fichiers.Add(new LignePurge(complement.Categorie, await complement.PurgerAsync(maintenant, simulation, ct)));
            }
        }

        var resultat = new ResultatPurge(simulation, bilans, fichiers);
        logger.LogInformation(
            "Retention purge ({Mode}): {Schools} schools, {Counts}",
            simulation ? "dry run" : "applied",
            bilans.Count(b => !b.Ignore),
            string.Join(", ", resultat.Totaux.Select(l => $"{l.Categorie}={l.Nombre}")));
        return resultat;
    }

    private async Task<BilanPurge> PurgerEtablissementAsync(int id, string uai, DateTime maintenant, bool simulation, string auteur, bool seulementSiDue, CancellationToken ct)
    {
        await using var transaction = await VerrouillerAsync(ct);
        if (seulementSiDue)
        {
            var depuis = maintenant - (duree.Periode / 2);
            if (await db.Evenements.AnyAsync(e => e.EtablissementId == id && e.Action == ActionJournal.Purge && e.Date > depuis, ct))
            {
                return new BilanPurge(uai, [], Ignore: true);
            }
        }

        var lignes = new List<LignePurge>();
        lignes.AddRange(await SortantsAsync(id, maintenant, ct));
        var limiteJournal = maintenant - duree.Journal;
        lignes.Add(new LignePurge(
            CategoriesPurge.Journal,
            await db.Evenements.Where(e => e.EtablissementId == id && e.Date < limiteJournal).ExecuteDeleteAsync(ct)));
        lignes.AddRange(await BoiteEnvoiAsync(id, maintenant, ct));

        if (simulation)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            var details = string.Join(" ; ", lignes.Select(l => $"{l.Categorie} : {l.Nombre}"));
            EcritureJournal.Consigner(db, Portee.Cli(id) with { Auteur = auteur }, maintenant, ActionJournal.Purge, null, [], details);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new BilanPurge(uai, lignes);
    }

    /// <summary>Les comptes à supprimer : sortis, responsables dont tous les enfants sont sortis, comptes manuels échus.</summary>
    private async Task<IEnumerable<LignePurge>> SortantsAsync(int id, DateTime maintenant, CancellationToken ct)
    {
        var limite = maintenant - duree.Sortants;
        var jourLimite = DateOnly.FromDateTime(limite);
        var sortants = await db.Comptes.AsNoTracking()
            .Where(c => c.EtablissementId == id
                && ((c.DateSortie != null && c.DateSortie <= limite)
                    || (c.Origine == OrigineCompte.CreationManuelle && c.FinValidite != null && c.FinValidite < jourLimite)
                    || (c.Profil == Profil.Responsable && c.DateSortie == null && c.Enfants.Any()
                        && c.Enfants.All(r => r.Eleve.DateSortie != null && r.Eleve.DateSortie <= limite))))
            .Select(c => new { c.Id, c.Profil })
            .ToListAsync(ct);
        await SuppressionComptes.SupprimerAsync(db, sortants.Select(c => c.Id).ToList(), ct);
        return
        [
            new(CategoriesPurge.ElevesSortis, sortants.Count(c => c.Profil == Profil.Eleve)),
            new(CategoriesPurge.ResponsablesSortis, sortants.Count(c => c.Profil == Profil.Responsable)),
            new(CategoriesPurge.AutresSortis, sortants.Count(c => c.Profil is not Profil.Eleve and not Profil.Responsable)),
        ];
    }

    /// <summary>Les corps (mots de passe provisoires chiffrés) dès l'envoi ou l'abandon ; les lignes après leur durée.</summary>
    private async Task<IEnumerable<LignePurge>> BoiteEnvoiAsync(int id, DateTime maintenant, CancellationToken ct)
    {
        var messages = db.Set<MessageSortant>().Where(m => m.EtablissementId == id);
        var corps = await messages
            .Where(m => (m.Statut == StatutMessage.Envoye || m.Statut == StatutMessage.Abandonne)
                && (m.CorpsTexte != "" || m.CorpsHtml != "" || m.PiecesJointes != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CorpsTexte, "").SetProperty(m => m.CorpsHtml, "").SetProperty(m => m.PiecesJointes, (string?)null).SetProperty(m => m.CorpsChiffres, false), ct);
        var limite = maintenant - duree.Messages;
        var lignes = await messages
            .Where(m => m.CreeLe < limite && (m.Statut == StatutMessage.Envoye || m.Statut == StatutMessage.Abandonne))
            .ExecuteDeleteAsync(ct);
        var campagnes = await db.Set<Campagne>()
            .Where(c => c.EtablissementId == id && c.CreeLe < limite && !db.Set<MessageSortant>().Any(m => m.CampagneId == c.Id))
            .ExecuteDeleteAsync(ct);
        return [new(CategoriesPurge.CorpsCourriels, corps), new(CategoriesPurge.Courriels, lignes), new(CategoriesPurge.Campagnes, campagnes)];
    }

    private async Task<IDbContextTransaction> VerrouillerAsync(CancellationToken ct)
    {
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, so the transaction is the single writer
        // from its first statement. PostgreSQL: an advisory lock released with the transaction.
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CleVerrou})", ct);
        }

        return transaction;
    }
}

/// <summary>Les catégories que la purge annonce, au journal et sur la ligne de commande.</summary>
public static class CategoriesPurge
{
    public const string ElevesSortis = "Comptes d'élèves sortis ou échus";
    public const string ResponsablesSortis = "Comptes de responsables sortis ou sans enfant scolarisé";
    public const string AutresSortis = "Autres comptes sortis ou échus";
    public const string Journal = "Entrées du journal";
    public const string CorpsCourriels = "Contenus de courriels envoyés ou abandonnés";
    public const string Courriels = "Courriels";
    public const string Campagnes = "Campagnes d'envoi";
}
