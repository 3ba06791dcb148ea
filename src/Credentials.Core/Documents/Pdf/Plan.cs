using PdfSharp.Drawing;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Une mise en page notée avant d'être tracée : on peut mesurer ce qu'elle occupe, la recommencer
/// en plus petit si elle déborde, puis la tracer une seule fois (dans un XForm réutilisé).
/// </summary>
internal sealed class Plan(XGraphics mesure)
{
    private readonly List<Action<XGraphics>> traces = [];

    public XGraphics Mesure { get; } = mesure;

    public void Ecrire(string texte, XFont police, double x, double y, XBrush? couleur = null) =>
        traces.Add(g => g.DrawString(texte, police, couleur ?? Texte.Encre, x, y));

    public void Ligne(string texte, XFont police, double x, double y, double largeur, XBrush? couleur = null)
    {
        var ajustee = Texte.Ajuster(Mesure, texte, police, largeur);
        Ecrire(texte, ajustee, x, y, couleur);
    }

    public void ADroite(string texte, XFont police, double xDroite, double y, XBrush? couleur = null) =>
        Ecrire(texte, police, xDroite - Texte.Largeur(Mesure, texte, police), y, couleur);

    /// <summary>Un paragraphe coupé à la largeur, première ligne de base en <paramref name="y"/> ; renvoie la ligne de base suivante.</summary>
    public double Paragraphe(string texte, XFont police, double x, double y, double largeur, XBrush? couleur = null)
    {
        foreach (var ligne in Texte.Couper(Mesure, texte, police, largeur))
        {
            if (ligne.Length > 0)
            {
                Ecrire(ligne, police, x, y, couleur);
            }

            y += Interligne(police);
        }

        return y;
    }

    public static double Interligne(XFont police) => police.Size * 1.35;

    public void Trait(XPen stylo, double x1, double y1, double x2, double y2) =>
        traces.Add(g => g.DrawLine(stylo, x1, y1, x2, y2));

    public void Cadre(XPen stylo, XRect rectangle) => traces.Add(g => g.DrawRectangle(stylo, rectangle));

    public void Tracer(XGraphics gfx)
    {
        foreach (var trace in traces)
        {
            trace(gfx);
        }
    }
}
