using Credentials.Core.Documents.Pdf;
using QRCoder;

namespace Credentials.Tests.Documents;

/// <summary>
/// Notre encodeur QR comparé module pour module à QRCoder, qu'il remplace dans les courriers : même version, même
/// masque, même matrice, pour des liens de toutes les longueurs qu'un portail peut donner (versions 1 à 17).
/// </summary>
public sealed class CodeQrTests
{
    private const string Caracteres = "abcdefghijklmnopqrstuvwxyz0123456789-._~%/?=&ABCXYZéèçàÉ";

    public static TheoryData<int> Longueurs() => [.. Enumerable.Range(0, 40).Select(i => 1 + (i * 11))];

    [Theory]
    [MemberData(nameof(Longueurs))]
    public void Un_lien_donne_le_meme_code_que_qrcoder(int longueur)
    {
        var hasard = new Random(longueur);
        for (var essai = 0; essai < 5; essai++)
        {
            Comparer("https://" + new string([.. Enumerable.Range(0, longueur).Select(_ => Caracteres[hasard.Next(Caracteres.Length)])]));
        }
    }

    [Fact]
    public void Les_liens_des_courriers_donnent_le_meme_code_que_qrcoder_quel_que_soit_le_masque()
    {
        var masques = Enumerable.Range(0, 300)
            .Select(i => Comparer($"https://portail.exemple.fr/activation?identifiant=eleve.{i}").Masque)
            .ToHashSet();

        // The comparison went through most masks, not one that happens to suit these links.
        Assert.True(masques.Count >= 6, $"masques rencontrés : {string.Join(", ", masques)}");
    }

    [Fact]
    public void Un_texte_trop_long_pour_la_version_40_est_refuse()
    {
        var erreur = Assert.Throws<ArgumentException>(() => CodeQr.Encoder(new string('a', 2332)));

        Assert.Contains("trop long", erreur.Message);
        Assert.Equal(40, CodeQr.Encoder(new string('a', 2331)).Version);
    }

    private static MatriceQr Comparer(string texte)
    {
        var nous = CodeQr.Encoder(texte);

        using var reference = QRCodeGenerator.GenerateQrCode(texte, QRCodeGenerator.ECCLevel.M);
        Assert.Equal(reference.Version, nous.Version);
        Assert.Equal(reference.ModuleMatrix.Count - 8, nous.Cote);
        for (var y = 0; y < nous.Cote; y++)
        {
            for (var x = 0; x < nous.Cote; x++)
            {
                Assert.True(reference.ModuleMatrix[y + 4][x + 4] == nous.Sombre(x, y), $"« {texte} » : module ({x}, {y}) différent, masque {nous.Masque}");
            }
        }

        return nous;
    }
}
