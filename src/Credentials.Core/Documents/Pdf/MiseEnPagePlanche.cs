using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Les fiches simplifiées : 8 par page A4 (2 colonnes × 4 rangées de 105 × 74 mm), séparées par des
/// traits de coupe en tirets. Les traits et les libellés de chaque fiche sont des XForm tracés une
/// fois par document.
/// </summary>
internal sealed class MiseEnPagePlanche(PdfDocument document, EnTeteEtablissement etablissement)
{
    public const int Colonnes = 2;
    public const int Rangees = 4;
    public const int ParPage = Colonnes * Rangees;
    private const double LargeurFiche = DocumentPdf.LargeurA4 / Colonnes;
    private const double HauteurFiche = DocumentPdf.HauteurA4 / Rangees;
    private const double Marge = 22;
    private const double LargeurUtile = LargeurFiche - 2 * Marge;

    private static readonly XPen Coupe = new(XColor.FromGrayScale(0.35), 0.6) { DashStyle = XDashStyle.Dash };

    private readonly Dictionary<VarianteFiche, XForm> fonds = [];
    private XForm? traits;
    private XGraphics? page;
    private int place = ParPage;

    public void Ajouter(FicheCompte fiche)
    {
        if (place == ParPage)
        {
            page?.Dispose();
            page = XGraphics.FromPdfPage(DocumentPdf.NouvellePage(document));
            traits ??= TraitsDeCoupe();
            page.DrawImage(traits, 0, 0, DocumentPdf.LargeurA4, DocumentPdf.HauteurA4);
            place = 0;
        }

        var etat = page!.Save();
        page.TranslateTransform(place % Colonnes * LargeurFiche, place / Colonnes * HauteurFiche);
        Dessiner(page, fiche);
        page.Restore(etat);
        place++;
    }

    public void Terminer() => page?.Dispose();

    private void Dessiner(XGraphics gfx, FicheCompte fiche)
    {
        var variante = AffichageCompte.Variante(fiche);
        if (!fonds.TryGetValue(variante, out var fond))
        {
            fond = Fond(variante);
            fonds.Add(variante, fond);
        }

        gfx.DrawImage(fond, 0, 0, LargeurFiche, HauteurFiche);
        Texte.Ligne(gfx, fiche.NomComplet, PolicesPdf.Texte(12.5, gras: true), Marge, 52, LargeurUtile);
        Texte.Ligne(gfx, TextesCourrier.Qualite(fiche), PolicesPdf.Texte(9), Marge, 67, LargeurUtile);
        Texte.Ligne(gfx, fiche.Identifiant, PolicesPdf.Code(13), Marge, 110, LargeurUtile);

        if (variante == VarianteFiche.Rappel)
        {
            gfx.DrawString("Compte activé", PolicesPdf.Texte(11, gras: true), Texte.Encre, Marge, 150);
            gfx.DrawString("mot de passe choisi par son titulaire", PolicesPdf.Texte(8), Texte.Discret, Marge, 163);
        }
        else if (AffichageCompte.MotDePasseProvisoire(fiche) is { } motDePasse)
        {
            gfx.DrawString(FormatSecret.PourAffichage(motDePasse), PolicesPdf.Code(15), Texte.Encre, Marge, 151);
            if (fiche.MotDePasseExpireLe is not null)
            {
                gfx.DrawString(TextesCourrier.Validite(fiche.MotDePasseExpireLe), PolicesPdf.Texte(8), Texte.Encre, Marge, 165);
            }
        }
        else
        {
            gfx.DrawString("Pas encore attribué : à demander à l'établissement", PolicesPdf.Texte(8.5), Texte.Encre, Marge, 150);
        }
    }

    private XForm Fond(VarianteFiche variante)
    {
        var fond = new XForm(document, XUnit.FromPoint(LargeurFiche), XUnit.FromPoint(HauteurFiche));
        using var gfx = XGraphics.FromForm(fond);
        Texte.Ligne(gfx, etablissement.Nom, PolicesPdf.Texte(7.5), Marge, 30, LargeurUtile, Texte.Discret);
        var etiquette = PolicesPdf.Texte(8);
        gfx.DrawString("Identifiant", etiquette, Texte.Discret, Marge, 92);
        gfx.DrawString(variante == VarianteFiche.Rappel ? "Mot de passe" : "Mot de passe provisoire", etiquette, Texte.Discret, Marge, 132);
        var adresse = variante == VarianteFiche.Rappel ? "Connexion : " : "Activation : ";
        Texte.Ligne(gfx, adresse + etablissement.PortailUrl, PolicesPdf.Texte(8.5, gras: true), Marge, 190, LargeurUtile);
        return fond;
    }

    private XForm TraitsDeCoupe()
    {
        var fond = new XForm(document, XUnit.FromPoint(DocumentPdf.LargeurA4), XUnit.FromPoint(DocumentPdf.HauteurA4));
        using var gfx = XGraphics.FromForm(fond);
        gfx.DrawLine(Coupe, LargeurFiche, 0, LargeurFiche, DocumentPdf.HauteurA4);
        for (var r = 1; r < Rangees; r++)
        {
            gfx.DrawLine(Coupe, 0, r * HauteurFiche, DocumentPdf.LargeurA4, r * HauteurFiche);
        }

        return fond;
    }
}
