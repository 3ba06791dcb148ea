using CsvHelper;

namespace Credentials.Core.Documents;

/// <summary>
/// Écrit un CSV tel que l'ouvre Excel en France : UTF-8 avec BOM, « ; », CRLF, et les cellules
/// commençant par = + - @, une tabulation ou un retour chariot précédées d'une apostrophe (et mises
/// entre guillemets) pour qu'un tableur ne les exécute pas comme une formule. Écrit ligne à ligne :
/// rien n'est gardé en mémoire au-delà du tampon de CsvHelper.
/// </summary>
internal static class CsvComptes
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static async Task EcrireAsync<T>(
        Stream sortie,
        string[] entete,
        IAsyncEnumerable<T> fiches,
        Action<CsvWriter, T> ligne,
        CancellationToken annulation)
    {
        await using var csv = CsvWriter.Create(sortie, Options, true);
        csv.WriteHeader(entete);
        await foreach (var fiche in fiches.WithCancellation(annulation).ConfigureAwait(false))
        {
            ligne(csv, fiche);
            await csv.EndRecordAsync(annulation).ConfigureAwait(false);
        }

        await csv.FlushAsync(annulation).ConfigureAwait(false);
    }
}
