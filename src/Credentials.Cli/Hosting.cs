using Credentials.Core.Comptes;
using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Credentials.Cli;

/// <summary>
/// Les services de la CLI : la même configuration que le web (appsettings.json du web, variables
/// d'environnement), donc la même base, les mêmes clés de chiffrement.
/// </summary>
internal static class Hosting
{
    public static ServiceProvider Construire()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        StoreRegistration.PreparerModele(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Keys on Linux are stored unprotected in the key folder by design (see docs/decisions.md): no need to warn on every command.
        services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        services.AddCredentialsCore(configuration);
        services.AddCredentialsIdentity();
        services.AddImports(configuration);
        services.AddConservation(configuration);
        services.AddScoped<ServiceComptes>();
        services.AddScoped<Core.Seeding.DemoSeeder>();
        // Queue only: the web instances' dispatcher sends what the CLI queues.
        services.AddFileCourriels(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Exécute une action dans une portée de services, base migrée ; une erreur métier devient un message et un code 1.</summary>
    public static Task<int> ExecuterAsync(Func<IServiceProvider, Task<int>> action) =>
        ExecuterAsync(_ => 0, (services, _) => action(services));

    /// <summary>
    /// Comme <see cref="ExecuterAsync(Func{IServiceProvider, Task{int}})"/>, mais <paramref name="preparer"/>, qui ne
    /// touche pas à la base (lire les fichiers d'un import), tourne sur un autre cœur pendant que la base est ouverte
    /// et vérifiée : le processus ne fait plus attendre l'une après l'autre.
    /// </summary>
    public static async Task<int> ExecuterAsync<T>(Func<IServiceProvider, T> preparer, Func<IServiceProvider, T, Task<int>> action)
    {
        await using var fournisseur = Construire();
        await using var scope = fournisseur.CreateAsyncScope();
        try
        {
            var connexion = StoreRegistration.OuvrirEnAvanceAsync(fournisseur.GetRequiredService<ConfigurationStore>());
            var preparation = Task.Run(() => preparer(scope.ServiceProvider));
            try
            {
                await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
            }
            catch (Exception erreur)
            {
                // The database's error is the one told; the reading and the early opening end before the services are disposed.
                await Task.WhenAll(preparation, connexion).ContinueWith(_ => { }, TaskScheduler.Default);
                if (erreur is System.Data.Common.DbException)
                {
                    // The driver's own words stay in brackets: they name the server, the database or the refusal.
                    AnsiConsole.MarkupLineInterpolated(
                        Libelles.Culture,
                        $"[red]Erreur :[/] la base de données n'a pas pu être ouverte ni mise à jour ({erreur.Message}). Vérifiez Database:Provider et ConnectionStrings:Credentials.");
                    return 1;
                }

                throw;
            }

            await connexion;
            var donnees = await preparation;
            return await action(scope.ServiceProvider, donnees);
        }
        catch (ErreurMetier erreur)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[red]Erreur :[/] {erreur.Message}");
            return 1;
        }
    }

    /// <summary>L'établissement de cet UAI, ou une erreur claire.</summary>
    public static async Task<Etablissement> EtablissementAsync(IServiceProvider services, string uai)
    {
        var db = services.GetRequiredService<CredentialsDbContext>();
        var normalise = Etablissement.NormaliserUai(uai);
        return await db.Etablissements.SingleOrDefaultAsync(e => e.Uai == normalise)
            ?? throw new ErreurMetier($"Aucun établissement n'a l'UAI « {uai} ».", CodeErreur.Introuvable);
    }
}
