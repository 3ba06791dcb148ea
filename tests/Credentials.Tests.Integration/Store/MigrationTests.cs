using System.Data.Common;
using System.Text.RegularExpressions;
using Credentials.Cli.Verbes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Constructeurs;
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
    public async Task Sur_postgresql_un_lot_de_comptes_reecrits_est_nettoye_index_compris_et_les_recherches_relisent_les_index_seuls()
    {
        await using var migree = await MigreeAsync(FournisseurBase.Postgres);
        await using var db = migree.Contexte();
        var connexion = db.Database.GetDbConnection();
        await connexion.OpenAsync();
        // The automatic vacuum starts after 500 rows + 0.2 % changed or inserted (one school's batch, not 2 % of an
        // academy's accounts), and cleans the indexes.
        Assert.Equal(
            "autovacuum_analyze_scale_factor=0.02,autovacuum_vacuum_threshold=500,autovacuum_vacuum_scale_factor=0.002,"
            + "autovacuum_vacuum_insert_threshold=500,autovacuum_vacuum_insert_scale_factor=0.002,vacuum_index_cleanup=on",
            Assert.Single(await LireAsync(connexion, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'Comptes'")));

        // The test cluster commits without waiting for the disk (scripts/test.sh); a vacuum marks a page visible to all
        // only once its rows' commits are on disk, as they are at once in production.
        await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = on");
        var etablissement = new Etablissement("0999999Z", "Collège Test");
        var comptes = Enumerable.Range(0, 8000).Select(i => new CompteBuilder().Dans(etablissement).Nomme($"NOM{i:D4}", "Léa").Identifiant($"lea.nom{i}").Construire()).ToList();
        db.Comptes.AddRange(comptes);
        await db.SaveChangesAsync();
        var notifie = comptes[4000].Id;
        await db.Database.ExecuteSqlRawAsync("""VACUUM "Comptes" """);
        Assert.Equal(0, await LignesLuesDansLaTableAsync(db, etablissement.Id));
        var pages = int.Parse(Assert.Single(await LireAsync(connexion, "SELECT relpages::text FROM pg_class WHERE relname = 'Comptes'")));
        Assert.True(pages >= 100, $"{pages} pages: one page must be under 2 % of the table.");

        // One account rewritten with its state (an indexed column), as a notification does: one page of over a hundred
        // keeps a dead row. With the migration's setting (which the automatic vacuum reads too), the vacuum cleans the
        // indexes and marks the page visible to all again.
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "Comptes" SET "Etat" = 'NotifieNonActive' WHERE "Id" = {notifie}"""));
        await db.Database.ExecuteSqlRawAsync("""VACUUM "Comptes" """);
        Assert.Equal(0, await LignesLuesDansLaTableAsync(db, etablissement.Id));

        // Without it, PostgreSQL skips the indexes when under 2 % of the pages have dead rows, and leaves the page
        // unmarked: the searches read its rows from the table until a bigger vacuum.
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Comptes" RESET (vacuum_index_cleanup)""");
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "Comptes" SET "Etat" = 'NonNotifie' WHERE "Id" = {notifie}"""));
        await db.Database.ExecuteSqlRawAsync("""VACUUM "Comptes" """);
        Assert.True(await LignesLuesDansLaTableAsync(db, etablissement.Id) > 0, "Without the setting, the vacuum cleaned the indexes after all.");
    }

    /// <summary>The rows that the school's count, read from its index, had to fetch from the table (« Heap Fetches »).</summary>
    private static async Task<int> LignesLuesDansLaTableAsync(CredentialsDbContext db, int etablissement)
    {
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off");
        var plan = string.Join('\n', await LireAsync(db.Database.GetDbConnection(), $"""
            EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF)
            SELECT count(*) FROM "Comptes" WHERE "EtablissementId" = {etablissement} AND "Profil" = 'Eleve' AND "Recherche" LIKE '%lea%'
            """));
        await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan; RESET enable_bitmapscan");
        Assert.Contains("Index Only Scan", plan);
        return int.Parse(Regex.Match(plan, @"Heap Fetches: (\d+)").Groups[1].Value);
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
