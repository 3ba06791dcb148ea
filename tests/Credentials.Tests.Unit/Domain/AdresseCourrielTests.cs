using Credentials.Core.Domain;

namespace Credentials.Tests.Domain;

/// <summary>The one e-mail address rule: imports, manual accounts, the portal and the outbox.</summary>
public class AdresseCourrielTests
{
    [Theory]
    [InlineData("claire.lefevre@famille.test", "claire.lefevre@famille.test")]
    [InlineData("  Claire.Lefevre+ecole@Famille.TEST ", "Claire.Lefevre+ecole@famille.test")]
    [InlineData("o'brien@exemple.fr", "o'brien@exemple.fr")]
    [InlineData("a@sous-domaine.exemple.fr", "a@sous-domaine.exemple.fr")]
    public void Une_adresse_ordinaire_est_acceptee_et_normalisee(string saisie, string attendue) =>
        Assert.Equal(attendue, AdresseCourriel.Normaliser(saisie));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anne.martin@@famille")]
    [InlineData("sans-arobase.fr")]
    [InlineData("claire@localhost")]
    [InlineData("Claire <claire@famille.test>")]
    [InlineData("claire@famille.test, marc@famille.test")]
    [InlineData("claire lefevre@famille.test")]
    [InlineData("claire..lefevre@famille.test")]
    [InlineData(".claire@famille.test")]
    [InlineData("claire@-famille.test")]
    [InlineData("claire@famille..test")]
    [InlineData("josé@famille.test")]
    [InlineData("claire@famille.test\r\nBcc: tous@exemple.fr")]
    [InlineData("\"claire lefevre\"@famille.test")]
    public void Une_adresse_inutilisable_est_refusee(string? saisie) =>
        Assert.Null(AdresseCourriel.Normaliser(saisie));

    [Fact]
    public void Une_adresse_trop_longue_est_refusee() =>
        Assert.Null(AdresseCourriel.Normaliser(new string('a', 65) + "@famille.test"));
}
