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
        var commande = new Command("seed-demo", "Crée un collège de démonstration (élèves, responsables, personnels, états variés).") { uai, eleves };
        commande.SetAction(resultat => Hote.ExecuterAsync(async services =>
        {
            var chrono = Stopwatch.StartNew();
            BilanDemo bilan = null!;
            await AnsiConsole.Status().StartAsync("Création de l'établissement de démonstration…", async _ =>
                bilan = await services.GetRequiredService<DemoSeeder>().SeedAsync(resultat.GetValue(uai)!, resultat.GetValue(eleves)));
            AnsiConsole.MarkupLineInterpolated(
                $"[green]{bilan.Etablissement.Nom} ({bilan.Etablissement.Uai})[/] : {bilan.Eleves} élèves, {bilan.Responsables} responsables, {bilan.Liens} liens, {bilan.Enseignants} enseignants, {bilan.Personnels} personnels en {chrono.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return commande;
    }
}
