using System.Security.Claims;
using System.Threading.RateLimiting;
using Credentials.Core.Portail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Credentials.Web.Features.Portail;

/// <summary>Le câblage du portail : son service, son cookie (distinct de celui de la console), sa limite de débit.</summary>
public static class PortailRegistration
{
    /// <summary>Le schéma d'authentification des titulaires, séparé de celui de la console.</summary>
    public const string Schema = "Portail";

    /// <summary>Au plus 4 essais en cours par adresse (les suivants attendent) : un client ne monopolise pas les calculs PBKDF2.</summary>
    public const string PolitiqueDebit = "portail";

    public static IServiceCollection AddPagesPortail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortail(configuration);
        var dureeSession = configuration.GetSection(OptionsPortail.Section).Get<OptionsPortail>()?.DureeSession ?? new OptionsPortail().DureeSession;
        services.AddAuthentication().AddCookie(Schema, options =>
        {
            options.LoginPath = "/portail/connexion";
            options.LogoutPath = "/portail/deconnexion";
            options.AccessDeniedPath = "/portail/connexion";
            options.Cookie.Name = "credentials.portail";
            options.Cookie.Path = "/portail";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Same rule as the console's cookies (Securite.AddSecurite): Secure on HTTPS, Secure-only with Securite:ExigerHttps.
            options.Cookie.SecurePolicy = configuration.GetValue<bool>("Securite:ExigerHttps") ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = dureeSession;
            options.SlidingExpiration = true;
        });
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(PolitiqueDebit, contexte =>
        {
            // A whole class clicking « Continuer » at once queues (up to 64) rather than being turned away.
            var adresse = contexte.Connection.RemoteIpAddress;
            return contexte.RequestServices.GetRequiredService<IOptions<OptionsPortail>>().Value.Limites.EstDeConfiance(adresse)
                ? RateLimitPartition.GetNoLimiter("confiance")
                : RateLimitPartition.GetConcurrencyLimiter(
                    LimiteurPortail.CleAdresse(adresse),
                    _ => new ConcurrencyLimiterOptions { PermitLimit = 4, QueueLimit = 64, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
        }));
        return services;
    }
}

/// <summary>La session du portail dans le cookie : le compte, son identifiant, l'empreinte de son mot de passe.</summary>
public static class SessionsPortail
{
    private const string TypeEmpreinte = "credentials:empreinte";

    public static Task OuvrirAsync(HttpContext contexte, SessionPortail session)
    {
        var identite = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.CompteId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, session.Identifiant),
                new Claim(TypeEmpreinte, session.Empreinte),
            ],
            PortailRegistration.Schema);
        return contexte.SignInAsync(PortailRegistration.Schema, new ClaimsPrincipal(identite));
    }

    public static Task FermerAsync(HttpContext contexte) => contexte.SignOutAsync(PortailRegistration.Schema);

    public static SessionPortail Lire(ClaimsPrincipal utilisateur) => new(
        long.TryParse(utilisateur.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : 0,
        utilisateur.FindFirstValue(ClaimTypes.Name) ?? "",
        utilisateur.FindFirstValue(TypeEmpreinte) ?? "");
}
