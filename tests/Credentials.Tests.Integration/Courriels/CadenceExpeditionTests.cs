using System.Diagnostics;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Courriels;

public class CadenceExpeditionTests
{
    [Fact]
    public async Task Le_debit_partage_par_les_travailleurs_ne_depasse_pas_le_nombre_de_messages_par_seconde_configure()
    {
        var limiteur = new LimiteurDebit(50);
        var chrono = Stopwatch.StartNew();

        // 4 workers, 21 messages: the first goes at once, the 20 others 20 ms apart.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async t =>
        {
            for (var i = 0; i < (t == 0 ? 6 : 5); i++)
            {
                await limiteur.AttendreAsync(CancellationToken.None);
            }
        }));

        Assert.True(chrono.Elapsed >= TimeSpan.FromMilliseconds(390), $"21 messages at 50/s took only {chrono.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Sans_limite_de_debit_rien_n_attend()
    {
        var limiteur = new LimiteurDebit(0);
        var chrono = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            await limiteur.AttendreAsync(CancellationToken.None);
        }

        Assert.True(chrono.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Le_delai_avant_une_nouvelle_tentative_double_a_chaque_echec_jusqu_a_une_heure()
    {
        await using var banc = await BancCourriels.CreerAsync(FournisseurBase.Sqlite);
        var expedition = ActivatorUtilities.CreateInstance<ExpeditionCourriels>(banc.Services);

        Assert.Equal(
            new[] { 1, 2, 4, 8, 16, 32, 60, 60, 60 }.Select(m => TimeSpan.FromMinutes(m)),
            new[] { 1, 2, 3, 4, 5, 6, 7, 8, 40 }.Select(expedition.Delai));
    }
}
