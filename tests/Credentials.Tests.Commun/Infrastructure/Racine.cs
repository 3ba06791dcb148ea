namespace Credentials.Tests.Infrastructure;

/// <summary>The repository root, found from the test assembly's folder.</summary>
public static class Racine
{
    public static string Depot { get; } = Trouver();

    private static string Trouver()
    {
        for (var dossier = new DirectoryInfo(AppContext.BaseDirectory); dossier is not null; dossier = dossier.Parent)
        {
            if (File.Exists(Path.Combine(dossier.FullName, "Credentials.sln")))
            {
                return dossier.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Credentials.sln) not found above " + AppContext.BaseDirectory);
    }
}
