using Credentials.Core.Domain;
using System.CommandLine;
using System.Diagnostics;
using Credentials.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

internal static class VerbeSeedDemo
{
    public static Command Creer()
    {
        var uai = new Option<string>("--uai") { Description = "UAI de l'établissement à créer.", DefaultValueFactory = _ => "0999999Z" };
        var eleves = new Option<int>("--eleves") { Description = "Nombre d'élèves.", DefaultValueFactory = _ => 2000 };
        var nombre = new Option<int>("--etablissements") { Description = "Pour les mesures : autant d'établissements (UAI 0990001A, 0990002A…) en plus du premier.", DefaultValueFactory = _ => 0 };
        var commande = new Command("seed-demo", "Crée un collège de démonstration (élèves, responsables, personnels, états variés).") { uai, eleves, nombre };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var chrono = Stopwatch.StartNew();
            BilanDemo bilan = null!;
            await AnsiConsole.Status().StartAsync("Création de l'établissement de démonstration…", async _ =>
                bilan = await services.GetRequiredService<DemoSeeder>().SeedAsync(resultat.GetValue(uai)!, resultat.GetValue(eleves)));
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture,
                $"[green]{bilan.Etablissement.Nom} ({bilan.Etablissement.Uai})[/] : {bilan.Eleves} élèves, {bilan.Responsables} responsables, {bilan.Liens} liens, {bilan.Enseignants} enseignants, {bilan.Personnels} personnels en {chrono.Elapsed.TotalSeconds:0.0} s.");

            var supplementaires = resultat.GetValue(nombre);
            if (supplementaires > 0)
            {
                await AnsiConsole.Progress().StartAsync(async progression =>
                {
                    var tache = progression.AddTask("Établissements supplémentaires", maxValue: supplementaires);
                    for (var i = 1; i <= supplementaires; i++)
                    {
                        // A fresh scope per school keeps the change tracker small.
                        await using var scope = services.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync($"099{i:0000}A", resultat.GetValue(eleves), graine: i);
                        tache.Increment(1);
                    }
                });
                AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"{supplementaires} établissement(s) supplémentaire(s) en {chrono.Elapsed.TotalSeconds:0} s au total.");
            }

            return 0;
        }));
        return commande;
    }
}
