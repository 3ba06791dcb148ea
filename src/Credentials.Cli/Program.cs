using System.CommandLine;
using Credentials.Cli;

var racine = new RootCommand("Credentials : identifiants des élèves, des responsables et des personnels d'un établissement.");
foreach (var verbe in ListeVerbes.Tous())
{
    racine.Subcommands.Add(verbe);
}

return await racine.Parse(args).InvokeAsync();
