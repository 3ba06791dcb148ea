using Credentials.Core.Portail;

namespace Credentials.Tests.Portail;

public class LimitePortailTests
{
    private static readonly ReglesLimite ParIdentifiant = new OptionsLimitesPortail().Identifiant;
    private static readonly DateTime Debut = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Le_premier_delai_vient_au_cinquieme_echec_puis_double_jusqu_au_plafond()
    {
        var limite = new LimitePortail("id:camille.martin", Debut);
        var maintenant = Debut;
        for (var i = 1; i <= 4; i++)
        {
            Assert.Null(limite.Compter(maintenant, ParIdentifiant));
        }

        var delais = new List<double>();
        for (var i = 5; i <= 12; i++)
        {
            var fin = limite.Compter(maintenant, ParIdentifiant);
            Assert.NotNull(fin);
            Assert.True(limite.EstBloquee(maintenant));
            delais.Add((fin.Value - maintenant).TotalMinutes);
            maintenant = fin.Value;
            Assert.False(limite.EstBloquee(maintenant));
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], delais);
    }

    [Fact]
    public void Au_vingt_cinquieme_echec_plus_rien_jusqu_a_la_fin_des_24_heures()
    {
        var limite = new LimitePortail("id:camille.martin", Debut);
        var maintenant = Debut;
        DateTime? fin = null;
        for (var i = 1; i <= 25; i++)
        {
            fin = limite.Compter(maintenant, ParIdentifiant);
            maintenant = fin ?? maintenant;
        }

        Assert.Equal(Debut.AddHours(24), fin);
        Assert.True(limite.EstBloquee(Debut.AddHours(23).AddMinutes(59)));
        Assert.False(limite.EstBloquee(Debut.AddHours(24)));
    }

    [Fact]
    public void Une_fenetre_close_remet_le_compteur_a_zero()
    {
        var limite = new LimitePortail("id:camille.martin", Debut);
        for (var i = 1; i <= 4; i++)
        {
            limite.Compter(Debut, ParIdentifiant);
        }

        Assert.Null(limite.Compter(Debut.AddHours(25), ParIdentifiant));
        Assert.Equal(1, limite.Echecs);
        Assert.Equal(Debut.AddHours(25), limite.DebutFenetre);
    }

    [Theory]
    [InlineData("203.0.113.7", "ip:203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "ip:203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "ip:2001:db8:1:2::/64")]
    [InlineData(null, "ip:inconnue")]
    public void Une_adresse_compte_pour_elle_meme_et_une_IPv6_pour_son_reseau(string? adresse, string cle) =>
        Assert.Equal(cle, LimiteurPortail.CleAdresse(adresse is null ? null : System.Net.IPAddress.Parse(adresse)));
}
