using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Credentials.Tests.Store;

/// <summary>
/// On PostgreSQL, a query the app sends often is prepared on its connection and stays prepared when the connection goes
/// back to the pool: the server no longer parses and plans it each time (half of its work on a search page).
/// </summary>
public sealed class ConnexionsPostgresTests
{
    [Fact]
    public async Task Une_requete_repetee_est_preparee_et_le_reste_apres_le_retour_au_pool()
    {
        await using var baseTest = await BaseDeTest.CreerAsync(FournisseurBase.Postgres);
        int etablissement;
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            etablissement = (await new DemoSeeder(db, OutilsDeTest.Creer()).SeedAsync("0999999Z", 30)).Etablissement.Id;
        }

        // The app's own pooled connections (the test databases turn pooling off elsewhere), one at a time.
        var chaine = new NpgsqlConnectionStringBuilder(baseTest.Chaine) { Pooling = true, MaxPoolSize = 1 }.ConnectionString;
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, FournisseurBase.Postgres, chaine);
        var comptes = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            await using var db = new CredentialsDbContext(options.Options);
            comptes.Add(await db.Comptes.CountAsync(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve));
        }

        await using (var db = new CredentialsDbContext(options.Options))
        {
            var connexion = db.Database.GetDbConnection();
            await connexion.OpenAsync();
            await using var commande = connexion.CreateCommand();
            commande.CommandText = "SELECT statement FROM pg_prepared_statements";
            var preparees = new List<string>();
            await using (var lecteur = await commande.ExecuteReaderAsync())
            {
                while (await lecteur.ReadAsync())
                {
                    preparees.Add(lecteur.GetString(0));
                }
            }

            // This test's own pool only: other tests of the process keep theirs.
            NpgsqlConnection.ClearPool((NpgsqlConnection)connexion);
            Assert.Contains(preparees, p => p.Contains("FROM \"Comptes\"", StringComparison.Ordinal) && p.Contains("\"EtablissementId\" = $1", StringComparison.Ordinal));
        }

        Assert.All(comptes, n => Assert.Equal(30, n));
    }

    [Fact]
    public async Task L_ouverture_anticipee_laisse_une_connexion_prete_au_pool_et_tait_une_base_absente()
    {
        // A database that does not exist yet (a first `migrate`): not an error here, the migration check tells it.
        await using var absente = await BaseDeTest.CreerAsync(FournisseurBase.Postgres, creer: false);
        await StoreRegistration.OuvrirEnAvanceAsync(new ConfigurationStore(FournisseurBase.Postgres, absente.Chaine));

        await using var baseTest = await BaseDeTest.CreerAsync(FournisseurBase.Postgres);
        var nom = "ouverture-" + Guid.NewGuid().ToString("N")[..8];
        var chaine = new NpgsqlConnectionStringBuilder(baseTest.Chaine) { Pooling = true, ApplicationName = nom }.ConnectionString;
        await StoreRegistration.OuvrirEnAvanceAsync(new ConfigurationStore(FournisseurBase.Postgres, chaine));

        // Back in the pool, still open on the server: EF's first opening takes it instead of starting one.
        await using var autre = new NpgsqlConnection(baseTest.Chaine);
        await autre.OpenAsync();
        await using var commande = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @nom", autre);
        commande.Parameters.AddWithValue("nom", nom);
        var ouvertes = (long)(await commande.ExecuteScalarAsync())!;
        await using (var pool = new NpgsqlConnection(StoreRegistration.ChainePostgres(chaine)))
        {
            NpgsqlConnection.ClearPool(pool);
        }

        Assert.Equal(1, ouvertes);
    }
}
