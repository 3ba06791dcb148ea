using Credentials.Core.Data;
using Npgsql;

namespace Credentials.Tests.Store;

/// <summary>
/// The pooled PostgreSQL connections are not reset on return and keep the statements they run often prepared, unless the
/// operator says otherwise.
/// </summary>
public sealed class ChainePostgresTests
{
    [Fact]
    public void Sans_reglage_de_l_exploitant_la_connexion_garde_ses_instructions_preparees_et_le_reste_est_garde()
    {
        var chaine = StoreRegistration.ChainePostgres("Host=db.academie.fr;Port=5433;Username=credentials;Password=s3cret;Database=credentials;Maximum Pool Size=40");

        var lue = new NpgsqlConnectionStringBuilder(chaine);
        Assert.True(lue.NoResetOnClose);
        Assert.Equal(StoreRegistration.InstructionsPreparees, lue.MaxAutoPrepare);
        Assert.True(lue.MaxAutoPrepare > 0);
        Assert.Equal(("db.academie.fr", 5433, "credentials", "s3cret", "credentials", 40), (lue.Host, lue.Port, lue.Username, lue.Password, lue.Database, lue.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Database=c;No Reset On Close=false")]
    [InlineData("Host=db;Database=c;NoResetOnClose=false")]
    [InlineData("Host=db;Database=c;no reset on close=false")]
    public void Le_choix_de_l_exploitant_sur_la_remise_a_zero_est_respecte(string chaine)
    {
        var lue = new NpgsqlConnectionStringBuilder(StoreRegistration.ChainePostgres(chaine));

        Assert.False(lue.NoResetOnClose);
        Assert.Equal(StoreRegistration.InstructionsPreparees, lue.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Database=c;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=c;MaxAutoPrepare=0", 0)]
    [InlineData("Host=db;Database=c;Max Auto Prepare=200", 200)]
    public void Le_choix_de_l_exploitant_sur_les_instructions_preparees_est_respecte(string chaine, int attendu)
    {
        var lue = new NpgsqlConnectionStringBuilder(StoreRegistration.ChainePostgres(chaine));

        Assert.Equal(attendu, lue.MaxAutoPrepare);
        Assert.True(lue.NoResetOnClose);
    }
}
