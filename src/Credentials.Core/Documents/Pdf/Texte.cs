using PdfSharp.Drawing;

namespace Credentials.Core.Documents.Pdf;

/// <summary>Le peu de mise en page de texte dont les documents ont besoin : couper, ajuster, aligner.</summary>
internal static class Texte
{
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

    /// <summary>La police la plus grande, jusqu'à celle donnée, qui fait tenir le texte sur une ligne (au moins 6 pt).</summary>
    public static XFont Ajuster(XGraphics gfx, string texte, XFont police, double largeur)
    {
        // No need to measure when even the widest glyphs (Œ: 1.07 em) would fit.
        if (texte.Length * police.Size * 1.1 <= largeur)
        {
            return police;
        }

        var mesure = Largeur(gfx, texte, police);
        if (mesure <= largeur)
        {
            return police;
        }

        var taille = Math.Max(6, Math.Floor(police.Size * largeur / mesure * 10) / 10);
        return EstMono(police) ? PolicesPdf.Code(taille, police.Bold) : PolicesPdf.Texte(taille, police.Bold);
    }

    /// <summary>
    /// La largeur d'un texte en points. Mesurer coûte plus cher que dessiner : la chasse fixe se
    /// calcule, et les textes qui reviennent (états, prénoms, libellés) sont mesurés une fois par thread.
    /// </summary>
    public static double Largeur(XGraphics gfx, string texte, XFont police)
    {
        if (EstMono(police))
        {
            return texte.Length * police.Size * ChasseMono;
        }

        largeurs ??= [];
        if (!largeurs.TryGetValue((police, texte), out var largeur))
        {
            if (largeurs.Count >= 50_000)
            {
                largeurs.Clear();
            }

            largeur = gfx.MeasureString(texte, police).Width;
            largeurs.Add((police, texte), largeur);
        }

        return largeur;
    }

    /// <summary>L'avance de chaque glyphe de DejaVu Sans Mono : 1233 / 2048 em.</summary>
    private const double ChasseMono = 1233.0 / 2048;

    [ThreadStatic]
    private static Dictionary<(XFont, string), double>? largeurs;

    private static bool EstMono(XFont police) => police.FontFamily.Name == PolicesPdf.Mono;

    /// <summary>Écrit une ligne, réduite si besoin pour tenir dans la largeur.</summary>
    public static void Ligne(XGraphics gfx, string texte, XFont police, double x, double y, double largeur, XBrush? couleur = null) =>
        gfx.DrawString(texte, Ajuster(gfx, texte, police, largeur), couleur ?? Encre, x, y);

    /// <summary>Écrit une ligne alignée à droite sur <paramref name="xDroite"/>.</summary>
    public static void ADroite(XGraphics gfx, string texte, XFont police, double xDroite, double y, XBrush? couleur = null) =>
        gfx.DrawString(texte, police, couleur ?? Encre, xDroite - Largeur(gfx, texte, police), y);
}
