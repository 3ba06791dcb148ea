using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Data;

/// <summary>Le fournisseur de base de données, choisi par la configuration <c>Database:Provider</c>.</summary>
public enum FournisseurBase
{
    Sqlite,
    Postgres,
    SqlServer,
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
        var fournisseur = Fournisseur(configuration);
        var chaine = configuration.GetConnectionString("Credentials");
        if (string.IsNullOrWhiteSpace(chaine))
        {
            if (fournisseur != FournisseurBase.Sqlite)
            {
                throw new InvalidOperationException($"Database:Provider = {fournisseur} requires ConnectionStrings:Credentials.");
            }

            Directory.CreateDirectory(dossier);
            chaine = $"Data Source={Path.Combine(dossier, "credentials.db")}";
        }

        var cles = configuration["DataProtection:KeysPath"];
        cles = string.IsNullOrWhiteSpace(cles) ? Path.Combine(dossier, "keys") : Path.GetFullPath(cles);
        // On PostgreSQL the keys live in the database: no keys folder is created.
        FichiersProteges.Restreindre(fournisseur == FournisseurBase.Postgres ? new[] { dossier } : new[] { dossier, cles });
        if (fournisseur == FournisseurBase.Sqlite)
        {
            FichiersProteges.RestreindreFichier(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(chaine).DataSource);
        }

        services.AddSingleton(new ConfigurationStore(fournisseur, chaine));
        // Pooled contexts: each request borrows a context whose options (connection string, provider, model) were built
        // once and whose internal services EF already resolved. A context per request (EF's default) rebuilt them all
        // on every page, about a tenth of what a search page allocated (docs/performance.md, session 12). The context
        // holds nothing of a request: EF resets its tracker and settings when it is returned.
        services.AddDbContextPool<CredentialsDbContext>(options => Configurer(options, fournisseur, chaine));

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
            protection.PersistKeysToFileSystem(new DirectoryInfo(cles));
        }

        CertificatCles.Proteger(protection, configuration, dossier);

        services.Configure<OptionsComptes>(configuration.GetSection(OptionsComptes.Section));
        services.Configure<Documents.OptionsDocuments>(configuration.GetSection(Documents.OptionsDocuments.Section));
        services.AddScoped<Documents.DocumentsConserves>();
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

    /// <summary>L'assemblage qui porte les migrations générées de ce fournisseur (un jeu par fournisseur).</summary>
    public static string AssemblageMigrations(FournisseurBase fournisseur) => $"Credentials.Migrations.{fournisseur}";

    /// <summary>
    /// Le fournisseur, ses migrations et, si <paramref name="modeleCompile"/>, le modèle compilé du fournisseur :
    /// sans lui, chaque processus construit le modèle au premier accès à la base (0,5 à 1 s de CPU pour une commande).
    /// </summary>
    public static void Configurer(DbContextOptionsBuilder options, FournisseurBase fournisseur, string chaine, bool modeleCompile = true)
    {
        // Each provider has its own migrations set and model snapshot (docs/decisions.md, « Migrations générées »).
        var migrations = AssemblageMigrations(fournisseur);
        _ = fournisseur switch
        {
            FournisseurBase.Postgres => options.UseNpgsql(ChainePostgres(chaine), o => o.MigrationsAssembly(migrations)),
            FournisseurBase.SqlServer => options.UseSqlServer(chaine, o => o.MigrationsAssembly(migrations)),
            _ => options.UseSqlite(chaine, o => o.MigrationsAssembly(migrations)),
        };
        // EF's check that a context is not used by two threads at once wrote an async-local value twice per row read,
        // each time copying the request's async-local map: a twentieth of what a search page allocated
        // (docs/performance.md, session 12). A context lives in one request, which awaits each query, and the
        // database drivers refuse a second command on a busy connection by themselves.
        options.EnableThreadSafetyChecks(false);
        if (modeleCompile && ModeleCompile(fournisseur) is { } modele)
        {
            options.UseModel(modele);
        }
    }

    /// <summary>
    /// La chaîne de connexion PostgreSQL, complétée de deux réglages quand l'exploitant n'en a rien dit :
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c> : EF ouvre et rend la connexion à chaque requête SQL, et Npgsql la remettait à zéro à
    /// chaque retour au pool (cinq instructions de plus par requête SQL, un dixième du temps de PostgreSQL sur une page de
    /// recherche). L'application ne laisse aucun état de session : ni <c>SET</c>, ni <c>LISTEN</c>, ni table temporaire,
    /// ni verrou consultatif hors transaction ; une transaction restée ouverte est annulée au retour au pool dans tous les cas ;</item>
    /// <item><c>Max Auto Prepare</c> (<see cref="InstructionsPreparees"/>) : une requête SQL envoyée cinq fois sur une
    /// connexion y est préparée, PostgreSQL ne l'analyse et ne la planifie plus à chaque fois (la moitié de son temps
    /// sur une page de recherche : docs/performance.md). Inutilisable derrière un pgbouncer en mode transaction
    /// qui ne porte pas lui-même les requêtes préparées (avant 1.21, ou <c>max_prepared_statements = 0</c>) : l'exploitant
    /// écrit alors <c>Max Auto Prepare=0</c>.</item>
    /// </list>
    /// </summary>
    public static string ChainePostgres(string chaine)
    {
        var lue = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = chaine };
        var complete = new Npgsql.NpgsqlConnectionStringBuilder(chaine);
        if (!lue.ContainsKey("No Reset On Close") && !lue.ContainsKey("NoResetOnClose"))
        {
            complete.NoResetOnClose = true;
        }

        if (!lue.ContainsKey("Max Auto Prepare") && !lue.ContainsKey("MaxAutoPrepare"))
        {
            complete.MaxAutoPrepare = InstructionsPreparees;
        }

        return complete.ConnectionString;
    }

    /// <summary>
    /// Ouvre une connexion PostgreSQL sur un autre cœur puis la rend au pool, le temps qu'EF construise son premier contexte :
    /// la première ouverture d'un processus (le code de Npgsql, le processus serveur) coûtait à chaque commande de la CLI
    /// 0,07 à 0,1 s, après les 0,2 s du contexte au lieu de pendant. Une base absente ou refusée n'est pas signalée ici : le
    /// <see cref="Migrateur"/> le dit. Rien à faire pour les autres moteurs.
    /// </summary>
    public static Task OuvrirEnAvanceAsync(ConfigurationStore store) =>
        store.Fournisseur != FournisseurBase.Postgres ? Task.CompletedTask : Task.Run(async () =>
        {
            try
            {
                await using var connexion = new Npgsql.NpgsqlConnection(ChainePostgres(store.ChaineConnexion));
                await connexion.OpenAsync();
            }
            catch (System.Data.Common.DbException)
            {
                // Told by the migration check, with the words the operator needs.
            }
        });

    /// <summary>Les requêtes SQL gardées préparées par connexion PostgreSQL, quand la chaîne n'en dit rien.</summary>
    public const int InstructionsPreparees = 50;

    /// <summary>
    /// Le modèle compilé que <c>dotnet ef dbcontext optimize</c> a écrit dans le projet de migrations du fournisseur
    /// (<c>ModeleCompile/</c>, régénéré par scripts/compiled-models.sh, que scripts/add-migration.sh lance), ou null
    /// si cet assemblage n'est pas là. Un test (MigrationTests) le compare au modèle que donnent les configurations.
    /// </summary>
    public static IModel? ModeleCompile(FournisseurBase fournisseur) => ModelesCompiles.GetOrAdd(fournisseur, f => new Lazy<IModel?>(() =>
    {
        var assemblage = AssemblageMigrations(f);
        var type = Type.GetType($"{assemblage}.ModeleCompile.CredentialsDbContextModel, {assemblage}", throwOnError: false);
        return type?.GetProperty("Instance")?.GetValue(null) as IModel;
    })).Value;

    /// <summary>
    /// Construit le modèle compilé du fournisseur configuré sur un autre cœur, pendant que la CLI enregistre ses services :
    /// le premier contexte l'attend (0,045 s), ou le trouve prêt. Un second appel attend le premier plutôt que de le refaire.
    /// </summary>
    public static void PreparerModele(IConfiguration configuration) => _ = Task.Run(() => ModeleCompile(Fournisseur(configuration)));

    /// <summary>Le fournisseur que dit <c>Database:Provider</c> (SQLite par défaut).</summary>
    public static FournisseurBase Fournisseur(IConfiguration configuration) =>
        Enum.TryParse<FournisseurBase>(configuration["Database:Provider"], ignoreCase: true, out var f) ? f : FournisseurBase.Sqlite;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FournisseurBase, Lazy<IModel?>> ModelesCompiles = new();
}

/// <summary>
/// Le contexte que <c>dotnet ef</c> construit pour écrire les migrations d'un fournisseur : aucune
/// connexion n'est ouverte, la chaîne ne sert qu'à choisir le fournisseur.
/// </summary>
public abstract class FabriqueContexteConception(FournisseurBase fournisseur) : IDesignTimeDbContextFactory<CredentialsDbContext>
{
    public CredentialsDbContext CreateDbContext(string[] args) => SansConnexion(fournisseur);

    /// <summary>Un contexte du fournisseur qui n'ouvre aucune connexion : modèle, migrations, script SQL.</summary>
    public static CredentialsDbContext SansConnexion(FournisseurBase fournisseur)
    {
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        var chaine = fournisseur switch
        {
            FournisseurBase.Postgres => "Host=localhost;Database=credentials",
            FournisseurBase.SqlServer => "Server=localhost;Database=credentials;TrustServerCertificate=True",
            _ => "Data Source=credentials.db",
        };
        // The model built from the configurations, never the compiled one: `dotnet ef` regenerates it from this context.
        StoreRegistration.Configurer(options, fournisseur, chaine, modeleCompile: false);
        return new CredentialsDbContext(options.Options);
    }
}

/// <summary>Le fournisseur et la chaîne de connexion retenus.</summary>
public sealed record ConfigurationStore(FournisseurBase Fournisseur, string ChaineConnexion);

/// <summary>Applique les migrations ; en SQLite, active le journal WAL (lectures pendant les écritures).</summary>
public sealed class Migrateur(CredentialsDbContext db, ConfigurationStore store)
{
    public async Task MigrerAsync(CancellationToken ct = default)
    {
        // An up-to-date database is only checked: MigrateAsync also builds and compares the whole model, which
        // cost the CLI about one second of CPU on every command.
        var existe = await ExisteAsync(ct);
        if (!existe || !await AJourAsync(ct))
        {
            // EF's MigrateAsync would check the database's existence its own way, then read the missing history table of
            // a new database, and log both failures as errors, which the operator saw on every first install: the
            // database and the history table are created first.
            if (!existe)
            {
                await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
            }

            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
        }

        if (store.Fournisseur == FournisseurBase.Sqlite)
        {
            // On the connection itself: EF's raw SQL path cost a fresh process its start-up for one statement.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var commande = db.Database.GetDbConnection().CreateCommand();
                commande.CommandText = "PRAGMA journal_mode=WAL;";
                await commande.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Vrai si la base existe. Un serveur est interrogé en ouvrant la connexion hors d'EF : EF journalise comme une
    /// erreur l'échec d'ouverture sur une base absente, le cas normal d'une première installation. Une autre erreur
    /// (mot de passe, serveur injoignable) remonte telle quelle. Un fichier SQLite est tenu pour existant : la
    /// vérification des migrations l'ouvre, le crée vide s'il manque, n'y trouve pas de table d'historique, et les
    /// migrations sont appliquées ; EF n'a pas à préparer son créateur de base pour chaque commande (0,03 s).
    /// </summary>
    private async Task<bool> ExisteAsync(CancellationToken ct)
    {
        if (store.Fournisseur == FournisseurBase.Sqlite)
        {
            return true;
        }

        var connexion = db.Database.GetDbConnection();
        try
        {
            await connexion.OpenAsync(ct);
            return true;
        }
        catch (System.Data.Common.DbException erreur) when (BaseAbsente(erreur))
        {
            return false;
        }
        finally
        {
            await connexion.CloseAsync();
        }
    }

    /// <summary>L'erreur d'ouverture que donne une base absente : 3D000 en PostgreSQL, 4060 en SQL Server.</summary>
    private static bool BaseAbsente(System.Data.Common.DbException erreur) =>
        erreur.SqlState == "3D000" || erreur is Microsoft.Data.SqlClient.SqlException { Number: 4060 };

    /// <summary>
    /// Vrai si chaque migration de l'assemblage est dans la table d'historique : un seul <c>SELECT</c>, lu à la main.
    /// <c>GetPendingMigrationsAsync</c> construit d'abord le modèle de la table d'historique (0,1 s pour une commande
    /// de la CLI). Sur une base qui existe ; sans table d'historique, elle n'est pas à jour.
    /// </summary>
    private async Task<bool> AJourAsync(CancellationToken ct)
    {
        var attendues = db.Database.GetMigrations().ToList();
        var options = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
        var appliquees = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var commande = db.Database.GetDbConnection().CreateCommand();
            commande.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM {table}";
            await using var lecteur = await commande.ExecuteReaderAsync(ct);
            while (await lecteur.ReadAsync(ct))
            {
                appliquees.Add(lecteur.GetString(0));
            }
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return attendues.All(appliquees.Contains);
    }
}
