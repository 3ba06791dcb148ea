using System.IO.Compression;
using System.Text;

namespace Credentials.Core.Documents;

/// <summary>
/// Une archive ZIP d'un PDF par personne, nommés « Fiche de connexion élève – Prénom NOM.pdf »
/// (homonymes : « … (2).pdf »), noms d'entrées en UTF-8. Les PDF sont rendus quelques-uns
/// d'avance en parallèle et écrits un à un dans l'ordre reçu : la mémoire ne dépend pas du nombre
/// de personnes, et le flux de sortie n'a besoin d'être ni positionnable ni synchrone.
/// </summary>
public sealed class ArchiveFichesRenderer
{
    private static readonly FichesConnexionRenderer Fiches = new();

    public Task EcrireAsync(EnTeteEtablissement etablissement, IEnumerable<FicheCompte> fiches, Stream sortie, CancellationToken annulation = default) =>
        EcrireAsync(etablissement, fiches.ToAsyncEnumerable(), sortie, annulation);

    public async Task EcrireAsync(
        EnTeteEtablissement etablissement,
        IAsyncEnumerable<FicheCompte> fiches,
        Stream sortie,
        CancellationToken annulation = default)
    {
        var noms = new NomsUniques();
        var pdfs = new Anticipation<FicheCompte, byte[]>(
            fiche => Fiches.FicheIndividuelle(etablissement, fiche), Anticipation<FicheCompte, byte[]>.FenetreParDefaut);
        // ZipArchive writes an entry's trailer synchronously even from DisposeAsync: it writes into
        // this buffer, which is copied asynchronously to the output after each entry.
        using var tampon = new TamponZip();
        using (var archive = new ZipArchive(tampon, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            await foreach (var fiche in fiches.WithCancellation(annulation).ConfigureAwait(false))
            {
                pdfs.Ajouter(fiche);
                while (pdfs.Pleine)
                {
                    Entree(archive, noms, await pdfs.RetirerAsync().ConfigureAwait(false));
                    await tampon.ViderAsync(sortie, annulation).ConfigureAwait(false);
                }
            }

            while (pdfs.Count > 0)
            {
                Entree(archive, noms, await pdfs.RetirerAsync().ConfigureAwait(false));
                await tampon.ViderAsync(sortie, annulation).ConfigureAwait(false);
            }
        }

        await tampon.ViderAsync(sortie, annulation).ConfigureAwait(false);
        await sortie.FlushAsync(annulation).ConfigureAwait(false);
    }

    private static void Entree(ZipArchive archive, NomsUniques noms, (FicheCompte Fiche, byte[] Pdf) rendu)
    {
        // A PDF's streams are already deflated: storing them saves CPU for a few percent of size.
        var entree = archive.CreateEntry(noms.Reserver(NomsFichiers.FicheIndividuelle(rendu.Fiche)), CompressionLevel.NoCompression);
        using var flux = entree.Open();
        flux.Write(rendu.Pdf);
    }

    /// <summary>Reçoit en mémoire ce que ZipArchive écrit pour une entrée, jusqu'au prochain <see cref="ViderAsync"/>.</summary>
    private sealed class TamponZip : FluxEcritureSeule
    {
        private readonly MemoryStream contenu = new();

        public async Task ViderAsync(Stream sortie, CancellationToken annulation)
        {
            await sortie.WriteAsync(contenu.GetBuffer().AsMemory(0, (int)contenu.Length), annulation).ConfigureAwait(false);
            contenu.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count) => contenu.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => contenu.Write(buffer);

        protected override void Dispose(bool disposing)
        {
            contenu.Dispose();
            base.Dispose(disposing);
        }
    }
}
