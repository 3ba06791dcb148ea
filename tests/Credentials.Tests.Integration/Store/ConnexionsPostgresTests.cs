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
}
