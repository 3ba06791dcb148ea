using Credentials.Core.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents;

/// <summary>Les trois gabarits de fiches de connexion ; la valeur est le nombre de fiches par feuille A4.</summary>
public enum ModeleFiche
{
    /// <summary>Le courrier complet, une page A4 par personne (fiche détaillée).</summary>
    Detaillee = 1,

    /// <summary>Le courrier réduit, deux par feuille A4 paysage à couper en deux A5.</summary>
    DeuxParPage = 2,

    /// <summary>Fiches simplifiées à découper, 8 par feuille A4.</summary>
    Simplifiee = 8,
}

/// <summary>Rend des fiches en PDF ; la console le reçoit par injection (un test peut faire échouer le rendu).</summary>
public interface IRenduFiches
{
    Task EcrireAsync(ModeleFiche modele, EnTeteEtablissement etablissement, IAsyncEnumerable<FicheCompte> fiches, Stream sortie, CancellationToken annulation = default);
}

/// <summary>
/// Rend les fiches de connexion en PDF, dans l'ordre donné par l'appelant. Pur : des fiches en
/// entrée, des octets en sortie ; ni base de données, ni journal, ni envoi.
/// </summary>
public sealed class FichesConnexionRenderer : IRenduFiches
{
    public void Ecrire(ModeleFiche modele, EnTeteEtablissement etablissement, IEnumerable<FicheCompte> fiches, Stream sortie)
    {
        using var constructeur = new Constructeur(modele, etablissement, Titre(modele, etablissement));
        foreach (var fiche in fiches)
        {
            constructeur.Ajouter(fiche);
        }

        constructeur.Terminer();
        DocumentPdf.Enregistrer(constructeur.Document, sortie);
    }

    public async Task EcrireAsync(
        ModeleFiche modele,
        EnTeteEtablissement etablissement,
        IAsyncEnumerable<FicheCompte> fiches,
        Stream sortie,
        CancellationToken annulation = default)
    {
        using var constructeur = new Constructeur(modele, etablissement, Titre(modele, etablissement));
        await foreach (var fiche in fiches.WithCancellation(annulation).ConfigureAwait(false))
        {
            constructeur.Ajouter(fiche);
        }

        constructeur.Terminer();
        await DocumentPdf.EnregistrerAsync(constructeur.Document, sortie, annulation).ConfigureAwait(false);
    }

    /// <summary>Le courrier d'une seule personne, pour une pièce jointe ou une archive ZIP.</summary>
    public byte[] FicheIndividuelle(EnTeteEtablissement etablissement, FicheCompte fiche)
    {
        using var constructeur = new Constructeur(ModeleFiche.Detaillee, etablissement, NomsFichiers.TitreFicheIndividuelle(fiche), anticiper: false);
        constructeur.Ajouter(fiche);
        constructeur.Terminer();
        using var sortie = new MemoryStream(48 * 1024);
        DocumentPdf.Enregistrer(constructeur.Document, sortie);
        return sortie.ToArray();
    }

    private static string Titre(ModeleFiche modele, EnTeteEtablissement etablissement) =>
        $"{(modele == ModeleFiche.Simplifiee ? "Fiches de connexion simplifiées" : "Fiches de connexion")} – {etablissement.Nom}";

    /// <summary>Un document en cours : les fiches y entrent une à une, les QR codes sont calculés d'avance en parallèle.</summary>
    private sealed class Constructeur : IDisposable
    {
        private readonly ModeleFiche modele;
        private readonly EnTeteEtablissement etablissement;
        private readonly MiseEnPageCourrier courrier;
        private readonly MiseEnPagePlanche planche;
        private readonly Anticipation<FicheCompte, QrVectoriel>? qrCodes;
        private XGraphics? pageDouble;
        private int placeDouble;

        public Constructeur(ModeleFiche modele, EnTeteEtablissement etablissement, string titre, bool anticiper = true)
        {
            this.modele = modele;
            this.etablissement = etablissement;
            Document = DocumentPdf.Creer(titre, etablissement);
            courrier = new MiseEnPageCourrier(Document, etablissement);
            planche = new MiseEnPagePlanche(Document, etablissement);
            if (anticiper && modele != ModeleFiche.Simplifiee)
            {
                qrCodes = new Anticipation<FicheCompte, QrVectoriel>(Qr, Anticipation<FicheCompte, QrVectoriel>.FenetreParDefaut);
            }
        }

        public PdfDocument Document { get; }

        public void Ajouter(FicheCompte fiche)
        {
            if (modele == ModeleFiche.Simplifiee)
            {
                planche.Ajouter(fiche);
            }
            else if (qrCodes is null)
            {
                Placer(fiche, Qr(fiche));
            }
            else
            {
                qrCodes.Ajouter(fiche);
                while (qrCodes.Pleine)
                {
                    var (suivante, qr) = qrCodes.Retirer();
                    Placer(suivante, qr);
                }
            }
        }

        public void Terminer()
        {
            while (qrCodes is { Count: > 0 })
            {
                var (fiche, qr) = qrCodes.Retirer();
                Placer(fiche, qr);
            }

            planche.Terminer();
            pageDouble?.Dispose();
            DocumentPdf.PageSiVide(Document, "Aucun compte sélectionné.");
        }

        public void Dispose() => Document.Dispose();

        private QrVectoriel Qr(FicheCompte fiche) => QrVectoriel.Creer(MiseEnPageCourrier.LienQr(etablissement, fiche));

        private void Placer(FicheCompte fiche, QrVectoriel qr)
        {
            if (modele == ModeleFiche.Detaillee)
            {
                var page = DocumentPdf.NouvellePage(Document);
                using (var gfx = XGraphics.FromPdfPage(page))
                {
                    courrier.Dessiner(gfx, fiche, qr);
                }

                DocumentPdf.Compresser(page);
                if (TextesLangue.De(fiche.Langue) is { } langue)
                {
                    var verso = DocumentPdf.NouvellePage(Document);
                    using (var gfx = XGraphics.FromPdfPage(verso))
                    {
                        courrier.DessinerTraduction(gfx, fiche, langue);
                    }

                    DocumentPdf.Compresser(verso);
                }

                return;
            }

            // Two A5 letters side by side on a landscape A4: the A4 letter scaled by 1/√2 fits each half exactly.
            if (pageDouble is null || placeDouble == 2)
            {
                pageDouble?.Dispose();
                pageDouble = XGraphics.FromPdfPage(DocumentPdf.NouvellePage(Document, paysage: true));
                var milieu = DocumentPdf.HauteurA4 / 2;
                pageDouble.DrawLine(new XPen(XColor.FromGrayScale(0.35), 0.6) { DashStyle = XDashStyle.Dash }, milieu, 0, milieu, DocumentPdf.LargeurA4);
                placeDouble = 0;
            }

            var etat = pageDouble.Save();
            pageDouble.TranslateTransform(placeDouble * DocumentPdf.HauteurA4 / 2, 0);
            pageDouble.ScaleTransform(1 / Math.Sqrt(2));
            courrier.Dessiner(pageDouble, fiche, qr);
            pageDouble.Restore(etat);
            placeDouble++;
        }
    }
}
