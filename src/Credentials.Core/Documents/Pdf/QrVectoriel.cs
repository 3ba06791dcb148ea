using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Un QR code tracé en rectangles pleins : net à toute résolution d'impression, quelques
/// centaines d'octets par page. Le tracé est préparé hors du document (donc sur un autre thread),
/// en opérateurs PDF bruts dans un repère d'un point par module, zone de silence comprise.
/// </summary>
internal sealed class QrVectoriel
{
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
        using var donnees = QRCodeGenerator.GenerateQrCode(texte, QRCodeGenerator.ECCLevel.M);
        var matrice = donnees.ModuleMatrix;
        var trace = new StringBuilder(4096).Append("0 g\n");
        foreach (var (x, y, largeur, hauteur) in Fusionner(matrice))
        {
            // PDF's y axis goes up; the matrix's rows go down.
            trace.Append(CultureInfo.InvariantCulture, $"{x} {matrice.Count - y - hauteur} {largeur} {hauteur} re\n");
        }

        return new QrVectoriel(matrice.Count, trace.Append("f\n").ToString());
    }

    /// <summary>
    /// Les modules noirs en segments horizontaux, les segments identiques de lignes consécutives
    /// empilés en un seul rectangle : un repère de position devient 3 rectangles au lieu de 24 modules.
    /// </summary>
    private static List<(int X, int Y, int Largeur, int Hauteur)> Fusionner(List<System.Collections.BitArray> matrice)
    {
        var rectangles = new List<(int X, int Y, int Largeur, int Hauteur)>(matrice.Count * 8);
        var derniers = new Dictionary<(int Debut, int Longueur), int>();
        for (var y = 0; y < matrice.Count; y++)
        {
            var ligne = matrice[y];
            for (var x = 0; x < ligne.Length; x++)
            {
                if (!ligne[x])
                {
                    continue;
                }

                var debut = x;
                while (x + 1 < ligne.Length && ligne[x + 1])
                {
                    x++;
                }

                var segment = (debut, x - debut + 1);
                if (derniers.TryGetValue(segment, out var i) && rectangles[i].Y + rectangles[i].Hauteur == y)
                {
                    rectangles[i] = rectangles[i] with { Hauteur = rectangles[i].Hauteur + 1 };
                }
                else
                {
                    derniers[segment] = rectangles.Count;
                    rectangles.Add((debut, y, segment.Item2, 1));
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
