using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Prépare PDFsharp une fois par processus : la licence AGPL (sans elle, chaque document lève
/// « The loaded license is not valid ») et les polices DejaVu livrées dans l'assembly, pour que
/// le rendu ne dépende d'aucune police installée sur le serveur.
/// </summary>
internal static class PolicesPdf
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    // One cache per thread: documents are rendered in parallel (ZIP, QR look-ahead) and PDFsharp
    // does not promise that an XFont may be used by two threads at once.
    [ThreadStatic]
    private static Dictionary<(string Famille, double Taille, bool Gras), XFont>? cache;

    static PolicesPdf()
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        // The resolver may only be set once per process; another caller (a test host) may have done it.
        if (GlobalFontSettings.FontResolver is not ResolveurDejaVu)
        {
            GlobalFontSettings.FontResolver = new ResolveurDejaVu();
        }
    }

    /// <summary>Appelé par chaque rendu avant de créer un document (le constructeur statique fait le travail).</summary>
    public static void Initialiser()
    {
    }

    public static XFont Texte(double taille, bool gras = false) => Police(Sans, taille, gras);

    /// <summary>Police à chasse fixe où O/0 et l/1 se distinguent : identifiants et mots de passe.</summary>
    public static XFont Code(double taille, bool gras = true) => Police(Mono, taille, gras);

    private static XFont Police(string famille, double taille, bool gras)
    {
        cache ??= [];
        if (!cache.TryGetValue((famille, taille, gras), out var police))
        {
            police = new XFont(famille, taille, gras ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            cache.Add((famille, taille, gras), police);
        }

        return police;
    }

    private sealed class ResolveurDejaVu : IFontResolver
    {
        private static readonly ConcurrentDictionary<string, byte[]> Fichiers = new();

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            var mono = familyName.Contains("Mono", StringComparison.OrdinalIgnoreCase)
                || familyName.Equals("Courier New", StringComparison.OrdinalIgnoreCase);
            var fichier = (mono, bold) switch
            {
                (true, true) => "DejaVuSansMono-Bold.ttf",
                (true, false) => "DejaVuSansMono.ttf",
                (false, true) => "DejaVuSans-Bold.ttf",
                (false, false) => "DejaVuSans.ttf",
            };
            return new FontResolverInfo(fichier, mustSimulateBold: false, mustSimulateItalic: italic);
        }

        public byte[]? GetFont(string faceName) => Fichiers.GetOrAdd(faceName, static nom =>
        {
            using var flux = typeof(PolicesPdf).Assembly.GetManifestResourceStream("Credentials.Fonts." + nom)
                ?? throw new InvalidOperationException($"Embedded font {nom} is missing from Credentials.Core.");
            using var copie = new MemoryStream((int)flux.Length);
            flux.CopyTo(copie);
            return copie.ToArray();
        });
    }
}
