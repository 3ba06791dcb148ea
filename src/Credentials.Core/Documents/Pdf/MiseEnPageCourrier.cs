using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Le courrier d'une page A4 (fiche détaillée). Tout ce qui ne dépend pas de la personne — en-tête,
/// textes, cadre, signature — est tracé une fois par document et par (variante, profil) dans un
/// XForm que chaque page réutilise ; seuls le nom, l'identifiant, le mot de passe et le QR code
/// sont écrits page par page.
/// </summary>
internal sealed class MiseEnPageCourrier(PdfDocument document, EnTeteEtablissement etablissement)
{
    public const double Largeur = DocumentPdf.LargeurA4;
    public const double Hauteur = DocumentPdf.HauteurA4;
    private const double Marge = 56;
    private const double LargeurUtile = Largeur - 2 * Marge;
    private const double XDestinataire = 330;
    private const double Retrait = 18;

    private static readonly XPen Filet = new(XColors.Black, 0.6);
    private static readonly XPen Bordure = new(XColors.Black, 1.4);

    private readonly Dictionary<(VarianteFiche, Profil, bool), Gabarit> gabarits = [];

    /// <summary>Le lien du QR code d'une fiche (la page d'activation, identifiant pré-rempli).</summary>
    public static string LienQr(EnTeteEtablissement etablissement, FicheCompte fiche) =>
        LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant);

    /// <summary>Trace le courrier d'une fiche dans le repère courant (0, 0 en haut à gauche d'une page A4).</summary>
    public void Dessiner(XGraphics gfx, FicheCompte fiche, QrVectoriel qr)
    {
        var variante = AffichageCompte.Variante(fiche);
        var gabarit = GabaritDe(variante, fiche.Profil, fiche.Relance && variante == VarianteFiche.Identifiants);
        gfx.DrawImage(gabarit.Fond, 0, 0, Largeur, Hauteur);
        qr.Dessiner(document, gfx, gabarit.Qr.X, gabarit.Qr.Y, gabarit.Qr.Width);

        Texte.Ligne(gfx, TextesCourrier.Destinataire(fiche), PolicesPdf.Texte(12, gras: true), XDestinataire, 126, Largeur - Marge - XDestinataire);
        Texte.Ligne(gfx, TextesCourrier.Qualite(fiche), PolicesPdf.Texte(9.5), XDestinataire, 141, Largeur - Marge - XDestinataire);
        gfx.DrawString(TextesCourrier.Salutation(fiche), gabarit.Corps, Texte.Encre, Marge, gabarit.YSalutation);

        var cadre = gabarit.Cadre;
        var xValeur = cadre.X + 16;
        var largeurValeur = gabarit.Qr.X - xValeur - 12;
        Texte.Ligne(gfx, fiche.Identifiant, PolicesPdf.Code(16), xValeur, cadre.Y + 48, largeurValeur);
        if (variante == VarianteFiche.Identifiants)
        {
            if (AffichageCompte.MotDePasseProvisoire(fiche) is { } motDePasse)
            {
                Texte.Ligne(gfx, FormatSecret.PourAffichage(motDePasse), PolicesPdf.Code(22), xValeur, cadre.Y + 102, largeurValeur);
                if (fiche.MotDePasseExpireLe is not null)
                {
                    gfx.DrawString(TextesCourrier.Validite(fiche.MotDePasseExpireLe), PolicesPdf.Texte(9.5, gras: true), Texte.Encre, xValeur, cadre.Y + 121);
                }
            }
            else
            {
                Texte.Ligne(gfx, "Pas encore attribué : demandez-le à l'établissement.", PolicesPdf.Texte(10), xValeur, cadre.Y + 100, largeurValeur);
            }
        }
    }

    /// <summary>
    /// La page en langue de la famille, au verso du courrier : le même texte traduit, l'identifiant et le
    /// mot de passe provisoire repris dans un cadre (texte écrit par DejaVu : latin et cyrillique).
    /// </summary>
    public void DessinerTraduction(XGraphics gfx, FicheCompte fiche, TextesLangue langue)
    {
        var plan = new Plan(gfx);
        var variante = AffichageCompte.Variante(fiche);
        plan.Ligne(etablissement.Nom, PolicesPdf.Texte(12, gras: true), Marge, 58, LargeurUtile);
        plan.Ecrire($"{langue.Nom} · {langue.NomFrancais}", PolicesPdf.Texte(9), Marge, 73, Texte.Discret);
        plan.Trait(Filet, Marge, 84, Largeur - Marge, 84);
        var y = plan.Paragraphe(fiche.NomComplet, PolicesPdf.Texte(13, gras: true), Marge, 120, LargeurUtile) + 10;
        var motDePasse = variante == VarianteFiche.Identifiants ? AffichageCompte.MotDePasseProvisoire(fiche) : null;
        var paragraphes = variante == VarianteFiche.Identifiants && motDePasse is not null
            ? langue.Identifiants(fiche.Identifiant, LienQr(etablissement, fiche))
            : langue.Rappel(fiche.Identifiant, etablissement.PortailUrl);
        foreach (var paragraphe in paragraphes)
        {
            y = plan.Paragraphe(paragraphe, PolicesPdf.Texte(11), Marge, y, LargeurUtile) + 8;
        }

        var cadre = new XRect(Marge, y + 6, LargeurUtile, motDePasse is null ? 44 : 78);
        plan.Cadre(Bordure, cadre);
        plan.Ligne(fiche.Identifiant, PolicesPdf.Code(15), cadre.X + 16, cadre.Y + 28, LargeurUtile - 32);
        if (motDePasse is not null)
        {
            plan.Ligne(FormatSecret.PourAffichage(motDePasse), PolicesPdf.Code(20), cadre.X + 16, cadre.Y + 62, LargeurUtile - 32);
        }

        plan.Tracer(gfx);
    }

    private Gabarit GabaritDe(VarianteFiche variante, Profil profil, bool relance)
    {
        if (!gabarits.TryGetValue((variante, profil, relance), out var gabarit))
        {
            gabarit = Construire(variante, profil, relance);
            gabarits.Add((variante, profil, relance), gabarit);
        }

        return gabarit;
    }

    private Gabarit Construire(VarianteFiche variante, Profil profil, bool relance)
    {
        var fond = new XForm(document, XUnit.FromPoint(Largeur), XUnit.FromPoint(Hauteur));
        using var gfx = XGraphics.FromForm(fond);
        // A school's own long text may not fit at the default size: shrink the body until it does.
        for (var corps = 10.0; ; corps -= 0.5)
        {
            var plan = new Plan(gfx);
            if (Composer(plan, variante, profil, relance, fond, corps, forcer: corps <= 7) is { } gabarit)
            {
                plan.Tracer(gfx);
                return gabarit;
            }
        }
    }

    /// <summary>Note la mise en page statique ; <c>null</c> si elle déborde sur le pied de page.</summary>
    private Gabarit? Composer(Plan plan, VarianteFiche variante, Profil profil, bool relance, XForm fond, double corps, bool forcer = false)
    {
        var texte = PolicesPdf.Texte(corps);
        var gras = PolicesPdf.Texte(corps + 1, gras: true);

        plan.Ligne(etablissement.Nom, PolicesPdf.Texte(14, gras: true), Marge, 58, LargeurUtile);
        var lieu = string.IsNullOrWhiteSpace(etablissement.Ville) ? "" : " · " + etablissement.Ville;
        plan.Ecrire($"UAI {etablissement.Uai}{lieu}", PolicesPdf.Texte(9), Marge, 73, Texte.Discret);
        plan.Trait(Filet, Marge, 84, Largeur - Marge, 84);
        plan.Ecrire("À l'attention de", PolicesPdf.Texte(8.5), XDestinataire, 110, Texte.Discret);

        var y = plan.Paragraphe(relance ? TextesCourrier.TitreRelance : TextesCourrier.Titre(variante), PolicesPdf.Texte(15, gras: true), Marge, 190, LargeurUtile);
        var ySalutation = y + 8;
        y = ySalutation + Plan.Interligne(texte) + 6;
        y = plan.Paragraphe(relance ? TextesCourrier.IntroductionRelance(etablissement) : TextesCourrier.Introduction(etablissement, variante), texte, Marge, y, LargeurUtile) + 4;
        y = plan.Paragraphe(TextesCourrier.AQuoiSertLeCompte(etablissement, profil), texte, Marge, y, LargeurUtile) + 10;

        XRect cadre, qr;
        if (variante == VarianteFiche.Identifiants)
        {
            y = Etapes(plan, variante, gras, texte, y);
            (cadre, qr) = Cadre(plan, variante, y);
            y = cadre.Bottom + 22;
        }
        else
        {
            (cadre, qr) = Cadre(plan, variante, y - 4);
            y = Etapes(plan, variante, gras, texte, cadre.Bottom + 24);
        }

        y = plan.Paragraphe(TextesCourrier.Conseil(variante), PolicesPdf.Texte(corps - 0.5), Marge, y, LargeurUtile, Texte.Discret) + 14;
        if (!string.IsNullOrWhiteSpace(etablissement.NomChef))
        {
            plan.ADroite(etablissement.NomChef.Trim(), PolicesPdf.Texte(corps, gras: true), Largeur - Marge, y);
            y += Plan.Interligne(texte);
        }

        plan.ADroite(TextesCourrier.Signataire, texte, Largeur - Marge, y, Texte.Discret);

        var pied = PolicesPdf.Texte(9);
        var textePied = TextesCourrier.Contact(etablissement) + "\n" + TextesCourrier.DonneesPersonnelles(etablissement);
        var lignesPied = Texte.Couper(plan.Mesure, textePied, pied, LargeurUtile).Count;
        var yPied = Hauteur - 44 - (lignesPied - 1) * Plan.Interligne(pied);
        if (y > yPied - 24 && !forcer)
        {
            return null;
        }

        plan.Trait(Filet, Marge, yPied - 14, Largeur - Marge, yPied - 14);
        plan.Paragraphe(textePied, pied, Marge, yPied, LargeurUtile);
        return new Gabarit(fond, texte, ySalutation, cadre, qr);
    }

    private double Etapes(Plan plan, VarianteFiche variante, XFont titre, XFont texte, double y)
    {
        plan.Ecrire(TextesCourrier.TitreEtapes(variante), titre, Marge, y);
        y += Plan.Interligne(titre) + 2;
        var etapes = TextesCourrier.Etapes(variante);
        for (var i = 0; i < etapes.Count; i++)
        {
            plan.Ecrire($"{i + 1}.", PolicesPdf.Texte(texte.Size, gras: true), Marge, y);
            y = plan.Paragraphe(etapes[i], texte, Marge + Retrait, y, LargeurUtile - Retrait);
            var adresseApres = variante == VarianteFiche.Identifiants ? i == 0 : i == etapes.Count - 1;
            if (adresseApres)
            {
                plan.Ligne(etablissement.PortailUrl, PolicesPdf.Texte(texte.Size + 1.5, gras: true), Marge + Retrait, y + 2, LargeurUtile - Retrait);
                y += Plan.Interligne(texte) + 6;
            }

            y += 3;
        }

        return y + 8;
    }

    /// <summary>Le cadre des identifiants, ses libellés et la place du QR code.</summary>
    private static (XRect Cadre, XRect Qr) Cadre(Plan plan, VarianteFiche variante, double y)
    {
        var identifiants = variante == VarianteFiche.Identifiants;
        var cadre = new XRect(Marge, y, LargeurUtile, identifiants ? 152 : 128);
        plan.Cadre(Bordure, cadre);
        var coteQr = cadre.Height - 30;
        var qr = new XRect(cadre.Right - coteQr - 8, cadre.Y + 6, coteQr, coteQr);
        var legende = PolicesPdf.Texte(8);
        var texteLegende = identifiants ? "Scannez pour activer" : "Scannez pour vous connecter";
        legende = Texte.Ajuster(plan.Mesure, texteLegende, legende, qr.Width);
        var largeurLegende = Texte.Largeur(plan.Mesure, texteLegende, legende);
        plan.Ecrire(texteLegende, legende, qr.X + (qr.Width - largeurLegende) / 2, cadre.Bottom - 10, Texte.Discret);

        var x = cadre.X + 16;
        var etiquette = PolicesPdf.Texte(9.5);
        plan.Ecrire("Identifiant", etiquette, x, cadre.Y + 24, Texte.Discret);
        if (identifiants)
        {
            plan.Ecrire("Mot de passe provisoire", etiquette, x, cadre.Y + 74, Texte.Discret);
            plan.Ecrire(TextesCourrier.AideSaisie, PolicesPdf.Texte(8), x, cadre.Bottom - 12, Texte.Discret);
        }
        else
        {
            plan.Ecrire("Mot de passe", etiquette, x, cadre.Y + 76, Texte.Discret);
            plan.Ligne("Celui que vous avez choisi lors de l'activation.", PolicesPdf.Texte(10.5), x, cadre.Y + 96, qr.X - x - 12);
        }

        return (cadre, qr);
    }

    private sealed record Gabarit(XForm Fond, XFont Corps, double YSalutation, XRect Cadre, XRect Qr);
}
