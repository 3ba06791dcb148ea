using System.Data.Common;
using Credentials.Cli.Verbes;
using Credentials.Core.Data;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Store;

public class MigrationTests
{
    public static TheoryData<FournisseurBase> TousLesFournisseurs => new() { FournisseurBase.Sqlite, FournisseurBase.Postgres, FournisseurBase.SqlServer };

    [Theory]
    [MemberData(nameof(TousLesFournisseurs))]
    public void Chaque_fournisseur_a_ses_migrations_generees_et_aucun_changement_du_modele_sans_migration(FournisseurBase fournisseur)
    {
        // The design-time factory that `dotnet ef` uses (scripts/add-migration.sh), not a copy of it.
        using var db = fournisseur switch
        {
            FournisseurBase.Postgres => new Credentials.Migrations.Postgres.FabriqueConception().CreateDbContext([]),
            FournisseurBase.SqlServer => new Credentials.Migrations.SqlServer.FabriqueConception().CreateDbContext([]),
            _ => new Credentials.Migrations.Sqlite.FabriqueConception().CreateDbContext([]),
        };

        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.Equal(StoreRegistration.AssemblageMigrations(fournisseur), db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.True(
            !db.Database.HasPendingModelChanges(),
            $"The {fournisseur} model has changes without a migration: run scripts/add-migration.sh <Name> (docs/decisions.md, « Migrations générées »).");
    }

    [Theory]
    [MemberData(nameof(TousLesFournisseurs))]
    public void Le_modele_compile_de_chaque_fournisseur_est_celui_que_les_configurations_donnent(FournisseurBase fournisseur)
    {
        // The compiled model (ModeleCompile/ of the migrations project) replaces model building at run time: a model
        // change without `scripts/add-migration.sh` (which regenerates it) would otherwise go unseen and write wrong SQL.
        Assert.NotNull(StoreRegistration.ModeleCompile(fournisseur));
        using var db = FabriqueContexteConception.SansConnexion(fournisseur);
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, fournisseur, db.Database.GetConnectionString()!);
        using var avecModeleCompile = new CredentialsDbContext(options.Options);
        var compile = avecModeleCompile.Model;
        Assert.Same(StoreRegistration.ModeleCompile(fournisseur), compile);
        Assert.NotSame(compile, db.Model);
        var attendu = db.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        var trouve = compile.ToDebugString(MetadataDebugStringOptions.LongDefault);
        Assert.True(
            attendu == trouve,
            $"The compiled {fournisseur} model is out of date: run scripts/add-migration.sh (or scripts/compiled-models.sh). First difference: {PremiereDifference(attendu, trouve)}");
        Assert.Equal(db.Model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault), compile.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault));
    }

    private static string PremiereDifference(string attendu, string trouve)
    {
        var a = attendu.Split('\n');
        var t = trouve.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, t.Length); i++)
        {
            var la = i < a.Length ? a[i] : "(end)";
            var lt = i < t.Length ? t[i] : "(end)";
            if (la != lt)
            {
                return $"line {i + 1}: expected « {la.Trim()} », compiled « {lt.Trim()} »";
            }
        }

        return "none";
    }

    [Fact]
    public async Task Le_script_idempotent_postgres_cree_le_schema_des_migrations_et_se_rejoue_sans_rien_changer()
    {
        await using var migree = await MigreeAsync(FournisseurBase.Postgres);
        await using var scriptee = await BaseDeTest.CreerAsync(FournisseurBase.Postgres);

        var script = VerbeSchema.Script(FournisseurBase.Postgres);
        await using (var db = scriptee.Contexte())
        {
            await db.Database.ExecuteSqlRawAsync(script);
            await db.Database.ExecuteSqlRawAsync(script);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal(await SchemaAsync(migree), await SchemaAsync(scriptee));
    }

    [Fact]
    public async Task Sur_postgresql_la_table_des_comptes_est_nettoyee_apres_deux_pour_cent_de_lignes_changees()
    {
        await using var migree = await MigreeAsync(FournisseurBase.Postgres);
        await using var db = migree.Contexte();
        var connexion = db.Database.GetDbConnection();
        await connexion.OpenAsync();
        await using var commande = connexion.CreateCommand();
        commande.CommandText = "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'Comptes'";

        var options = (string?)await commande.ExecuteScalarAsync();

        Assert.Equal("autovacuum_vacuum_scale_factor=0.02,autovacuum_analyze_scale_factor=0.02", options);
    }

    [Fact]
    public async Task Le_script_sqlite_cree_le_schema_des_migrations()
    {
        await using var migree = await MigreeAsync(FournisseurBase.Sqlite);
        await using var scriptee = await BaseDeTest.CreerAsync(FournisseurBase.Sqlite);

        await using (var db = scriptee.Contexte())
        {
            var connexion = db.Database.GetDbConnection();
            await connexion.OpenAsync();
            await using var commande = connexion.CreateCommand();
            commande.CommandText = VerbeSchema.Script(FournisseurBase.Sqlite);
            await commande.ExecuteNonQueryAsync();
            await connexion.CloseAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal(await SchemaAsync(migree), await SchemaAsync(scriptee));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_base_migree_depuis_zero_a_exactement_le_schema_du_modele(FournisseurBase fournisseur)
    {
        await using var migree = await MigreeAsync(fournisseur);
        await using var creee = await BaseDeTest.CreerAsync(fournisseur);

        await using (var db = creee.Contexte())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var schemaMigre = await SchemaAsync(migree);
        var schemaModele = await SchemaAsync(creee);
        Assert.Contains(schemaModele, l => l.StartsWith("Comptes.Identifiant ", StringComparison.Ordinal));
        Assert.Equal(schemaModele, schemaMigre);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_premiere_migration_d_une_base_vide_ne_journalise_aucune_erreur(FournisseurBase fournisseur)
    {
        // The operator's first `credentials migrate` on the empty database he created printed EF's « fail: Failed
        // executing DbCommand » (its read of the missing history table) before « Base de données à jour ».
        await using var vide = await BaseDeTest.CreerAsync(fournisseur);
        await MigrerSansErreurAsync(vide);
    }

    [Fact]
    public async Task La_migration_cree_une_base_postgresql_absente_sans_journaliser_d_erreur()
    {
        // Without the database at all, EF's own check of its existence logged « An error occurred using the
        // connection to database … » as an error before creating it.
        await using var absente = await BaseDeTest.CreerAsync(FournisseurBase.Postgres, creer: false);
        await MigrerSansErreurAsync(absente);
    }

    /// <summary>Migre la base comme la CLI et le web le font au démarrage, et vérifie qu'aucune erreur n'a été journalisée.</summary>
    private static async Task MigrerSansErreurAsync(BaseDeTest baseTest)
    {
        var journal = new JournalCapture();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = baseTest.Fournisseur.ToString(),
            ["ConnectionStrings:Credentials"] = baseTest.Chaine,
            ["DataDirectory"] = Directory.CreateTempSubdirectory("credentials-migration-").FullName,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddProvider(journal).SetMinimumLevel(LogLevel.Debug));
        services.AddCredentialsCore(configuration);
        await using var fournisseurServices = services.BuildServiceProvider();

        await using (var scope = fournisseurServices.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
        }

        var erreurs = journal.Lignes.Where(l => l.Niveau >= LogLevel.Error).Select(l => $"{l.Categorie}: {l.Message}").ToList();
        Assert.True(erreurs.Count == 0, string.Join('\n', erreurs));
        await using var db = baseTest.Contexte();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>A fresh database migrated from empty by the provider's generated migrations.</summary>
    private static async Task<BaseDeTest> MigreeAsync(FournisseurBase fournisseur)
    {
        var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        await using var db = await baseTest.ContexteMigreAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        return baseTest;
    }

    private static async Task<List<string>> SchemaAsync(BaseDeTest baseTest)
    {
        await using var db = baseTest.Contexte();
        var connexion = db.Database.GetDbConnection();
        await connexion.OpenAsync();
        var lignes = baseTest.Fournisseur == FournisseurBase.Sqlite
            ? await LireAsync(connexion, """
                SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk
                FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
                UNION ALL
                SELECT 'index ' || m.tbl_name || '.' || m.name || ' ' || il."unique" || ' ' || (SELECT group_concat(ii.name) FROM pragma_index_info(m.name) ii)
                FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) il ON il.name = m.name
                WHERE m.type = 'index' AND m.tbl_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
                UNION ALL
                SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table'
                """)
            : await LireAsync(connexion, """
                SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(is_identity, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
                UNION ALL
                SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
                UNION ALL
                SELECT 'fk ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
                """);
        lignes.Sort(StringComparer.Ordinal);
        return lignes;
    }

    private static async Task<List<string>> LireAsync(DbConnection connexion, string sql)
    {
        await using var commande = connexion.CreateCommand();
        commande.CommandText = sql;
        await using var lecteur = await commande.ExecuteReaderAsync();
        var lignes = new List<string>();
        while (await lecteur.ReadAsync())
        {
            lignes.Add(lecteur.GetString(0));
        }

        return lignes;
    }
}
