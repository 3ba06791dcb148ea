using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Credentials.Tests.Courriels;

/// <summary>
/// A stand-in for the Documents renderers: a small valid one-page PDF per sheet, titled with the
/// attachment's name and carrying the identifier as its subject (no font needed, so no font resolver).
/// </summary>
public sealed class RenduPiecesJointesDeTest(CredentialsDbContext db) : IRenduPiecesJointes
{
    static RenduPiecesJointesDeTest() => PdfSharp.PdfSharpLicense.SetAgplLicense();

    public async Task<IReadOnlyList<PieceJointeRendue>> RendreAsync(int etablissementId, IReadOnlyList<PieceJointeReference> references, CancellationToken ct)
    {
        var ids = references.Select(r => r.CompteId).ToList();
        var identifiants = await db.Comptes.AsNoTracking()
            .Where(c => c.EtablissementId == etablissementId && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Identifiant, ct);
        return references.Select(r => new PieceJointeRendue(r.NomFichier, "application/pdf", Pdf(Path.GetFileNameWithoutExtension(r.NomFichier), identifiants[r.CompteId]))).ToList();
    }

    private static byte[] Pdf(string titre, string identifiant)
    {
        using var document = new PdfDocument();
        document.Info.Title = titre;
        document.Info.Subject = identifiant;
        var page = document.AddPage();
        using (var dessin = XGraphics.FromPdfPage(page))
        {
            dessin.DrawRectangle(XPens.Black, 60, 60, 300, 120);
        }

        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }
}
