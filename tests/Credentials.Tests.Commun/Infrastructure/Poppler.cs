namespace Credentials.Tests.Infrastructure;

/// <summary>Reads PDFs back with poppler's real tools (pdftotext, pdfinfo); fails clearly when they are missing.</summary>
public static class Poppler
{
    public static async Task<string> TexteAsync(byte[] pdf, bool layout = false)
    {
        var fichier = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(fichier, pdf);
            return await Processus.ExecuterAsync("pdftotext", layout ? ["-layout", "-enc", "UTF-8", fichier, "-"] : ["-enc", "UTF-8", fichier, "-"]);
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var fichier = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(fichier, pdf);
            var info = await Processus.ExecuterAsync("pdfinfo", [fichier]);
            var ligne = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(ligne["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(fichier);
        }
    }
}
