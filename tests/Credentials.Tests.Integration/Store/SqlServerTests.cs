using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Store;

/// <summary>
/// A test that needs a real SQL Server: it runs where CREDENTIALS_TEST_SQLSERVER holds a connection
/// string to a server (the test creates and drops its own database), and is reported as skipped,
/// with this reason, everywhere else. There is no SQL Server engine on the development machines.
/// </summary>
public sealed class FactSqlServerAttribute : FactAttribute
{
    public FactSqlServerAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CREDENTIALS_TEST_SQLSERVER")))
        {
            Skip = "Not run: CREDENTIALS_TEST_SQLSERVER does not name a SQL Server (none on this machine).";
        }
    }
}

/// <summary>SQL Server, the third provider: the SQL written by hand, checked here; live where a server exists.</summary>
public class SqlServerTests
{
    [Fact]
    public void L_ecriture_groupee_nomme_les_colonnes_de_values_sur_sql_server_et_seulement_la()
    {
        using var sqlServer = FabriqueContexteConception.SansConnexion(FournisseurBase.SqlServer);
        using var sqlite = FabriqueContexteConception.SansConnexion(FournisseurBase.Sqlite);

        Assert.Equal(
            "UPDATE [Comptes] SET [Etat] = v.column3 FROM (VALUES (@p0, @p1, @p2)) AS v (column1, column2, column3) WHERE [Comptes].[Id] = v.column1 AND [Comptes].[Version] = v.column2",
            EcritureEnLot.TexteMiseAJour(sqlServer, "[Comptes]", "[Etat] = v.column3", "(@p0, @p1, @p2)", 3, "[Id]", "[Version]"));
        Assert.Equal(
            "UPDATE \"Comptes\" SET \"Etat\" = v.column3 FROM (VALUES (@p0, @p1, @p2)) AS v WHERE \"Comptes\".\"Id\" = v.column1 AND \"Comptes\".\"Version\" = v.column2",
            EcritureEnLot.TexteMiseAJour(sqlite, "\"Comptes\"", "\"Etat\" = v.column3", "(@p0, @p1, @p2)", 3, "\"Id\"", "\"Version\""));
    }

    [Fact]
    public void L_insertion_groupee_rend_les_cles_par_OUTPUT_sur_sql_server_et_par_RETURNING_ailleurs()
    {
        using var sqlServer = FabriqueContexteConception.SansConnexion(FournisseurBase.SqlServer);
        using var postgres = FabriqueContexteConception.SansConnexion(FournisseurBase.Postgres);

        Assert.Equal(
            "INSERT INTO [Classes] ([Code], [Libelle]) OUTPUT INSERTED.[Id], INSERTED.[Code] VALUES (@p0, @p1), (@p2, @p3)",
            EcritureEnLot.TexteInsertion(sqlServer, "[Classes]", ["[Code]", "[Libelle]"], ["[Id]", "[Code]"], 2));
        Assert.Equal(
            "INSERT INTO \"Classes\" (\"Code\", \"Libelle\") VALUES (@p0, @p1), (@p2, @p3) RETURNING \"Id\", \"Code\"",
            EcritureEnLot.TexteInsertion(postgres, "\"Classes\"", ["\"Code\"", "\"Libelle\""], ["\"Id\"", "\"Code\""], 2));
    }

    [Fact]
    public void La_reclamation_sql_server_porte_sur_les_colonnes_du_modele()
    {
        // The hand-written claim names tables and columns: they must be the ones SQL Server's model maps.
        using var db = FabriqueContexteConception.SansConnexion(FournisseurBase.SqlServer);
        var type = db.Model.FindEntityType(typeof(MessageSortant))!;
        Assert.Contains($"FROM [{type.GetTableName()}] WITH (UPDLOCK, READPAST, ROWLOCK)", ReclamationMessages.SqlSqlServer);
        foreach (var propriete in new[] { nameof(MessageSortant.Id), nameof(MessageSortant.Statut), nameof(MessageSortant.BailProprietaire), nameof(MessageSortant.BailJusqua), nameof(MessageSortant.ProchaineTentative) })
        {
            Assert.Contains($"[{type.FindProperty(propriete)!.GetColumnName()}]", ReclamationMessages.SqlSqlServer);
        }
    }

    [FactSqlServer]
    public async Task Sur_sql_server_la_base_migree_reclame_et_ecrit_comme_les_autres()
    {
        var serveur = Environment.GetEnvironmentVariable("CREDENTIALS_TEST_SQLSERVER")!;
        var nom = "t_" + Guid.NewGuid().ToString("N")[..16];
        var chaine = new SqlConnectionStringBuilder(serveur) { InitialCatalog = nom }.ConnectionString;
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, FournisseurBase.SqlServer, chaine);
        try
        {
            await using var db = new CredentialsDbContext(options.Options);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var maintenant = DateTime.UtcNow;
            Assert.Empty(await ReclamationMessages.ReclamerAsync(db, "test/1", maintenant, maintenant.AddMinutes(5), 10, CancellationToken.None));
            Assert.Equal(0, await db.Comptes.CountAsync(c => c.Recherche.Contains("eleve")));

            // The grouped insertion of imports, keys given back by OUTPUT INSERTED.
            var etablissement = new Core.Domain.Etablissement("0999999Z", "Collège d'essai");
            var classes = new[] { "6A", "6B", "5A" }.Select(c => new Core.Domain.Classe(etablissement, c)).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await EcritureEnLot.InsererAsync(db, [etablissement], [nameof(Core.Domain.Etablissement.Uai)], default);
                await EcritureEnLot.InsererAsync(db, classes, [nameof(Core.Domain.Classe.Code)], default);
                await transaction.CommitAsync();
            }

            var lues = await db.Classes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => (c.Id, c.EtablissementId));
            Assert.All(classes, c => Assert.Equal((c.Id, etablissement.Id), lues[c.Code]));
        }
        finally
        {
            await using var connexion = new SqlConnection(serveur);
            await connexion.OpenAsync();
            await using var commande = new SqlCommand($"IF DB_ID('{nom}') IS NOT NULL BEGIN ALTER DATABASE [{nom}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{nom}]; END", connexion);
            await commande.ExecuteNonQueryAsync();
        }
    }
}
