using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Un QR code tracé en rectangles pleins : net à toute résolution d'impression, quelques
/// centaines d'octets par page. Le tracé est préparé hors du document (donc sur un autre thread),
/// en opérateurs PDF bruts dans un repère d'un point par module, zone de silence comprise.
/// </summary>
internal sealed class QrVectoriel
{
    /// <summary>Les 4 modules clairs que la norme veut autour du code.</summary>
    private const int ZoneDeSilence = 4;

    private QrVectoriel(int cote, string trace)
    {
        Cote = cote;
        Trace = trace;
    }

    /// <summary>Côté en modules, zone de silence de 4 modules comprise.</summary>
    public int Cote { get; }

    /// <summary>Les opérateurs PDF qui remplissent les modules noirs (origine en bas à gauche).</summary>
    public string Trace { get; }

    /// <summary>Niveau M (15 % de redondance) : lisible malgré une pliure ou une tache d'encre.</summary>
    public static QrVectoriel Creer(string texte)
    {
        var matrice = CodeQr.Encoder(texte);
        var cote = matrice.Cote + (2 * ZoneDeSilence);
        var trace = new StringBuilder(4096).Append("0 g\n");
        foreach (var (x, y, largeur, hauteur) in Fusionner(matrice))
        {
            // PDF's y axis goes up; the matrix's rows go down.
            trace.Append(x + ZoneDeSilence).Append(' ').Append(cote - ZoneDeSilence - y - hauteur).Append(' ')
                .Append(largeur).Append(' ').Append(hauteur).Append(" re\n");
        }

        return new QrVectoriel(cote, trace.Append("f\n").ToString());
    }

    /// <summary>
    /// Les modules noirs en segments horizontaux, les segments identiques de lignes consécutives
    /// empilés en un seul rectangle : un repère de position devient 3 rectangles au lieu de 24 modules.
    /// </summary>
    private static List<(int X, int Y, int Largeur, int Hauteur)> Fusionner(MatriceQr matrice)
    {
        var rectangles = new List<(int X, int Y, int Largeur, int Hauteur)>(matrice.Cote * 8);

        // For each column, the rectangle of the last segment that started there: one segment per start in a row.
        Span<int> derniers = stackalloc int[matrice.Cote];
        derniers.Fill(-1);
        for (var y = 0; y < matrice.Cote; y++)
        {
            for (var x = 0; x < matrice.Cote; x++)
            {
                if (!matrice.Sombre(x, y))
                {
                    continue;
                }

                var debut = x;
                while (x + 1 < matrice.Cote && matrice.Sombre(x + 1, y))
                {
                    x++;
                }

                var largeur = x - debut + 1;
                var i = derniers[debut];
                if (i >= 0 && rectangles[i].Largeur == largeur && rectangles[i].Y + rectangles[i].Hauteur == y)
                {
                    rectangles[i] = rectangles[i] with { Hauteur = rectangles[i].Hauteur + 1 };
                }
                else
                {
                    derniers[debut] = rectangles.Count;
                    rectangles.Add((debut, y, largeur, 1));
                }
            }
        }

        return rectangles;
    }

    /// <summary>
    /// Dessine le code dans un carré de <paramref name="cote"/> points dont le coin haut gauche est
    /// (x, y). À appeler avant tout texte de la page : le tracé brut doit arriver hors d'un bloc de texte.
    /// </summary>
    public void Dessiner(PdfDocument document, XGraphics gfx, double x, double y, double cote)
    {
        var contenu = gfx.Internals.ContentStringBuilder;
        if (gfx.PageDirection == XPageDirection.Downwards && gfx.Transform.IsIdentity && contenu is not null && gfx.PdfPage is { } page)
        {
            // Untransformed page: PDFsharp leaves the PDF coordinate system as it is (origin bottom
            // left), so the operators go straight into the page, placed by our own matrix.
            var echelle = cote / Cote;
            contenu.Append(CultureInfo.InvariantCulture, $"q {echelle:0.####} 0 0 {echelle:0.####} {x:0.##} {page.Height.Point - y - cote:0.##} cm\n")
                .Append(Trace)
                .Append("Q\n");
            return;
        }

        // Otherwise a form XObject has a known coordinate system, and PDFsharp places and scales it.
        var forme = new XForm(document, XUnit.FromPoint(Cote), XUnit.FromPoint(Cote));
        using (var trace = XGraphics.FromForm(forme))
        {
            (trace.Internals.ContentStringBuilder
                ?? throw new InvalidOperationException("PDFsharp no longer exposes the content of a form.")).Append(Trace);
        }

        gfx.DrawImage(forme, x, y, cote, cote);
    }
}
