using Credentials.Core.Comptes;
using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Journal;
using Credentials.Core.Parametres;
using Credentials.Core.Publipostage;
using Credentials.Core.Seeding;
using Credentials.Core.Statistiques;
using Credentials.Core.Utilisateurs;
using Credentials.Web.Features.Imports;
using Credentials.Web.Features.Portail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Serilog;
using Serilog.Formatting.Compact;

namespace Credentials.Web.Infrastructure;

/// <summary>Le câblage de l'application web : services, pipeline, base de données au démarrage.</summary>
public static class Hosting
{
    /// <summary>
    /// Le journal de l'hôte par Serilog (Serilog.AspNetCore) : console et fichier du jour sous
    /// <c>&lt;données&gt;/logs</c>, en texte, ou en lignes JSON (format compact) quand
    /// <c>Logging:Format=json</c>, pour les collecteurs. Les fournisseurs ILogger ajoutés par ailleurs
    /// (tests) reçoivent aussi chaque ligne.
    /// </summary>
    public static void AddJournalisation(this WebApplicationBuilder builder)
    {
        var dossierLogs = Path.Combine(DossierDonnees.Resoudre(builder.Configuration), "logs");
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, configuration) =>
            {
                configuration
                    .ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext();
                var fichier = Path.Combine(dossierLogs, "credentials-.log");
                if (json)
                {
                    configuration
                        .WriteTo.Console(new CompactJsonFormatter())
                        .WriteTo.File(new CompactJsonFormatter(), fichier, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
                }
                else
                {
                    configuration
                        .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                        .WriteTo.File(fichier, formatProvider: System.Globalization.CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
                }
            },
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    public static IServiceCollection AddCredentials(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environnement)
    {
        services.AddCredentialsCore(configuration);
        services.AddCredentialsIdentity().AddSignInManager();
        services.AddScoped<ServiceComptes>();
        services.AddScoped<RechercheComptes>();
        services.AddMemoryCache();
        services.AddSingleton<ListesFiltres>();
        services.AddScoped<LectureJournal>();
        services.AddScoped<ServiceParametres>();
        services.AddScoped<ServiceUtilisateurs>();
        services.AddScoped<ServiceStatistiques>();
        services.AddScoped<ServicePublipostage>();
        services.AddScoped<RendusConsole>();
        services.AddSingleton<Core.Documents.IRenduFiches, Core.Documents.FichesConnexionRenderer>();
        services.AddScoped<DemoSeeder>();
        services.AddPagesPortail(configuration);
        services.AddCourriels(configuration);
        services.AddImports(configuration);
        services.AddConservation(configuration);
        services.AddSingleton<DepotsImport>();
        services.AddHostedService<NettoyageDepotsImport>();
        services.AddHostedService<PurgeAutomatique>();
        services.AddHostedService<PrechauffageDocuments>();

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<FiltreErreurMetier>();
                options.Filters.Add<FiltreFormulaireExpire>();
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: Features/<Tab>/Views/<Action>.cshtml, shared parts in Features/Shared.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/Views/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });

        // French pages: accented letters are written as is, not as &#xE9; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddExploitation(configuration);
        services.AddFilePages(configuration);
        services.AddSecurite(configuration);
        return services;
    }

    /// <summary>
    /// Applique les migrations ; en Development, crée l'établissement de démonstration sur une base vide. Faux si la
    /// base ne s'ouvre pas : l'erreur est journalisée en une ligne et l'instance doit s'arrêter (systemd, Docker la
    /// relancent), sans « Unhandled exception » ni arrêt brutal du processus.
    /// </summary>
    public static async Task<bool> PreparerBaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
        }
        catch (System.Data.Common.DbException erreur)
        {
            // The driver's words name the server, the database or the refusal; its stack trace would say nothing more.
            app.Logger.LogCritical(
                "Cannot open or migrate the database at start-up ({Cause}): check Database:Provider and ConnectionStrings:Credentials. The instance stops.",
                erreur.Message);
            return false;
        }

        if (app.Environment.IsProduction() && !Core.Secrets.CertificatCles.EstConfigure(app.Configuration))
        {
            app.Logger.LogWarning("DataProtection:Certificat is not set in Production: the keys that encrypt provisional passwords are stored unencrypted (owner-only files) in their folder. See docs/securite.md.");
        }
        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await CreerDemoAsync(scope.ServiceProvider, app.Logger);
        }

        return true;
    }

    public static void UseCredentials(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
        }

        app.UseForwardedHeaders();
        app.UseExploitation();
        if (app.Configuration.GetValue<bool>("Securite:ExigerHttps"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseEnTetesSecurite();
        // One line per request: method, path (never the query string: it may carry an identifier or a
        // name), status, elapsed. Request bodies carry passwords and are never logged.
        // The host's own Serilog logger: the static Log.Logger is left alone (preserveStaticLogger), so
        // that several hosts in one process (tests) each keep their own sinks.
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        });
        app.Use(AbandonParLeClient);
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseFilePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapperSante();
        app.MapControllers();
    }

    /// <summary>
    /// Un client qui ferme sa connexion (onglet fermé, outil de charge arrêté) annule la requête : ce n'est pas une
    /// erreur du serveur. Le journal la note 499 (convention de nginx), sans pile d'appels ; rien n'est répondu.
    /// Un corps de requête coupé en route ou mal formé est la faute du client : 400 (le code de Kestrel), pas 500.
    /// </summary>
    private static async Task AbandonParLeClient(HttpContext contexte, Func<Task> suite)
    {
        try
        {
            await suite();
        }
        catch (OperationCanceledException) when (contexte.RequestAborted.IsCancellationRequested)
        {
            Repondre(contexte, 499);
        }
        catch (BadHttpRequestException erreur)
        {
            // At the end of a storm, wrk closed connections whose form was still unread: « Unexpected end of request
            // content », logged as errors answered 500 (docs/performance.md, session 14).
            Repondre(contexte, erreur.StatusCode);
        }
    }

    private static void Repondre(HttpContext contexte, int statut)
    {
        if (!contexte.Response.HasStarted)
        {
            contexte.Response.StatusCode = statut;
        }
    }

    private static async Task CreerDemoAsync(IServiceProvider services, Microsoft.Extensions.Logging.ILogger logger)
    {
        var db = services.GetRequiredService<CredentialsDbContext>();
        if (await db.Etablissements.AnyAsync())
        {
            return;
        }

        var bilan = await services.GetRequiredService<DemoSeeder>().SeedAsync(CompteDemo.Uai, 400);
        var utilisateurs = services.GetRequiredService<UserManager<Utilisateur>>();
        var directeur = new Utilisateur { UserName = CompteDemo.Courriel, Email = CompteDemo.Courriel, NomAffiche = "Sophie Laurent", EmailConfirmed = true };
        var creation = await utilisateurs.CreateAsync(directeur, CompteDemo.MotDePasse);
        if (!creation.Succeeded)
        {
            throw new InvalidOperationException("Demo director could not be created: " + string.Join(", ", creation.Errors.Select(e => e.Code)));
        }

        db.Affectations.Add(new Affectation(directeur.Id, bilan.Etablissement.Id, RoleConsole.Directeur));
        await db.SaveChangesAsync();
        logger.LogInformation("Demo school {Uai} created with {Eleves} pupils and {Responsables} guardians", bilan.Etablissement.Uai, bilan.Eleves, bilan.Responsables);
    }
}

/// <summary>L'établissement et la directrice de démonstration (Development seulement ; la page de connexion les affiche).</summary>
public static class CompteDemo
{
    public const string Uai = "0999999Z";
    public const string Courriel = "directrice@demo.credentials.test";
    public const string MotDePasse = "demo-rentree-2026";
}
