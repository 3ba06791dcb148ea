using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Data;

/// <summary>Le fournisseur de base de données, choisi par la configuration <c>Database:Provider</c>.</summary>
public enum FournisseurBase
{
    Sqlite,
    Postgres,
}

/// <summary>Où vivent la base, les clés et les fichiers quand rien n'est configuré : <c>data/</c> à la racine du dépôt.</summary>
public static class DossierDonnees
{
    public static string Resoudre(IConfiguration configuration)
    {
        var configure = configuration["DataDirectory"];
        if (!string.IsNullOrWhiteSpace(configure))
        {
            return Path.GetFullPath(configure);
        }

        // The CLI and the web app both find the repository root, so `seed-demo` then `dotnet run` share one database.
        foreach (var depart in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dossier = new DirectoryInfo(depart); dossier is not null; dossier = dossier.Parent)
            {
                if (File.Exists(Path.Combine(dossier.FullName, "Credentials.sln")))
                {
                    return Path.Combine(dossier.FullName, "data");
                }
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "data");
    }
}

public static class StoreRegistration
{
    /// <summary>Base de données, Data Protection, secrets et horloge : ce que le web et la CLI partagent.</summary>
    public static IServiceCollection AddCredentialsCore(this IServiceCollection services, IConfiguration configuration)
    {
        var dossier = DossierDonnees.Resoudre(configuration);
        var fournisseur = Enum.TryParse<FournisseurBase>(configuration["Database:Provider"], ignoreCase: true, out var f) ? f : FournisseurBase.Sqlite;
        var chaine = configuration.GetConnectionString("Credentials");
        if (string.IsNullOrWhiteSpace(chaine))
        {
            if (fournisseur == FournisseurBase.Postgres)
            {
                throw new InvalidOperationException("Database:Provider = Postgres requires ConnectionStrings:Credentials.");
            }

            Directory.CreateDirectory(dossier);
            chaine = $"Data Source={Path.Combine(dossier, "credentials.db")}";
        }

        services.AddSingleton(new ConfigurationStore(fournisseur, chaine));
        services.AddDbContext<CredentialsDbContext>(options => Configurer(options, fournisseur, chaine));

        var protection = services.AddDataProtection().SetApplicationName("Credentials");
        if (fournisseur == FournisseurBase.Postgres)
        {
            // Several instances on one database: the keys live there too, so a cookie, an activation token or a
            // provisional password protected by one instance is read by every other (docs/exploitation.md).
            protection.PersistKeysToDbContext<CredentialsDbContext>();
        }
        else
        {
            // SQLite means one instance on one machine: a folder beside the database is enough.
            var cles = configuration["DataProtection:KeysPath"];
            cles = string.IsNullOrWhiteSpace(cles) ? Path.Combine(dossier, "keys") : Path.GetFullPath(cles);
            protection.PersistKeysToFileSystem(new DirectoryInfo(cles));
        }

        services.Configure<OptionsComptes>(configuration.GetSection(OptionsComptes.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IGenerateurSecrets, GenerateurSecrets>();
        services.AddSingleton<ICoffreSecrets, CoffreDataProtection>();
        services.AddSingleton<IHacheurSecrets>(_ => new HacheurPbkdf2());
        services.AddSingleton(sp => new OutilsSecrets(
            sp.GetRequiredService<IGenerateurSecrets>(),
            sp.GetRequiredService<ICoffreSecrets>(),
            sp.GetRequiredService<IHacheurSecrets>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OptionsComptes>>().Value));
        services.AddScoped<Migrateur>();
        return services;
    }

    public static void Configurer(DbContextOptionsBuilder options, FournisseurBase fournisseur, string chaine)
    {
        _ = fournisseur switch
        {
            FournisseurBase.Postgres => options.UseNpgsql(chaine),
            _ => options.UseSqlite(chaine),
        };

        // Migrations are hand-written without a model snapshot; a test proves migrated schema = model.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}

/// <summary>Le fournisseur et la chaîne de connexion retenus.</summary>
public sealed record ConfigurationStore(FournisseurBase Fournisseur, string ChaineConnexion);

/// <summary>Applique les migrations ; en SQLite, active le journal WAL (lectures pendant les écritures).</summary>
public sealed class Migrateur(CredentialsDbContext db, ConfigurationStore store)
{
    public async Task MigrerAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (store.Fournisseur == FournisseurBase.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
