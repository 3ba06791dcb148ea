using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents.Pdf;

/// <summary>Création et enregistrement des documents PDF, avec les mêmes réglages pour tous les rendus.</summary>
internal static class DocumentPdf
{
    public const double LargeurA4 = 595.28;
    public const double HauteurA4 = 841.89;

    public static PdfDocument Creer(string titre, EnTeteEtablissement etablissement)
    {
        PolicesPdf.Initialiser();
        var document = new PdfDocument();
        document.Info.Title = titre;
        document.Info.Author = etablissement.Nom;
        document.Info.Subject = $"{etablissement.Nom} ({etablissement.Uai})";
        document.Info.Creator = "Credentials";
        document.Language = "fr-FR";
        // Content streams are mostly small repeated operators: the fastest deflate level loses a few
        // percent of size and saves a third of the saving time on long documents.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        return document;
    }

    public static PdfPage NouvellePage(PdfDocument document, bool paysage = false)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(paysage ? HauteurA4 : LargeurA4);
        page.Height = XUnit.FromPoint(paysage ? LargeurA4 : HauteurA4);
        return page;
    }

    /// <summary>Un PDF sans page ne s'enregistre pas : une sélection vide donne une page qui le dit.</summary>
    public static void PageSiVide(PdfDocument document, string message)
    {
        if (document.PageCount > 0)
        {
            return;
        }

        using var gfx = XGraphics.FromPdfPage(NouvellePage(document));
        gfx.DrawString(message, PolicesPdf.Texte(12), Texte.Encre, 56, 90);
    }

    public static void Enregistrer(PdfDocument document, Stream sortie) => document.Save(sortie, closeStream: false);

    public static Task EnregistrerAsync(PdfDocument document, Stream sortie) => document.SaveAsync(sortie, closeStream: false);
}
