using System.IO.Compression;
using System.Text;

namespace Credentials.Core.Documents;

/// <summary>
/// Une archive ZIP d'un PDF par personne, nommés « Fiche de connexion élève – Prénom NOM.pdf »
/// (homonymes : « … (2).pdf »), noms d'entrées en UTF-8. Les PDF sont rendus quelques-uns
/// d'avance en parallèle et écrits un à un dans l'ordre reçu : la mémoire ne dépend pas du nombre
/// de personnes, et le flux de sortie n'a pas besoin d'être positionnable.
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
        await using var archive = await ZipArchive.CreateAsync(sortie, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, annulation)
            .ConfigureAwait(false);
        await foreach (var fiche in fiches.WithCancellation(annulation).ConfigureAwait(false))
        {
            pdfs.Ajouter(fiche);
            while (pdfs.Pleine)
            {
                await Entree(archive, noms, await pdfs.RetirerAsync().ConfigureAwait(false), annulation).ConfigureAwait(false);
            }
        }

        while (pdfs.Count > 0)
        {
            await Entree(archive, noms, await pdfs.RetirerAsync().ConfigureAwait(false), annulation).ConfigureAwait(false);
        }
    }

    private static async Task Entree(ZipArchive archive, NomsUniques noms, (FicheCompte Fiche, byte[] Pdf) rendu, CancellationToken annulation)
    {
        // PDF streams are already deflated: storing them costs nothing and saves CPU.
        var entree = archive.CreateEntry(noms.Reserver(NomsFichiers.FicheIndividuelle(rendu.Fiche)), CompressionLevel.NoCompression);
        await using var flux = await entree.OpenAsync(annulation).ConfigureAwait(false);
        await flux.WriteAsync(rendu.Pdf, annulation).ConfigureAwait(false);
    }
}
