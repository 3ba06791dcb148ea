using System.Runtime.InteropServices;

namespace Credentials.Core.Secrets;

/// <summary>
/// Base, journaux, clés, dépôts d'import, courriels en attente : des fichiers que seul le compte de service lit
/// (0600, dossiers 0700), quel que soit le umask hérité. Le processus prend le umask 077, et les dossiers qui
/// existaient déjà sont resserrés au démarrage.
/// </summary>
public static class FichiersProteges
{
    public const UnixFileMode Fichier = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Dossier = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>umask 077 pour le processus, puis chaque dossier créé (0700) ou resserré avec son contenu.</summary>
    public static void Restreindre(params IEnumerable<string> dossiers)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = Umask(0b000_111_111);
        foreach (var dossier in dossiers)
        {
            if (!Directory.Exists(dossier))
            {
                Directory.CreateDirectory(dossier, Dossier);
                continue;
            }

            Resserrer(dossier);
        }
    }

    /// <summary>umask 077 et un dossier en 0700, sans parcourir son contenu (le dépôt des courriels, à chaque transport).</summary>
    public static void Preparer(string dossier)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dossier);
            return;
        }

        _ = Umask(0b000_111_111);
        Directory.CreateDirectory(dossier, Dossier);
        File.SetUnixFileMode(dossier, Dossier);
    }

    /// <summary>Un fichier (la base SQLite hors du dossier de données, par exemple) en 0600 s'il existe.</summary>
    public static void RestreindreFichier(string chemin)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(chemin))
        {
            File.SetUnixFileMode(chemin, Fichier);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Resserrer(string dossier)
    {
        File.SetUnixFileMode(dossier, Dossier);
        foreach (var entree in new DirectoryInfo(dossier).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entree.LinkTarget is null)
            {
                entree.UnixFileMode = entree is DirectoryInfo ? Dossier : Fichier;
            }
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint masque);
}
