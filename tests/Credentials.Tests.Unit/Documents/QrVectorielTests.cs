using System.Globalization;
using Credentials.Core.Documents.Pdf;

namespace Credentials.Tests.Documents;

/// <summary>Le tracé PDF d'un QR code remplit exactement ses modules sombres, zone de silence comprise.</summary>
public sealed class QrVectorielTests
{
    [Theory]
    [InlineData("https://portail.exemple.fr/activation?identifiant=jb.delacoeur")]
    [InlineData("https://ent.lycee-exemple.fr/portail/activation?identifiant=marie-helene.de-la-fontaine-dupont2")]
    [InlineData("https://p.fr/a")]
    public void Les_rectangles_du_trace_couvrent_les_modules_sombres_et_eux_seuls(string lien)
    {
        var matrice = CodeQr.Encoder(lien);
        var qr = QrVectoriel.Creer(lien);

        Assert.Equal(matrice.Cote + 8, qr.Cote);
        var remplis = new int[qr.Cote, qr.Cote];
        var rectangles = 0;
        foreach (var ligne in qr.Trace.Split('\n').Where(l => l.EndsWith(" re", StringComparison.Ordinal)))
        {
            var (x, yPdf, largeur, hauteur) = ligne.Split(' ')[..4].Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() switch
            {
                [var a, var b, var c, var d] => (a, b, c, d),
                _ => throw new FormatException(ligne),
            };
            rectangles++;
            for (var dy = 0; dy < hauteur; dy++)
            {
                for (var dx = 0; dx < largeur; dx++)
                {
                    // PDF's y goes up from the bottom edge; rows go down from the top.
                    remplis[x + dx, qr.Cote - 1 - (yPdf + dy)]++;
                }
            }
        }

        for (var y = 0; y < qr.Cote; y++)
        {
            for (var x = 0; x < qr.Cote; x++)
            {
                var dansLeCode = x >= 4 && y >= 4 && x < qr.Cote - 4 && y < qr.Cote - 4;
                var attendu = dansLeCode && matrice.Sombre(x - 4, y - 4) ? 1 : 0;
                Assert.True(attendu == remplis[x, y], $"module ({x}, {y}) : {remplis[x, y]} rectangle(s), {attendu} attendu");
            }
        }

        // Merged: far fewer rectangles than dark modules.
        Assert.True(rectangles * 2 < Enumerable.Range(0, matrice.Cote * matrice.Cote).Count(i => matrice.Sombre(i % matrice.Cote, i / matrice.Cote)));
    }
}
