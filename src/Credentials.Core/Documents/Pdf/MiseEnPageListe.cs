using Credentials.Core.Domain;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// La liste des comptes par classe (seed 003 §3.3) : une nouvelle page à chaque classe, l'en-tête
/// du tableau sur chaque page (un XForm tracé une fois), « Page n / N » ajouté à la fin, quand N est connu.
/// </summary>
internal sealed class MiseEnPageListe(PdfDocument document, EnTeteEtablissement etablissement, string titre)
{
    private const double Marge = 42;
    private const double LargeurUtile = DocumentPdf.LargeurA4 - 2 * Marge;
    private const double HautTableau = 118;
    private const double HauteurLigne = 15;
    private const double BasTableau = DocumentPdf.HauteurA4 - 66;
    private const double Retrait = 4;
    private const double PremiereLigne = HautTableau + HauteurLigne + 2;
    private static readonly int LignesParPage = (int)((BasTableau - PremiereLigne) / HauteurLigne);

    private static readonly (string Titre, double Largeur)[] Colonnes =
        [("Nom", 110), ("Prénom", 100), ("État du compte", 98), ("Identifiant", 125), ("Mot de passe", 78)];

    private static readonly XBrush Zebre = new XSolidBrush(XColor.FromGrayScale(0.93));
    private static readonly XBrush FondEntete = new XSolidBrush(XColor.FromGrayScale(0.82));
    private static readonly XPen Filet = new(XColors.Black, 0.6);

    private readonly XFont cellule = PolicesPdf.Texte(8.5);
    private readonly XFont code = PolicesPdf.Code(8.5, gras: false);
    private XForm? fond;
    private XGraphics? page;
    private PdfPage? pagePdf;
    private string? classe;
    private bool premiereFiche = true;
    private double y;

    public void Ajouter(FicheCompte fiche)
    {
        var nouvelleClasse = premiereFiche || !string.Equals(fiche.Classe, classe, StringComparison.Ordinal);
        if (nouvelleClasse || y + HauteurLigne > BasTableau)
        {
            NouvellePage(fiche, suite: !nouvelleClasse);
        }

        premiereFiche = false;
        var x = Marge;
        var enLigne = y + HauteurLigne - 4.5;
        Cellule(fiche.Nom, cellule, ref x, 0, enLigne);
        Cellule(fiche.Prenom, cellule, ref x, 1, enLigne);
        Cellule(AffichageCompte.Etat(fiche), cellule, ref x, 2, enLigne);
        Cellule(fiche.Identifiant, code, ref x, 3, enLigne);
        Cellule(AffichageCompte.ColonneMotDePasseImprimee(fiche), code, ref x, 4, enLigne);
        y += HauteurLigne;
    }

    /// <summary>Ferme la dernière page puis numérote toutes les pages.</summary>
    public void Terminer()
    {
        FermerPage();
        var police = PolicesPdf.Texte(8);
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            Texte.ADroite(gfx, $"Page {i + 1} / {total}", police, DocumentPdf.LargeurA4 - Marge, DocumentPdf.HauteurA4 - 28);
        }
    }

    private void Cellule(string texte, XFont police, ref double x, int colonne, double ligneDeBase)
    {
        var largeur = Colonnes[colonne].Largeur - 2 * Retrait;
        page!.DrawString(texte, Texte.Ajuster(page, texte, police, largeur), Texte.Encre, x + Retrait, ligneDeBase);
        x += Colonnes[colonne].Largeur;
    }

    private void NouvellePage(FicheCompte fiche, bool suite)
    {
        FermerPage();
        pagePdf = DocumentPdf.NouvellePage(document);
        page = XGraphics.FromPdfPage(pagePdf);
        fond ??= Fond();
        page.DrawImage(fond, 0, 0, DocumentPdf.LargeurA4, DocumentPdf.HauteurA4);

        classe = fiche.Classe;
        var intitule = string.IsNullOrWhiteSpace(fiche.Classe) ? "Sans classe" : fiche.Classe;
        Texte.Ligne(page, suite ? intitule + " (suite)" : intitule, PolicesPdf.Texte(14, gras: true), Marge, 88, LargeurUtile);
        if (!string.IsNullOrWhiteSpace(fiche.LibelleMef))
        {
            Texte.Ligne(page, fiche.LibelleMef, PolicesPdf.Texte(9.5), Marge, 103, LargeurUtile);
        }

        y = PremiereLigne;
    }

    /// <summary>
    /// Compresse la page dès qu'elle est finie : PDFsharp garde toutes les pages jusqu'à
    /// l'enregistrement, et 100 000 lignes pèsent alors 5 fois moins en mémoire.
    /// </summary>
    private void FermerPage()
    {
        // The background has stripes for a full page: blank out those below the last row.
        var finTableau = PremiereLigne + LignesParPage * HauteurLigne;
        if (page is not null && y < finTableau)
        {
            page.DrawRectangle(XBrushes.White, Marge - 1, y, LargeurUtile + 2, finTableau - y + 1);
        }

        page?.Dispose();
        page = null;
        DocumentPdf.Compresser(pagePdf);
        pagePdf = null;
    }

    private XForm Fond()
    {
        var form = new XForm(document, XUnit.FromPoint(DocumentPdf.LargeurA4), XUnit.FromPoint(DocumentPdf.HauteurA4));
        using var gfx = XGraphics.FromForm(form);
        Texte.Ligne(gfx, $"{etablissement.Nom} · UAI {etablissement.Uai}", PolicesPdf.Texte(9), Marge, 40, LargeurUtile / 2, Texte.Discret);
        Texte.ADroite(gfx, titre, PolicesPdf.Texte(9, gras: true), DocumentPdf.LargeurA4 - Marge, 40);
        gfx.DrawLine(Filet, Marge, 48, DocumentPdf.LargeurA4 - Marge, 48);

        gfx.DrawRectangle(FondEntete, Marge, HautTableau, LargeurUtile, HauteurLigne + 2);
        for (var rang = 1; rang < LignesParPage; rang += 2)
        {
            gfx.DrawRectangle(Zebre, Marge, PremiereLigne + rang * HauteurLigne, LargeurUtile, HauteurLigne);
        }

        var x = Marge;
        var entete = PolicesPdf.Texte(8.5, gras: true);
        foreach (var (intitule, largeur) in Colonnes)
        {
            gfx.DrawString(intitule, entete, Texte.Encre, x + Retrait, HautTableau + HauteurLigne - 3.5);
            x += largeur;
        }

        var note = PolicesPdf.Texte(7.5);
        var yNote = DocumentPdf.HauteurA4 - 48;
        gfx.DrawLine(Filet, Marge, yNote - 10, DocumentPdf.LargeurA4 - Marge, yNote - 10);
        Texte.Ligne(gfx, "Document confidentiel : il contient des mots de passe provisoires. À détruire après distribution.", note, Marge, yNote, LargeurUtile - 60, Texte.Discret);
        Texte.Ligne(
            gfx,
            $"« {EtatCompte.NonNotifie.Libelle()} » : pas encore de mot de passe, notifiez d'abord le compte. « {EtatCompte.Active.Libelle()} » : mot de passe choisi par son titulaire.",
            note, Marge, yNote + 10, LargeurUtile - 60, Texte.Discret);
        return form;
    }
}
