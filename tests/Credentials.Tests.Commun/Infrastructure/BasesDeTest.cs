using Credentials.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// Throwaway databases for tests: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL cluster that scripts/test.sh starts (CREDENTIALS_TEST_PG). A PostgreSQL test fails,
/// never skips, when that cluster is missing.
/// </summary>
public sealed class BaseDeTest : IAsyncDisposable
{
    private readonly string? dossier;
    private readonly string? basePg;

    private BaseDeTest(FournisseurBase fournisseur, string chaine, string? dossier, string? basePg)
    {
        Fournisseur = fournisseur;
        Chaine = chaine;
        this.dossier = dossier;
        this.basePg = basePg;
    }

    public FournisseurBase Fournisseur { get; }

    public string Chaine { get; }

    public static TheoryData<FournisseurBase> Fournisseurs => new() { FournisseurBase.Sqlite, FournisseurBase.Postgres };

    public static string ChainePostgresServeur =>
        Environment.GetEnvironmentVariable("CREDENTIALS_TEST_PG")
        ?? throw new InvalidOperationException(
            "CREDENTIALS_TEST_PG is not set: run the tests with ./scripts/test.sh, which starts a PostgreSQL cluster.");

    /// <summary>Une base vide de ce fournisseur ; si <paramref name="creer"/> est faux, une base PostgreSQL qui n'existe pas encore (supprimée à la fin si elle a été créée).</summary>
    public static async Task<BaseDeTest> CreerAsync(FournisseurBase fournisseur, bool creer = true)
    {
        if (fournisseur == FournisseurBase.Sqlite)
        {
            var dossier = Directory.CreateTempSubdirectory("credentials-test-").FullName;
            return new BaseDeTest(fournisseur, $"Data Source={Path.Combine(dossier, "test.db")};Pooling=False", dossier, null);
        }

        var nom = "t_" + Guid.NewGuid().ToString("N")[..16];
        if (creer)
        {
            await using var connexion = new NpgsqlConnection(ChainePostgresServeur);
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand($"CREATE DATABASE {nom}", connexion);
            await commande.ExecuteNonQueryAsync();
        }

        var chaine = new NpgsqlConnectionStringBuilder(ChainePostgresServeur) { Database = nom, Pooling = false }.ConnectionString;
        return new BaseDeTest(fournisseur, chaine, null, nom);
    }

    public CredentialsDbContext Contexte(params IInterceptor[] intercepteurs)
    {
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, Fournisseur, Chaine);
        options.AddInterceptors(intercepteurs);
        return new CredentialsDbContext(options.Options);
    }

    public async Task<CredentialsDbContext> ContexteMigreAsync()
    {
        var db = Contexte();
        await db.Database.MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (dossier is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dossier, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finished test is harmless in a temp folder.
            }
        }

        if (basePg is not null)
        {
            await using var connexion = new NpgsqlConnection(ChainePostgresServeur);
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand($"DROP DATABASE IF EXISTS {basePg} WITH (FORCE)", connexion);
            await commande.ExecuteNonQueryAsync();
        }
    }
}
