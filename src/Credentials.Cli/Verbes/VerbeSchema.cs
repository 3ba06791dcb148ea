using System.CommandLine;
using Credentials.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Credentials.Cli.Verbes;

/// <summary>
/// <c>schema</c> : le script SQL idempotent de toutes les migrations d'un fournisseur, pour les
/// administrateurs qui appliquent les scripts eux-mêmes. N'ouvre aucune base.
/// </summary>
internal static class VerbeSchema
{
    public static Command Creer()
    {
        var fournisseur = new Option<string>("--provider")
        {
            Description = "Sqlite, Postgres ou SqlServer.",
            Required = true,
        };
        var commande = new Command("schema", "Écrit sur la sortie standard le script SQL qui crée ou met à jour le schéma (idempotent).") { fournisseur };
        commande.SetAction(resultat =>
        {
            var nom = resultat.GetValue(fournisseur);
            if (!Enum.TryParse<FournisseurBase>(nom, ignoreCase: true, out var choisi) || !Enum.IsDefined(choisi) || int.TryParse(nom, out _))
            {
                Console.Error.WriteLine($"Fournisseur inconnu « {nom} » : Sqlite, Postgres ou SqlServer.");
                return 1;
            }

            Console.Out.Write(Script(choisi));
            return 0;
        });
        return commande;
    }

    /// <summary>Le script idempotent des migrations du fournisseur, de zéro à la dernière.</summary>
    public static string Script(FournisseurBase fournisseur)
    {
        using var db = FabriqueContexteConception.SansConnexion(fournisseur);
        // SQLite cannot test a migration's presence inside a script: its script is the plain one,
        // which the history table (__EFMigrationsHistory) still records.
        var options = fournisseur == FournisseurBase.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent;
        return db.GetService<IMigrator>().GenerateScript(options: options);
    }
}
