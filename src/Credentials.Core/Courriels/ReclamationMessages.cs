using System.Data;
using System.Data.Common;
using Credentials.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Courriels;

/// <summary>
/// Réserve les messages dus pour un travailleur : statut EnCours, bail à son nom jusqu'à une échéance.
/// Sont dus : les messages en attente ou en échec passager dont l'heure est venue, et ceux dont le bail
/// a expiré (expéditeur tombé en plein lot).
/// <para>
/// ══ PROVIDER-SPECIFIC SQL — the one marked spot of the project (architecture.md) ══
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so that any number of instances claim disjoint batches
/// without waiting on each other; SQL Server: the same with <c>WITH (UPDLOCK, READPAST, ROWLOCK)</c> on an
/// updatable CTE and <c>OUTPUT inserted.Id</c>. Every other provider (SQLite: one dispatcher per database) uses a
/// provider-neutral conditional UPDATE, which is correct but makes concurrent claimers collide.
/// </para>
/// </summary>
internal static class ReclamationMessages
{
    internal const string SqlPostgres = $"""
        UPDATE "MessagesSortants"
        SET "Statut" = '{nameof(StatutMessage.EnCours)}', "BailProprietaire" = @proprietaire, "BailJusqua" = @bail
        WHERE "Id" IN (
            SELECT "Id" FROM "MessagesSortants"
            WHERE ("Statut" IN ('{nameof(StatutMessage.EnAttente)}', '{nameof(StatutMessage.EnEchec)}') AND "ProchaineTentative" <= @maintenant)
               OR ("Statut" = '{nameof(StatutMessage.EnCours)}' AND "BailJusqua" <= @maintenant)
            ORDER BY "ProchaineTentative", "Id"
            LIMIT @nombre
            FOR UPDATE SKIP LOCKED)
        RETURNING "Id"
        """;

    internal const string SqlSqlServer = $"""
        WITH dus AS (
            SELECT TOP (@nombre) [Id], [Statut], [BailProprietaire], [BailJusqua]
            FROM [MessagesSortants] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE ([Statut] IN (N'{nameof(StatutMessage.EnAttente)}', N'{nameof(StatutMessage.EnEchec)}') AND [ProchaineTentative] <= @maintenant)
               OR ([Statut] = N'{nameof(StatutMessage.EnCours)}' AND [BailJusqua] <= @maintenant)
            ORDER BY [ProchaineTentative], [Id])
        UPDATE dus
        SET [Statut] = N'{nameof(StatutMessage.EnCours)}', [BailProprietaire] = @proprietaire, [BailJusqua] = @bail
        OUTPUT inserted.[Id];
        """;

    public static Task<List<long>> ReclamerAsync(CredentialsDbContext db, string proprietaire, DateTime maintenant, DateTime bail, int nombre, CancellationToken ct) =>
        db.Database.IsNpgsql() ? VerrouillantAsync(db, SqlPostgres, proprietaire, maintenant, bail, nombre, ct)
        : db.Database.IsSqlServer() ? VerrouillantAsync(db, SqlSqlServer, proprietaire, maintenant, bail, nombre, ct)
        : ConditionnelAsync(db, proprietaire, maintenant, bail, nombre, ct);

    private static async Task<List<long>> VerrouillantAsync(CredentialsDbContext db, string sql, string proprietaire, DateTime maintenant, DateTime bail, int nombre, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var commande = db.Database.GetDbConnection().CreateCommand();
            commande.CommandText = sql;
            // datetime2 on SQL Server; timestamptz on PostgreSQL (the parameter's own type there).
            var instant = db.Database.IsSqlServer() ? DbType.DateTime2 : (DbType?)null;
            Parametre(commande, "@proprietaire", proprietaire, null);
            Parametre(commande, "@bail", bail, instant);
            Parametre(commande, "@maintenant", maintenant, instant);
            Parametre(commande, "@nombre", nombre, null);
            var ids = new List<long>(nombre);
            await using var lecteur = await commande.ExecuteReaderAsync(ct);
            while (await lecteur.ReadAsync(ct))
            {
                ids.Add(lecteur.GetInt64(0));
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Parametre(DbCommand commande, string nom, object valeur, DbType? type)
    {
        var parametre = commande.CreateParameter();
        parametre.ParameterName = nom;
        parametre.Value = valeur;
        if (type is { } t)
        {
            parametre.DbType = t;
        }

        commande.Parameters.Add(parametre);
    }

    private static async Task<List<long>> ConditionnelAsync(CredentialsDbContext db, string proprietaire, DateTime maintenant, DateTime bail, int nombre, CancellationToken ct)
    {
        var messages = db.Set<MessageSortant>();
        var dus = messages.Where(m =>
            ((m.Statut == StatutMessage.EnAttente || m.Statut == StatutMessage.EnEchec) && m.ProchaineTentative <= maintenant)
            || (m.Statut == StatutMessage.EnCours && m.BailJusqua <= maintenant));
        var candidats = await dus.OrderBy(m => m.ProchaineTentative).ThenBy(m => m.Id).Select(m => m.Id).Take(nombre).ToListAsync(ct);
        if (candidats.Count == 0)
        {
            return candidats;
        }

        // The condition is evaluated again inside the UPDATE: a row another claimer took in between no longer matches.
        await dus.Where(m => candidats.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Statut, StatutMessage.EnCours).SetProperty(m => m.BailProprietaire, proprietaire).SetProperty(m => m.BailJusqua, bail),
            ct);
        return await messages
            .Where(m => candidats.Contains(m.Id) && m.Statut == StatutMessage.EnCours && m.BailProprietaire == proprietaire && m.BailJusqua == bail)
            .Select(m => m.Id)
            .ToListAsync(ct);
    }
}
