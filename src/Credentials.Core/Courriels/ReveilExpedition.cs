using System.Diagnostics;

namespace Credentials.Core.Courriels;

/// <summary>
/// Réveille les travailleurs de l'expéditeur de cette instance dès qu'une campagne est enregistrée, au
/// lieu d'attendre la prochaine recherche (les autres instances et la CLI comptent sur celle-ci).
/// </summary>
public sealed class ReveilExpedition
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Signaler() => Interlocked.Exchange(ref signal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal async Task AttendreAsync(TimeSpan delai, CancellationToken ct)
    {
        using var fin = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Volatile.Read(ref signal).Task, Task.Delay(delai, fin.Token));
        await fin.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>Espace les envois d'une instance : au plus N par seconde, partagé par tous ses travailleurs, sans rafale après un creux.</summary>
internal sealed class LimiteurDebit(double parSeconde)
{
    private readonly Lock verrou = new();
    private long prochain;

    public Task AttendreAsync(CancellationToken ct)
    {
        if (parSeconde <= 0)
        {
            return Task.CompletedTask;
        }

        var intervalle = (long)(Stopwatch.Frequency / parSeconde);
        long attente;
        lock (verrou)
        {
            var maintenant = Stopwatch.GetTimestamp();
            var creneau = Math.Max(maintenant, prochain);
            prochain = creneau + intervalle;
            attente = creneau - maintenant;
        }

        return attente <= 0 ? Task.CompletedTask : Task.Delay(Stopwatch.GetElapsedTime(0, attente), ct);
    }
}
