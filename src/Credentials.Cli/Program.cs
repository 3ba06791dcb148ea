using System.CommandLine;

namespace Credentials.Cli;

/// <summary>La commande <c>credentials</c>.</summary>
public static class PointEntree
{
    public static Task<int> Main(string[] args) => Executer(args);

    /// <summary>Exécute une ligne de commande (les tests l'appellent directement).</summary>
    public static Task<int> Executer(string[] args)
    {
        var racine = new RootCommand("Credentials : identifiants des élèves, des responsables et des personnels d'un établissement.");
        foreach (var verbe in ListeVerbes.Tous())
        {
            racine.Subcommands.Add(verbe);
        }

        return racine.Parse(args).InvokeAsync();
    }
}
