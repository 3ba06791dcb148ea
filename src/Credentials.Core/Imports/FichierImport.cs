using System.IO.Compression;

namespace Credentials.Core.Imports;

/// <summary>
/// Un fichier déposé (page web) ou désigné (CLI) : son nom, sa taille annoncée (vérifiée avant toute
/// lecture) et de quoi l'ouvrir.
/// </summary>
public sealed class FichierImport(string nom, long taille, Func<Stream> ouvrir)
{
    public string Nom { get; } = Path.GetFileName(nom);

    public long Taille { get; } = taille;

    public Stream Ouvrir() => ouvrir();

    public static FichierImport DepuisChemin(string chemin) =>
        new(Path.GetFileName(chemin), new FileInfo(chemin).Length, () => File.OpenRead(chemin));

    public static FichierImport DepuisOctets(string nom, byte[] octets) =>
        new(nom, octets.Length, () => new MemoryStream(octets, writable: false));
}

/// <summary>
/// L'export qu'une lecture attend dans une archive ZIP : s'il y en a plusieurs (l'établissement les a réunis), le
/// sien se reconnaît au début de son nom, celui que SIECLE lui donne.
/// </summary>
internal sealed record ExportArchive(string Prefixe, string Description);

/// <summary>Lit un fichier déposé en mémoire, dans la limite de taille, en ouvrant l'archive ZIP de SIECLE s'il y a lieu.</summary>
internal static class ContenuFichier
{
    private static ReadOnlySpan<byte> SignatureZip => "PK\u0003\u0004"u8;

    /// <summary>Une archive sans aucun fichier ne commence que par la fin de son répertoire.</summary>
    private static ReadOnlySpan<byte> SignatureZipVide => "PK\u0005\u0006"u8;

    private static ReadOnlySpan<byte> SignaturePdf => "%PDF"u8;

    /// <summary>
    /// Les octets du fichier (ou du XML de l'archive), ou null avec une erreur consignée. Sans <paramref name="archive"/>,
    /// une archive est refusée (un CSV est attendu).
    /// </summary>
    public static byte[]? Lire(FichierImport fichier, OptionsImport options, RapportLecture rapport, ExportArchive? archive)
    {
        var ou = new Localisation(fichier.Nom);
        if (fichier.Taille > options.TailleMaxOctets)
        {
            rapport.Erreur(ou, $"le fichier pèse {Taille(fichier.Taille)}, au-delà de la limite de {Taille(options.TailleMaxOctets)} : rien n'a été lu");
            return null;
        }

        byte[] octets;
        using (var flux = fichier.Ouvrir())
        {
            octets = LireBorne(flux, options.TailleMaxOctets);
        }

        if (octets.Length > options.TailleMaxOctets)
        {
            rapport.Erreur(ou, $"le fichier dépasse la limite de {Taille(options.TailleMaxOctets)} : rien n'a été lu");
            return null;
        }

        if (octets.Length == 0)
        {
            rapport.Erreur(ou, "le fichier est vide");
            return null;
        }

        if (octets.AsSpan().StartsWith(SignaturePdf))
        {
            rapport.Erreur(ou, "ce fichier est un document PDF, pas une liste à importer : déposez l'export lui-même");
            return null;
        }

        if (!octets.AsSpan().StartsWith(SignatureZip) && !octets.AsSpan().StartsWith(SignatureZipVide))
        {
            return octets;
        }

        return archive is null ? RefuserArchive(octets, ou, rapport) : Desarchiver(octets, ou, archive, options, rapport);
    }

    public static string Taille(long octets) => TexteImport.Taille(octets);

    private static byte[]? Desarchiver(byte[] octets, Localisation ou, ExportArchive attendu, OptionsImport options, RapportLecture rapport)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(octets, writable: false), ZipArchiveMode.Read);
            if (EstClasseur(archive))
            {
                rapport.Erreur(ou, "ce fichier est un classeur (Excel ou LibreOffice), pas un export XML de SIECLE");
                return null;
            }

            var xml = archive.Entries.Where(e => e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
            if (xml.Count > 1 && xml.Where(e => e.Name.StartsWith(attendu.Prefixe, StringComparison.OrdinalIgnoreCase)).ToList() is [var sien])
            {
                xml = [sien];
            }

            if (xml.Count != 1)
            {
                rapport.Erreur(ou, xml.Count == 0
                    ? "l'archive ne contient aucun fichier XML : ce n'est pas un export de SIECLE"
                    : $"l'archive contient plusieurs fichiers XML ({string.Join(", ", xml.Select(e => $"« {e.Name} »"))}) et pas un seul qui soit {attendu.Description} : déposez cet export seul");
                return null;
            }

            var entree = xml[0];
            if (entree.Length > options.TailleMaxOctets)
            {
                rapport.Erreur(ou, $"le XML de l'archive pèse {Taille(entree.Length)}, au-delà de la limite de {Taille(options.TailleMaxOctets)}");
                return null;
            }

            using var flux = entree.Open();

            // The size in the archive's directory can lie (zip bombs): the read itself is bounded too.
            var contenu = LireBorne(flux, options.TailleMaxOctets);
            if (contenu.Length > options.TailleMaxOctets)
            {
                rapport.Erreur(ou, $"le XML de l'archive dépasse la limite de {Taille(options.TailleMaxOctets)}");
                return null;
            }

            return contenu;
        }
        catch (InvalidDataException)
        {
            rapport.Erreur(ou, "l'archive ZIP est abîmée ou incomplète : téléchargez à nouveau l'export");
            return null;
        }
    }

    private static byte[]? RefuserArchive(byte[] octets, Localisation ou, RapportLecture rapport)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(octets, writable: false), ZipArchiveMode.Read);
            rapport.Erreur(ou, EstClasseur(archive)
                ? "ce fichier est un classeur (Excel ou LibreOffice) : enregistrez-le au format CSV (séparateur point-virgule) puis déposez le fichier CSV"
                : "ce fichier est une archive ZIP : déposez le fichier CSV qu'elle contient");
        }
        catch (InvalidDataException)
        {
            rapport.Erreur(ou, "ce fichier n'est pas un fichier CSV lisible");
        }

        return null;
    }

    private static bool EstClasseur(ZipArchive archive) =>
        archive.Entries.Any(e => e.FullName is "[Content_Types].xml" or "mimetype");

    /// <summary>Lit au plus <paramref name="max"/> + 1 octets : un résultat plus long que max signale un dépassement.</summary>
    private static byte[] LireBorne(Stream flux, long max)
    {
        using var memoire = new MemoryStream();
        var tampon = new byte[81920];
        long total = 0;
        int lus;
        while ((lus = flux.Read(tampon, 0, tampon.Length)) > 0)
        {
            memoire.Write(tampon, 0, lus);
            total += lus;
            if (total > max)
            {
                break;
            }
        }

        return memoire.ToArray();
    }
}
