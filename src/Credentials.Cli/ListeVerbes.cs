using System.CommandLine;
using Credentials.Cli.Verbes;

namespace Credentials.Cli;

/// <summary>Les verbes de la CLI ; chacun vit dans son fichier sous Verbes/.</summary>
internal static class ListeVerbes
{
    public static IEnumerable<Command> Tous() =>
    [
        VerbeMigrate.Creer(),
        VerbeSchema.Creer(),
        VerbeSeedDemo.Creer(),
        VerbeCreateUser.Creer(),
        VerbeUnlockUser.Creer(),
        VerbeNotify.Creer(),
        VerbeList.Creer(),
        VerbeImport.Creer(),
        VerbeRelancer.Creer(),
        VerbePurge.Creer(),
        VerbeExportPersonne.Creer(),
    ];
}
