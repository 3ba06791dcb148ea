using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Documents;

/// <summary>
/// Ce que les tests des rendus relisent d'un PDF avec poppler (texte page par page, informations), par
/// <see cref="Processus"/> : un outil absent fait échouer le test avec le paquet à installer, jamais le sauter.
/// </summary>
internal static class OutilsExternes
{
    /// <summary>Le texte d'un PDF page par page, tel que le copie un lecteur (pdftotext -layout).</summary>
    public static string[] TexteParPage(string pdf, int? premiere = null, int? derniere = null)
    {
        var pages = premiere is null ? [] : new[] { "-f", premiere.Value.ToString(), "-l", (derniere ?? premiere).Value.ToString() };
        var texte = Processus.Executer("pdftotext", ["-layout", "-enc", "UTF-8", .. pages, pdf, "-"]);
        var decoupe = texte.Split('\f');
        // pdftotext ends the last page with a form feed too.
        return decoupe[^1].Trim().Length == 0 ? decoupe[..^1] : decoupe;
    }

    /// <summary>Le texte d'un PDF, espaces et retours à la ligne réduits à une espace : une phrase coupée en fin de ligne se retrouve entière.</summary>
    public static string TexteSuivi(string pdf) => Aplatir(string.Join(' ', TexteParPage(pdf)));

    public static string Aplatir(string texte) => System.Text.RegularExpressions.Regex.Replace(texte, @"\s+", " ");

    public static Dictionary<string, string> Infos(string pdf) =>
        Processus.Executer("pdfinfo", "-enc", "UTF-8", pdf)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(ligne => ligne.Split(':', 2))
            .Where(parties => parties.Length == 2)
            .ToDictionary(parties => parties[0].Trim(), parties => parties[1].Trim());

    public static int NombreDePages(string pdf) => int.Parse(Infos(pdf)["Pages"]);
}

/// <summary>Un dossier temporaire effacé à la fin du test.</summary>
internal sealed class DossierTemporaire : IDisposable
{
    public string Chemin { get; } = Directory.CreateTempSubdirectory("credentials-documents-").FullName;

    public string Fichier(string nom) => Path.Combine(Chemin, nom);

    public void Dispose() => Directory.Delete(Chemin, recursive: true);
}
