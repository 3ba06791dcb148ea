using Credentials.Core.Data;
using Npgsql;

namespace Credentials.Tests.Store;

/// <summary>The pooled PostgreSQL connections are not reset on return, unless the operator says otherwise.</summary>
public sealed class ChainePostgresTests
{
    [Fact]
    public void Sans_reglage_de_l_exploitant_la_connexion_n_est_pas_remise_a_zero_et_le_reste_est_garde()
    {
        var chaine = StoreRegistration.ChainePostgres("Host=db.academie.fr;Port=5433;Username=credentials;Password=s3cret;Database=credentials;Maximum Pool Size=40");

        var lue = new NpgsqlConnectionStringBuilder(chaine);
        Assert.True(lue.NoResetOnClose);
        Assert.Equal(("db.academie.fr", 5433, "credentials", "s3cret", "credentials", 40), (lue.Host, lue.Port, lue.Username, lue.Password, lue.Database, lue.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Database=c;No Reset On Close=false")]
    [InlineData("Host=db;Database=c;NoResetOnClose=false")]
    public void Le_choix_de_l_exploitant_est_respecte(string chaine)
    {
        Assert.Equal(chaine, StoreRegistration.ChainePostgres(chaine));
        Assert.False(new NpgsqlConnectionStringBuilder(StoreRegistration.ChainePostgres(chaine)).NoResetOnClose);
    }
}
