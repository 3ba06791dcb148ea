using System.Data.Common;
using Credentials.Core.Data;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Store;

public class MigrationTests
{
    private const string FichierMigration = "src/Credentials.Core/Data/Migrations/20261122000000_Initial.cs";

    [Fact]
    public async Task Le_code_de_la_migration_initiale_correspond_au_modele()
    {
        await using var baseTest = await BaseDeTest.CreerAsync(FournisseurBase.Sqlite);
        await using var db = baseTest.Contexte();
        var attendu = MigrationCodeWriter.Write(db, "Initial", "20261122000000_Initial");
        var chemin = Path.Combine(Racine.Depot, FichierMigration);
        if (Environment.GetEnvironmentVariable("CREDENTIALS_WRITE_MIGRATION") == "1")
        {
            await File.WriteAllTextAsync(chemin, attendu);
        }

        Assert.True(
            attendu == await File.ReadAllTextAsync(chemin),
            $"{FichierMigration} is out of date with the model: run the tests once with CREDENTIALS_WRITE_MIGRATION=1, then review the diff.");
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_base_migree_depuis_zero_a_exactement_le_schema_du_modele(FournisseurBase fournisseur)
    {
        await using var migree = await BaseDeTest.CreerAsync(fournisseur);
        await using var creee = await BaseDeTest.CreerAsync(fournisseur);
        await using (var db = await migree.ContexteMigreAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = creee.Contexte())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var schemaMigre = await SchemaAsync(migree);
        var schemaModele = await SchemaAsync(creee);
        Assert.Contains(schemaModele, l => l.StartsWith("Comptes.Identifiant ", StringComparison.Ordinal));
        Assert.Equal(schemaModele, schemaMigre);
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
