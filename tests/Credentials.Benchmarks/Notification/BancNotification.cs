using System.Diagnostics;
using System.Runtime.InteropServices;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Benchmarks.Notification;

/// <summary>
/// « Tout sélectionner → (re)notifier → courriers PDF » sans HTTP : une école de démonstration (2 000 élèves
/// par défaut) dans un fichier SQLite neuf, puis trois passes de la notification, chacune chronométrée par
/// étape (chargement et règles d'état, écriture, rendu du PDF). <c>-- notifier [--eleves N] [--postgres chaîne]</c>.
/// </summary>
public static class BancNotification
{
    public static async Task<int> ExecuterAsync(string[] args)
    {
        var eleves = args.SkipWhile(a => a != "--eleves").Skip(1).Select(int.Parse).FirstOrDefault(2000);
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var dossier = Directory.CreateTempSubdirectory("credentials-bench-").FullName;
        var reglages = new Dictionary<string, string?> { ["DataDirectory"] = dossier };
        if (postgres is not null)
        {
            reglages["Database:Provider"] = "Postgres";
            reglages["ConnectionStrings:Credentials"] = postgres;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build();
        await using var services = new ServiceCollection().AddLogging().AddCredentialsCore(configuration)
            .AddScoped<ServiceComptes>().AddScoped<DemoSeeder>().BuildServiceProvider();
        try
        {
            int etablissementId;
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
                var bilan = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("0999999Z", eleves);
                etablissementId = bilan.Etablissement.Id;
            }

            Console.WriteLine($"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {(postgres is null ? "SQLite" : "PostgreSQL")}");
            var criteres = new CriteresComptes { Profil = Profil.Eleve };
            for (var passage = 1; passage <= 8; passage++)
            {
                await using var scope = services.CreateAsyncScope();
                var credentials = scope.ServiceProvider.GetRequiredService<ServiceComptes>();
                var chrono = Stopwatch.StartNew();
                var lot = await credentials.PreparerNotificationAsync(Portee.Cli(etablissementId), new DemandeNotification(criteres, passage % 3 == 0, Canal.Courrier));
                var preparation = chrono.Elapsed;
                chrono.Restart();
                await credentials.EnregistrerAsync();
                var ecriture = chrono.Elapsed;
                chrono.Restart();
                using var pdf = new MemoryStream();
                await new FichesConnexionRenderer().EcrireAsync(
                    ModeleFiche.Detaillee,
                    new EnTeteEtablissement("0999999Z", "Collège", "Orléans", null, "https://exemple.test/portail", null, null),
                    lot.Fiches.ToAsyncEnumerable(),
                    pdf);
                var rendu = chrono.Elapsed;
                Console.WriteLine(
                    $"#{passage}{(passage % 3 == 0 ? " (reset)" : "")}: {lot.Fiches.Count} letters, {lot.NouveauxMotsDePasse} new passwords — " +
                    $"load+rules {preparation.TotalMilliseconds:F0} ms, save {ecriture.TotalMilliseconds:F0} ms, PDF {rendu.TotalMilliseconds:F0} ms ({pdf.Length / 1024} KB), " +
                    $"total {(preparation + ecriture + rendu).TotalMilliseconds:F0} ms");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dossier, recursive: true);
        }
    }
}
