using PdfSharp.Drawing;

namespace Credentials.Core.Documents.Pdf;

/// <summary>Le peu de mise en page de texte dont les documents ont besoin : couper, ajuster, aligner.</summary>
internal static class Texte
{
    /// <summary>Espace insécable : avant « : » et à l'intérieur des guillemets, pour qu'une ligne ne commence pas par eux.</summary>
    public const char Insecable = '\u00A0';

    public static readonly XBrush Encre = XBrushes.Black;

    /// <summary>Gris foncé : distinct du noir à l'écran, encore net sur une photocopie.</summary>
    public static readonly XBrush Discret = new XSolidBrush(XColor.FromGrayScale(0.3));

    /// <summary>Coupe un texte (plusieurs paragraphes séparés par des retours à la ligne) aux espaces pour tenir dans la largeur.</summary>
    public static List<string> Couper(XGraphics gfx, string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in texte.ReplaceLineEndings("\n").Split('\n'))
        {
            var courante = "";
            foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var essai = courante.Length == 0 ? mot : courante + " " + mot;
                if (courante.Length > 0 && gfx.MeasureString(essai, police).Width > largeur)
                {
                    lignes.Add(courante);
                    courante = mot;
                }
                else
                {
                    courante = essai;
                }
            }

            lignes.Add(courante);
        }

        return lignes;
    }

    /// <summary>Écrit un paragraphe coupé à la largeur, première ligne de base en <paramref name="y"/> ; renvoie la ligne de base suivante.</summary>
    public static double Paragraphe(XGraphics gfx, string texte, XFont police, double x, double y, double largeur, XBrush? couleur = null)
    {
        var interligne = police.Size * 1.35;
        foreach (var ligne in Couper(gfx, texte, police, largeur))
        {
            if (ligne.Length > 0)
            {
                gfx.DrawString(ligne, police, couleur ?? Encre, x, y);
            }

            y += interligne;
        }

        return y;
    }

    /// <summary>La police la plus grande, jusqu'à celle donnée, qui fait tenir le texte sur une ligne (au moins 6 pt).</summary>
    public static XFont Ajuster(XGraphics gfx, string texte, XFont police, double largeur)
    {
        var mesure = gfx.MeasureString(texte, police).Width;
        if (mesure <= largeur)
        {
            return police;
        }

        var taille = Math.Max(6, Math.Floor(police.Size * largeur / mesure * 10) / 10);
        return police.FontFamily.Name.Contains("Mono", StringComparison.Ordinal)
            ? PolicesPdf.Code(taille, police.Bold)
            : PolicesPdf.Texte(taille, police.Bold);
    }

    /// <summary>Écrit une ligne, réduite si besoin pour tenir dans la largeur.</summary>
    public static void Ligne(XGraphics gfx, string texte, XFont police, double x, double y, double largeur, XBrush? couleur = null) =>
        gfx.DrawString(texte, Ajuster(gfx, texte, police, largeur), couleur ?? Encre, x, y);

    /// <summary>Écrit une ligne alignée à droite sur <paramref name="xDroite"/>.</summary>
    public static void ADroite(XGraphics gfx, string texte, XFont police, double xDroite, double y, XBrush? couleur = null) =>
        gfx.DrawString(texte, police, couleur ?? Encre, xDroite - gfx.MeasureString(texte, police).Width, y);
}
