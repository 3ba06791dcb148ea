using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Seeding;
using Credentials.Core.Services;
using Credentials.Web.Features.Imports;
using Credentials.Web.Features.Portail;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Serilog;

namespace Credentials.Web.Infrastructure;

/// <summary>Le câblage de l'application web : services, pipeline, base de données au démarrage.</summary>
public static class Hosting
{
    public static void AjouterJournalisation(this WebApplicationBuilder builder)
    {
        var dossierLogs = Path.Combine(DossierDonnees.Resoudre(builder.Configuration), "logs");
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(dossierLogs, "credentials-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    public static IServiceCollection AjouterCredentials(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environnement)
    {
        services.AddCredentialsCore(configuration);
        services.AddCredentialsIdentity().AddSignInManager();
        services.AddScoped<ServiceCredentials>();
        services.AddScoped<RechercheComptes>();
        services.AddScoped<LectureJournal>();
        services.AddScoped<ServiceParametres>();
        services.AddScoped<ServiceUtilisateurs>();
        services.AddScoped<Statistiques>();
        services.AddScoped<Publipostage>();
        services.AddScoped<RendusConsole>();
        services.AddSingleton<Core.Documents.IRenduFiches, Core.Documents.FichesConnexionRenderer>();
        services.AddScoped<DemoSeeder>();
        services.AjouterPortail(configuration);
        services.AjouterCourriels(configuration);
        services.AddImports(configuration);
        services.AddConservation(configuration);
        services.AddSingleton<DepotsImport>();
        services.AddHostedService<NettoyageDepotsImport>();
        services.AddHostedService<PurgeAutomatique>();
        services.AddSingleton<IPurgeComplementaire, PurgeDepotsImport>();
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
        services.AddHttpLogging(options =>
        {
            // Request bodies carry passwords: only the request line, status and duration are logged.
            options.CombineLogs = true;
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
        });
        services.AjouterExploitation(configuration);
        services.AjouterSecurite(configuration);
        return services;
    }

    /// <summary>Applique les migrations ; en Development, crée l'établissement de démonstration sur une base vide.</summary>
    public static async Task PreparerBaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrateur>().MigrerAsync();
        if (app.Environment.IsProduction() && !Core.Secrets.CertificatCles.EstConfigure(app.Configuration))
        {
            app.Logger.LogWarning("DataProtection:Certificat is not set in Production: the keys that encrypt provisional passwords are stored unencrypted (owner-only files) in their folder. See docs/securite.md.");
        }
        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await CreerDemoAsync(scope.ServiceProvider, app.Logger);
        }
    }

    public static void UtiliserCredentials(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
        }

        app.UseForwardedHeaders();
        app.UtiliserExploitation();
        if (app.Configuration.GetValue<bool>("Securite:ExigerHttps"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseEnTetesSecurite();
        app.UseHttpLogging();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapperSante();
        app.MapControllers();
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
