using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace Credentials.Tests.Infrastructure;

/// <summary>A clock the test moves by hand.</summary>
public sealed class HorlogeDeTest(DateTimeOffset depart) : TimeProvider
{
    public DateTimeOffset Maintenant { get; set; } = depart;

    public override DateTimeOffset GetUtcNow() => Maintenant;

    public void Avancer(TimeSpan duree) => Maintenant += duree;
}

/// <summary>Real secrets (random generator, Data Protection encryption, PBKDF2) with a fast hash and a manual clock.</summary>
public static class OutilsDeTest
{
    public static readonly DateTimeOffset Rentree = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static OutilsSecrets Creer(HorlogeDeTest? horloge = null, OptionsComptes? options = null) => new(
        new GenerateurSecrets(),
        new CoffreDataProtection(new EphemeralDataProtectionProvider()),
        new HacheurPbkdf2(iterations: 1_000),
        horloge ?? new HorlogeDeTest(Rentree),
        options ?? new OptionsComptes());
}
