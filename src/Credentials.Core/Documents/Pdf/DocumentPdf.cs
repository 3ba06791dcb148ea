using System.IO.Pipelines;
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

    /// <summary>Compresse tout de suite le contenu d'une page terminée (sinon fait à l'enregistrement).</summary>
    public static void Compresser(PdfPage? page)
    {
        if (page is null)
        {
            return;
        }

        foreach (var contenu in page.Contents)
        {
            contenu.Compressed = true;
        }
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

    /// <summary>
    /// Pour un flux qui refuse les écritures synchrones (le corps d'une réponse HTTP) : PDFsharp
    /// écrit de façon synchrone sur un autre thread dans un tuyau borné, que l'on recopie ici de
    /// façon asynchrone. Le PDF n'est jamais entier en mémoire une seconde fois.
    /// </summary>
    public static async Task EnregistrerAsync(PdfDocument document, Stream sortie, CancellationToken annulation)
    {
        var tuyau = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var ecriture = Task.Run(() =>
        {
            try
            {
                Enregistrer(document, new FluxCompte(tuyau.Writer.AsStream(leaveOpen: true)));
                tuyau.Writer.Complete();
            }
            catch (Exception erreur)
            {
                tuyau.Writer.Complete(erreur);
            }
        }, CancellationToken.None);
        try
        {
            await tuyau.Reader.CopyToAsync(sortie, annulation).ConfigureAwait(false);
        }
        finally
        {
            // Unblocks the writer if the copy failed (client gone): its writes are then discarded.
            await tuyau.Reader.CompleteAsync().ConfigureAwait(false);
            await ecriture.ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Un flux en écriture seule qui compte ses octets : PDFsharp lit <see cref="Position"/> pour sa
/// table des objets, ce que ni un tuyau ni le corps d'une réponse HTTP ne savent faire.
/// </summary>
internal sealed class FluxCompte(Stream cible) : FluxEcritureSeule
{
    private long ecrits;

    public override long Length => ecrits;

    public override long Position { get => ecrits; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cible.Write(buffer);
        ecrits += buffer.Length;
    }

    public override void WriteByte(byte value)
    {
        cible.WriteByte(value);
        ecrits++;
    }

    public override void Flush() => cible.Flush();
}
