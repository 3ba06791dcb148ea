using System.Net;
using System.Net.Sockets;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Portail;

/// <summary>Ce que compte une clé : un identifiant saisi ou une adresse de client.</summary>
public enum TypeLimite
{
    Identifiant = 1,
    Adresse = 2,
}

/// <summary>Un échec compté d'avance sur une clé ; <see cref="VerrouilleJusqua"/> si cet essai ouvre un délai.</summary>
public sealed record Charge(string Cle, TypeLimite Type, int Echecs, DateTime? VerrouilleJusqua, int Seuil = 0);

/// <summary>Une clé à compter et ses règles (le portail et la connexion à la console ont chacun les leurs).</summary>
public sealed record CleLimite(string Cle, TypeLimite Type, ReglesLimite Regles);

/// <summary>Un essai admis (ses échecs comptés d'avance, à rembourser s'il réussit) ou refusé sans vérification.</summary>
public sealed record Tentative(bool Autorisee, IReadOnlyList<Charge> Charges)
{
    public static Tentative Refusee { get; } = new(false, []);
}

/// <summary>
/// Les limites d'essais du portail (CNIL 2022), en base pour que plusieurs instances les partagent.
/// Chaque essai est compté comme un échec AVANT la vérification du secret, puis remboursé s'il réussit :
/// des essais lancés en parallèle ne peuvent pas dépasser la limite.
/// </summary>
public sealed class LimiteurPortail(CredentialsDbContext db, OutilsSecrets outils, IOptions<OptionsPortail> options, ILogger<LimiteurPortail> logger)
{
    // At most 4 attempts per address run at once per instance (PortailRegistration), so a row has few
    // contenders; a growing, jittered pause keeps them from colliding again in lockstep under load.
    private const int EssaisEcriture = 16;
    private readonly OptionsLimitesPortail limites = options.Value.Limites;

    public static string CleIdentifiant(string identifiantNormalise) => "id:" + identifiantNormalise;

    /// <summary>« ip:&lt;adresse&gt; » ; une adresse IPv6 compte pour son /64 (ce qu'un abonné reçoit d'ordinaire).</summary>
    public static string CleAdresse(IPAddress? adresse)
    {
        if (adresse is null)
        {
            // No address (in-process test host, Unix socket): all such clients share one counter.
            return "ip:inconnue";
        }

        if (adresse.IsIPv4MappedToIPv6)
        {
            adresse = adresse.MapToIPv4();
        }

        if (adresse.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var octets = adresse.GetAddressBytes();
            Array.Clear(octets, 8, 8);
            return $"ip:{new IPAddress(octets)}/64";
        }

        return "ip:" + adresse;
    }

    /// <summary>Réserve un essai : refusé si une clé est en délai, sinon compté d'avance sur chaque clé.</summary>
    public Task<Tentative> ReserverAsync(string identifiantNormalise, IPAddress? adresse, CancellationToken ct = default)
    {
        var cles = new List<CleLimite> { new(CleIdentifiant(identifiantNormalise), TypeLimite.Identifiant, limites.Identifiant) };
        if (!limites.EstDeConfiance(adresse))
        {
            cles.Add(new(CleAdresse(adresse), TypeLimite.Adresse, limites.Adresse));
        }

        return ReserverAsync(cles, ct);
    }

    /// <summary>Réserve un essai sur des clés et des règles choisies par l'appelant (la connexion à la console).</summary>
    public async Task<Tentative> ReserverAsync(IReadOnlyList<CleLimite> cles, CancellationToken ct = default)
    {
        var noms = cles.Select(c => c.Cle).ToList();
        for (var essai = 1; essai <= EssaisEcriture; essai++)
        {
            var maintenant = outils.Maintenant;
            var lignes = await LireAsync(noms, ct);
            if (!lignes.Values.Any(l => l.EstBloquee(maintenant))
                && lignes.Count < noms.Count
                && await CreerLignesAsync(noms.Where(n => !lignes.ContainsKey(n)), maintenant, ct))
            {
                Detacher();
                lignes = await LireAsync(noms, ct);
            }

            if (lignes.Values.Any(l => l.EstBloquee(maintenant)))
            {
                Detacher();
                return Tentative.Refusee;
            }

            var charges = new List<Charge>();
            foreach (var (cle, type, regles) in cles)
            {
                if (!lignes.TryGetValue(cle, out var ligne))
                {
                    ligne = new LimitePortail(cle, maintenant);
                    db.Add(ligne);
                }

                var verrou = ligne.Compter(maintenant, regles);
                charges.Add(new Charge(cle, type, ligne.Echecs, verrou, regles.Seuil));
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return new Tentative(true, charges);
            }
            catch (DbUpdateException) when (essai < EssaisEcriture)
            {
                // Another instance counted on the same key (version changed or row just inserted): count again.
                await Task.Delay(Random.Shared.Next(1, Math.Min(20 * essai, 200)), ct);
            }
            catch (DbUpdateException)
            {
                logger.LogWarning("Portal limiter could not record an attempt after {Essais} tries: attempt refused", EssaisEcriture);
                return Tentative.Refusee;
            }
            finally
            {
                Detacher();
            }
        }

        return Tentative.Refusee;
    }

    /// <summary>
    /// Crée les lignes des clés nouvelles, chacune par un <c>INSERT</c> qui laisse en place une ligne déjà là :
    /// des familles derrière une même adresse qui essaient au même moment, sur deux instances, ne se disputent plus
    /// l'insertion (la perdante échouait sur la clé primaire, recomptait, et EF journalisait une erreur pour un cas
    /// prévu). Le compte se fait ensuite sur des lignes existantes, avec le contrôle de version. SQL Server garde
    /// l'insertion par EF et sa reprise.
    /// </summary>
    private async Task<bool> CreerLignesAsync(IEnumerable<string> cles, DateTime maintenant, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            return false;
        }

        foreach (var cle in cles)
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "LimitesPortail" ("Cle", "Echecs", "DebutFenetre", "Version") VALUES ({cle}, 0, {maintenant}, 0) ON CONFLICT DO NOTHING""", ct);
        }

        return true;
    }

    private Task<Dictionary<string, LimitePortail>> LireAsync(List<string> cles, CancellationToken ct) =>
        db.Set<LimitePortail>().Where(l => cles.Contains(l.Cle)).ToDictionaryAsync(l => l.Cle, ct);

    /// <summary>
    /// L'essai a réussi (ou le secret a été reconnu) : le compteur de l'identifiant repart de zéro, celui de
    /// l'adresse rend l'échec compté d'avance (sans s'effacer : un compte à soi ne blanchit pas une adresse).
    /// </summary>
    public async Task RembourserAsync(Tentative tentative, CancellationToken ct = default)
    {
        foreach (var charge in tentative.Charges)
        {
            if (charge.Type == TypeLimite.Identifiant)
            {
                await db.Set<LimitePortail>().Where(l => l.Cle == charge.Cle).ExecuteDeleteAsync(ct);
                continue;
            }

            var seuil = charge.Seuil;
            await db.Set<LimitePortail>()
                .Where(l => l.Cle == charge.Cle && l.Echecs > 0)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(l => l.Echecs, l => l.Echecs - 1)
                        .SetProperty(l => l.BloqueJusqua, l => l.Echecs - 1 < seuil ? null : l.BloqueJusqua)
                        .SetProperty(l => l.Version, l => l.Version + 1),
                    ct);
        }
    }

    /// <summary>Oublie les échecs d'une clé (un compte de la console déverrouillé par la direction).</summary>
    public Task EffacerAsync(string cle, CancellationToken ct = default) =>
        db.Set<LimitePortail>().Where(l => l.Cle == cle).ExecuteDeleteAsync(ct);

    /// <summary>Date le dernier échec de chaque clé de l'essai (dans la transaction de l'appelant).</summary>
    public async Task NoterEchecAsync(Tentative tentative, CancellationToken ct = default)
    {
        var maintenant = outils.Maintenant;
        var cles = tentative.Charges.Select(c => c.Cle).ToList();
        await db.Set<LimitePortail>().Where(l => cles.Contains(l.Cle)).ExecuteUpdateAsync(s => s.SetProperty(l => l.DernierEchec, maintenant), ct);
    }

    /// <summary>Logs a lockout this attempt started (English, structured; the key is already sanitised).</summary>
    public void JournaliserVerrouillage(Charge charge) =>
        logger.LogWarning(
            "Portal lockout: {Cle} ({Type}) refused until {Jusqua:O} after {Echecs} failures",
            charge.Cle,
            charge.Type,
            charge.VerrouilleJusqua,
            charge.Echecs);

    /// <summary>Efface les compteurs dont la fenêtre est close et le délai passé.</summary>
    public async Task<int> PurgerAsync(CancellationToken ct = default)
    {
        var maintenant = outils.Maintenant;
        var fenetre = limites.Identifiant.Fenetre > limites.Adresse.Fenetre ? limites.Identifiant.Fenetre : limites.Adresse.Fenetre;
        var avant = maintenant - fenetre;
        return await db.Set<LimitePortail>()
            .Where(l => l.DebutFenetre < avant && (l.BloqueJusqua == null || l.BloqueJusqua < maintenant))
            .ExecuteDeleteAsync(ct);
    }

    private void Detacher()
    {
        foreach (var entree in db.ChangeTracker.Entries<LimitePortail>().ToList())
        {
            entree.State = EntityState.Detached;
        }
    }
}
