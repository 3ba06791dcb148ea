using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Credentials.Web.Infrastructure;

/// <summary>Cookies, limites de débit et en-têtes de sécurité.</summary>
public static class Securite
{
    /// <summary>La politique de débit de la page de connexion de la console.</summary>
    public const string PolitiqueConnexion = "connexion";

    public static IServiceCollection AddSecurite(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookies are Secure whenever the request is HTTPS (directly or through a TLS proxy announced by
        // X-Forwarded-Proto); Securite:ExigerHttps=true makes them Secure-only and redirects to HTTPS.
        var politique = configuration.GetValue<bool>("Securite:ExigerHttps") ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("Securite:Proxies").Get<string[]>() ?? ["127.0.0.1", "::1"])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/compte/acces-refuse";
            options.Cookie.Name = "credentials.console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = politique;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // The security stamp is checked on every request: sign-out, a password change or reset, a role change or a
            // removal from the school ends every copy of the session cookie at once (one indexed read per request).
            options.Events.OnValidatePrincipal = SessionConsole.VerifierAsync;

            // A session that ends on a confirmation page: after signing in again, back to the search with its
            // criteria (the posted action has a GET twin that leads there), never to a GET of a POST-only address.
            options.Events.OnRedirectToLogin = async contexte =>
            {
                if (HttpMethods.IsPost(contexte.Request.Method))
                {
                    var retour = await RetourFormulaire.AdresseAsync(contexte.Request);
                    contexte.RedirectUri = options.LoginPath + QueryString.Create(options.ReturnUrlParameter, retour).ToUriComponent();
                }

                contexte.Response.Redirect(contexte.RedirectUri);
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "credentials.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = politique;
        });
        // A coarse ceiling per client address in front of ConnexionConsole's own limits (which are per account too).
        var parMinute = configuration.GetValue("Securite:ConnexionsParMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolitiqueConnexion, contexte => RateLimitPartition.GetSlidingWindowLimiter(
                contexte.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
        });
        return services;
    }

    public static IApplicationBuilder UseEnTetesSecurite(this IApplicationBuilder app) => app.Use(async (contexte, suivant) =>
    {
        var entetes = contexte.Response.Headers;
        entetes.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        entetes.XContentTypeOptions = "nosniff";
        entetes.XFrameOptions = "DENY";
        entetes["Referrer-Policy"] = "same-origin";
        entetes["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await suivant();
    });
}
