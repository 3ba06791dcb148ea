using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Tests.Domain;

public class IdentifiantsTests
{
    [Theory]
    [InlineData("Éloïse", "N'Diaye-Lefèvre", "eloise.ndiaye-lefevre")]
    [InlineData("Jean-Baptiste", "DELACŒUR", "jean-baptiste.delacoeur")]
    [InlineData("Léa", "MARTIN", "lea.martin")]
    [InlineData("Anne Sophie", "DE LA TOUR", "annesophie.delatour")]
    [InlineData("Noé", "L’Hôpital", "noe.lhopital")]
    [InlineData("Æsa", "Straße", "aesa.strasse")]
    public void L_identifiant_est_prenom_point_nom_en_ascii(string prenom, string nom, string attendu) =>
        Assert.Equal(attendu, Identifiants.Racine(prenom, nom));

    [Fact]
    public void Deux_homonymes_recoivent_des_identifiants_distincts()
    {
        var pris = new HashSet<string>();
        var premiere = Identifiants.Disponible(Identifiants.Racine("Léa", "MARTIN"), pris);
        pris.Add(premiere);
        var seconde = Identifiants.Disponible(Identifiants.Racine("Léa", "Martin"), pris);
        Assert.Equal("lea.martin", premiere);
        Assert.Equal("lea.martin2", seconde);
        Assert.Equal("lea.martin", Identifiants.Racine(seconde));
    }

    [Fact]
    public void Un_nom_tres_long_est_coupe()
    {
        var racine = Identifiants.Racine("Marie-Charlotte-Eugénie-Victoire", "de Saint-Exupéry-Montmorency-Laval");
        Assert.True(racine.Length <= 2 * Identifiants.LongueurPartie + 1, racine);
        Assert.False(racine.EndsWith('-'));
        Assert.StartsWith("marie-charlotte-euge.", racine);
    }

    [Fact]
    public void Un_nom_sans_lettres_donne_un_identifiant_utilisable() =>
        Assert.Equal("compte", Identifiants.Racine("—", "'"));

    [Fact]
    public void Les_mots_de_passe_provisoires_ont_au_moins_50_bits_sans_sosies()
    {
        var generateur = new GenerateurSecrets();
        var tires = Enumerable.Range(0, 2000).Select(_ => generateur.Nouveau()).ToList();

        Assert.Equal(32, GenerateurSecrets.Alphabet.Distinct().Count());
        Assert.True(GenerateurSecrets.Longueur * Math.Log2(GenerateurSecrets.Alphabet.Length) >= 50);
        Assert.All(tires, t => Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", t));
        Assert.Equal(tires.Count, tires.Distinct().Count());
        Assert.DoesNotContain(GenerateurSecrets.Alphabet, c => "=+-@IO01".Contains(c));
    }

    [Fact]
    public void Le_mot_de_passe_s_affiche_en_deux_groupes_de_cinq_et_se_relit_dans_tous_les_formats()
    {
        Assert.Equal("ABCDE FGHJK", FormatSecret.PourAffichage("ABCDEFGHJK"));
        Assert.Equal("ABCDEFGHJK", FormatSecret.Normaliser(" abcde-fghjk "));
        Assert.Equal("ABCDEFGHJK", FormatSecret.Normaliser("abcde fghjk"));
    }
}
