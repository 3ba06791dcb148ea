using System.Net;
using System.Security.Cryptography;
using System.Text;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Utilisateurs;

/// <summary>
/// Les limites de la connexion à la console (section « Console:Connexion »), recommandation CNIL 2022 pour les
/// personnels : un délai qui double par compte et par adresse du client après quelques échecs, le verrouillage du
/// compte seulement après <see cref="EchecsAvantVerrouillage"/> échecs consécutifs ou 25 échecs en 24 h.
/// </summary>
public sealed class OptionsConnexionConsole
{
    public const string Section = "Console:Connexion";

    /// <summary>Par adresse saisie (connue ou non) : 5 échecs tolérés, puis 30 s, 1 min, 2 min… au plus 15 min ; 25 par 24 h.</summary>
    public ReglesLimite Compte { get; set; } = new()
    {
        Seuil = 5,
        MaxParFenetre = 25,
        Fenetre = TimeSpan.FromHours(24),
        DelaiInitial = TimeSpan.FromSeconds(30),
        DelaiMax = TimeSpan.FromMinutes(15),
    };

    /// <summary>Par adresse du client, tous comptes confondus (un mot de passe essayé sur toute l'équipe).</summary>
    public ReglesLimite Adresse { get; set; } = new()
    {
        Seuil = 20,
        MaxParFenetre = 200,
        Fenetre = TimeSpan.FromHours(24),
        DelaiInitial = TimeSpan.FromSeconds(30),
        DelaiMax = TimeSpan.FromMinutes(15),
    };

    /// <summary>Échecs consécutifs (délais compris) avant le verrouillage du compte.</summary>
    public int EchecsAvantVerrouillage { get; set; } = 10;

    /// <summary>Durée du verrouillage ; une autre direction (ou <c>credentials unlock-user</c>) le lève avant.</summary>
    public TimeSpan DureeVerrouillage { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Un hachage factice de mot de passe de la console, vérifié quand l'essai ne vérifie aucun vrai hachage (adresse
/// inconnue, compte en délai ou verrouillé) : chaque réponse coûte le même calcul PBKDF2.
/// </summary>
public sealed class LeurreConnexionConsole
{
    private readonly string hash;

    public LeurreConnexionConsole(IServiceScopeFactory scopes)
    {
        // Computed once, when the sign-in page is first shown: no sign-in attempt pays for it.
        using var scope = scopes.CreateScope();
        hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Utilisateur>>().HashPassword(new Utilisateur(), RandomNumberGenerator.GetHexString(32));
    }

    public void Verifier(IPasswordHasher<Utilisateur> hacheur, string saisie) => hacheur.VerifyHashedPassword(new Utilisateur(), hash, saisie);
}

/// <summary>
/// Vérifie un essai de connexion à la console sans rien dire de plus que « réussi » ou « refusé » : une adresse
/// inconnue, un mauvais mot de passe, un délai en cours ou un compte verrouillé donnent la même réponse, au prix du
/// même calcul. Les verrouillages sont journalisés avec le compte et l'adresse du client, jamais le mot de passe.
/// </summary>
public sealed class ConnexionConsole(
    UserManager<Utilisateur> utilisateurs,
    IPasswordHasher<Utilisateur> hacheur,
    LimiteurPortail limiteur,
    LeurreConnexionConsole leurre,
    TimeProvider horloge,
    IOptions<OptionsConnexionConsole> options,
    ILogger<ConnexionConsole> logger)
{
    private OptionsConnexionConsole Regles => options.Value;

    /// <summary>La clé de limite d'une adresse saisie : son empreinte, pour qu'une adresse inconnue compte comme une connue.</summary>
    public static string CleCompte(string? courriel) =>
        "console:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((courriel ?? "").Trim().ToLowerInvariant())));

    /// <summary>L'utilisateur si l'adresse et le mot de passe sont les bons et que rien ne retient le compte ; null sinon.</summary>
    public async Task<Utilisateur?> VerifierAsync(string? courriel, string? motDePasse, IPAddress? adresse, CancellationToken ct = default)
    {
        var saisie = motDePasse ?? "";
        var tentative = await limiteur.ReserverAsync(
            [new(CleCompte(courriel), TypeLimite.Identifiant, Regles.Compte), new("console-" + LimiteurPortail.CleAdresse(adresse), TypeLimite.Adresse, Regles.Adresse)],
            ct);
        var utilisateur = await utilisateurs.FindByEmailAsync((courriel ?? "").Trim());
        var maintenant = horloge.GetUtcNow();
        if (!tentative.Autorisee || utilisateur?.PasswordHash is null || utilisateur.LockoutEnd > maintenant)
        {
            leurre.Verifier(hacheur, saisie);
            JournaliserDelais(tentative, utilisateur, adresse);
            return null;
        }

        if (await utilisateurs.CheckPasswordAsync(utilisateur, saisie))
        {
            await limiteur.RembourserAsync(tentative, ct);
            if (utilisateur.AccessFailedCount > 0)
            {
                await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
            }

            return utilisateur;
        }

        await CompterEchecAsync(utilisateur, adresse, maintenant);
        JournaliserDelais(tentative, utilisateur, adresse);
        return null;
    }

    /// <summary>Lève le verrouillage et les délais d'un compte (une autre direction, ou la CLI).</summary>
    public async Task DeverrouillerAsync(Utilisateur utilisateur, CancellationToken ct = default)
    {
        utilisateur.LockoutEnd = null;
        utilisateur.AccessFailedCount = 0;
        await utilisateurs.UpdateAsync(utilisateur);
        await limiteur.EffacerAsync(CleCompte(utilisateur.Email), ct);
    }

    private async Task CompterEchecAsync(Utilisateur utilisateur, IPAddress? adresse, DateTimeOffset maintenant)
    {
        utilisateur.AccessFailedCount++;
        if (utilisateur.AccessFailedCount >= Regles.EchecsAvantVerrouillage)
        {
            utilisateur.LockoutEnd = maintenant + Regles.DureeVerrouillage;
            logger.LogWarning(
                "Console account {UtilisateurId} locked until {Jusqua:O} after {Echecs} consecutive failed sign-ins, the last from {Adresse}",
                utilisateur.Id,
                utilisateur.LockoutEnd,
                utilisateur.AccessFailedCount,
                adresse?.ToString() ?? "unknown");
            utilisateur.AccessFailedCount = 0;
        }

        // A concurrent failure may win the row (concurrency stamp): the limiter has counted this one anyway.
        await utilisateurs.UpdateAsync(utilisateur);
    }

    private void JournaliserDelais(Tentative tentative, Utilisateur? utilisateur, IPAddress? adresse)
    {
        foreach (var charge in tentative.Charges.Where(c => c.VerrouilleJusqua is not null))
        {
            logger.LogWarning(
                "Console sign-in throttled: {Type} key for account {UtilisateurId} from {Adresse} refused until {Jusqua:O} after {Echecs} failures",
                charge.Type,
                utilisateur?.Id ?? "unknown",
                adresse?.ToString() ?? "unknown",
                charge.VerrouilleJusqua,
                charge.Echecs);
        }
    }
}
