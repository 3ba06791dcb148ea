namespace Credentials.Tests.Infrastructure;

/// <summary>A clock the test moves forward (expiries, lockout delays); it starts at the real time.</summary>
public sealed class HorlogeDeTest : TimeProvider
{
    private readonly Lock verrou = new();
    private DateTimeOffset maintenant = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (verrou)
        {
            return maintenant;
        }
    }

    public void Avancer(TimeSpan duree)
    {
        lock (verrou)
        {
            maintenant += duree;
        }
    }
}
