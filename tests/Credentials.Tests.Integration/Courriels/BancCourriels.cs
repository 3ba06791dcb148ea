using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Seeding;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Courriels;

/// <summary>
/// The e-mail engine as the web app wires it (AddCredentialsCore + AddCourriels) over a throwaway
/// database, with a hand-moved clock and captured logs. Several benches
/// may share one database (<see cref="AutreInstance"/>): two app instances, two dispatchers.
/// </summary>
public sealed class BancCourriels : IAsyncDisposable
{
    private readonly BaseDeTest? baseDeTest;
    private readonly string dossier;
    private readonly Dictionary<string, string?> reglages;
    private readonly List<ExpeditionCourriels> demarres = [];

    private BancCourriels(BaseDeTest baseDeTest, bool proprietaire, string dossier, Dictionary<string, string?> reglages, HorlogeDeTest horloge)
    {
        Base = baseDeTest;
        this.baseDeTest = proprietaire ? baseDeTest : null;
        this.dossier = dossier;
        this.reglages = reglages;
        Horloge = horloge;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddProvider(Journaux).SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning));
        services.AddCredentialsCore(configuration);
        services.AddSingleton<TimeProvider>(horloge);
        services.AddScoped<ServiceComptes>();
        services.AddScoped<DemoSeeder>();
        services.AddCourriels(configuration);
        Services = services.BuildServiceProvider();
    }

    public BaseDeTest Base { get; }

    public ServiceProvider Services { get; }

    public HorlogeDeTest Horloge { get; }

    public DateTime Maintenant => Horloge.Maintenant.UtcDateTime;

    /// <summary>Every log line written through Microsoft.Extensions.Logging.</summary>
    public JournalCapture Journaux { get; } = new();

    public string DossierDonnees => dossier;

    /// <param name="fournisseur">The database engine.</param>
    /// <param name="smtp">The SMTP server on loopback; none: messages go to a pickup folder.</param>
    /// <param name="reglages">Configuration overrides.</param>
    /// <param name="poolees">Pooled connections, as in production (test databases are unpooled so that they can be dropped at once).</param>
    public static async Task<BancCourriels> CreerAsync(FournisseurBase fournisseur, ServeurSmtpDeTest? smtp = null, Dictionary<string, string?>? reglages = null, bool poolees = false)
    {
        var baseDeTest = await BaseDeTest.CreerAsync(fournisseur);
        var dossier = Directory.CreateTempSubdirectory("credentials-courriels-").FullName;
        var tous = new Dictionary<string, string?>
        {
            ["Database:Provider"] = fournisseur.ToString(),
            ["ConnectionStrings:Credentials"] = poolees ? baseDeTest.Chaine.Replace("Pooling=False", "Pooling=True", StringComparison.OrdinalIgnoreCase) : baseDeTest.Chaine,
            ["DataDirectory"] = dossier,
            ["Portail:Url"] = "https://portail.exemple.fr/credentials",
            ["Mail:Transport"] = smtp is null ? "Pickup" : "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp?.Port.ToString(),
            ["Mail:Smtp:Timeout"] = "00:00:10",
            ["Mail:From"] = "ne-pas-repondre@credentials.exemple.fr",
            ["Mail:Workers"] = "2",
            ["Mail:RatePerSecond"] = "0",
            ["Mail:PollInterval"] = "00:00:00.100",
        };
        foreach (var (cle, valeur) in reglages ?? [])
        {
            tous[cle] = valeur;
        }

        var banc = new BancCourriels(baseDeTest, proprietaire: true, dossier, tous, new HorlogeDeTest(OutilsDeTest.Rentree));
        await using var scope = banc.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
        return banc;
    }

    /// <summary>A second application instance on the same database, keys and clock, with its own dispatcher.</summary>
    public BancCourriels AutreInstance(Dictionary<string, string?>? reglages = null)
    {
        var tous = new Dictionary<string, string?>(this.reglages);
        foreach (var (cle, valeur) in reglages ?? [])
        {
            tous[cle] = valeur;
        }

        return new BancCourriels(Base, proprietaire: false, dossier, tous, Horloge);
    }

    public AsyncServiceScope Portee() => Services.CreateAsyncScope();

    /// <summary>Starts a new dispatcher of this instance (as the host would) and returns it to stop it later.</summary>
    public async Task<ExpeditionCourriels> DemarrerExpeditionAsync()
    {
        var expedition = ActivatorUtilities.CreateInstance<ExpeditionCourriels>(Services);
        await expedition.StartAsync(CancellationToken.None);
        demarres.Add(expedition);
        return expedition;
    }

    public async Task ArreterAsync(ExpeditionCourriels expedition)
    {
        await expedition.StopAsync(CancellationToken.None);
        expedition.Dispose();
        demarres.Remove(expedition);
    }

    /// <summary>Counts of messages by status, read from the database.</summary>
    public async Task<Dictionary<StatutMessage, int>> StatutsAsync()
    {
        await using var scope = Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        return await db.Set<MessageSortant>().GroupBy(m => m.Statut).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
    }

    /// <summary>Waits (real time) until no message is waiting, being sent or due for a retry.</summary>
    public Task AttendreQueToutSoitTraiteAsync(TimeSpan? delai = null) =>
        AttendreAsync(async () => (await StatutsAsync()).Where(s => s.Key is StatutMessage.EnAttente or StatutMessage.EnCours).Sum(s => s.Value) == 0, delai);

    public static async Task AttendreAsync(Func<Task<bool>> condition, TimeSpan? delai = null)
    {
        var fin = DateTime.UtcNow + (delai ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < fin, "Timed out waiting for the dispatcher.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var expedition in demarres.ToList())
        {
            await ArreterAsync(expedition);
        }

        await Services.DisposeAsync();
        if (baseDeTest is not null)
        {
            await baseDeTest.DisposeAsync();
            try
            {
                Directory.Delete(dossier, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder: harmless if something still holds it.
            }
        }
    }
}
