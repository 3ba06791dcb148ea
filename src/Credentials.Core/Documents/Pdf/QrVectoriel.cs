using PdfSharp.Drawing;
using QRCoder;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Un QR code sous forme de rectangles pleins, en unités de module, zone de silence comprise
/// (<see cref="Cote"/> modules de côté). Tracé en vectoriel, il reste net à l'impression et
/// pèse quelques centaines d'octets au lieu d'une image par page.
/// </summary>
internal sealed class QrVectoriel
{
    private QrVectoriel(int cote, XRect[] rectangles)
    {
        Cote = cote;
        Rectangles = rectangles;
    }

    /// <summary>Côté en modules, zone de silence de 4 modules comprise.</summary>
    public int Cote { get; }

    public XRect[] Rectangles { get; }

    /// <summary>Niveau M (15 % de redondance) : lisible malgré une pliure ou une tache d'encre.</summary>
    public static QrVectoriel Creer(string texte)
    {
        using var donnees = QRCodeGenerator.GenerateQrCode(texte, QRCodeGenerator.ECCLevel.M);
        var matrice = donnees.ModuleMatrix;
        return new QrVectoriel(matrice.Count, Fusionner(matrice));
    }

    /// <summary>
    /// Fusionne les modules noirs en segments horizontaux, puis empile les segments identiques de
    /// lignes consécutives : les repères d'alignement deviennent 3 rectangles au lieu de 40.
    /// </summary>
    private static XRect[] Fusionner(List<System.Collections.BitArray> matrice)
    {
        var resultat = new List<XRect>(matrice.Count * 6);
        var ouverts = new Dictionary<(int Debut, int Longueur), int>();
        for (var y = 0; y < matrice.Count; y++)
        {
            var ligne = matrice[y];
            var x = 0;
            while (x < ligne.Length)
            {
                if (!ligne[x])
                {
                    x++;
                    continue;
                }

                var debut = x;
                while (x < ligne.Length && ligne[x])
                {
                    x++;
                }

                var cle = (debut, x - debut);
                if (ouverts.TryGetValue(cle, out var indice) && resultat[indice].Bottom == y)
                {
                    var r = resultat[indice];
                    resultat[indice] = new XRect(r.X, r.Y, r.Width, r.Height + 1);
                }
                else
                {
                    ouverts[cle] = resultat.Count;
                    resultat.Add(new XRect(debut, y, x - debut, 1));
                }
            }
        }

        return [.. resultat];
    }

    /// <summary>Dessine le code dans un carré de <paramref name="cote"/> points dont le coin haut gauche est (x, y).</summary>
    public void Dessiner(XGraphics gfx, double x, double y, double cote)
    {
        var etat = gfx.Save();
        gfx.TranslateTransform(x, y);
        gfx.ScaleTransform(cote / Cote);
        gfx.DrawRectangles(XBrushes.Black, Rectangles);
        gfx.Restore(etat);
    }
}
