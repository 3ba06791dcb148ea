using System.Diagnostics;
using System.Globalization;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Credentials.Tests.Courriels;

/// <summary>
/// Dispatcher throughput against local aiosmtpd, and what aiosmtpd alone takes (bench_aiosmtpd.py).
/// Not a timed test: it asserts delivery only and prints the figures. By default a small run (50
/// messages, SQLite, 4 workers) keeps it honest; CREDENTIALS_BENCH_COURRIELS=1000 measures for real
/// (1, 4 and 8 workers on SQLite and PostgreSQL; CREDENTIALS_BENCH_WORKERS=4,8 and
/// CREDENTIALS_BENCH_BASES=Postgres narrow it), e.g.:
/// <code>CREDENTIALS_BENCH_COURRIELS=1000 dotnet test tests/Credentials.Tests --filter "FullyQualifiedName~MesureExpedition" --logger "console;verbosity=detailed"</code>
/// </summary>
public class MesureExpeditionTests(ITestOutputHelper sortie)
{
    [Fact]
    public async Task Mesure_du_debit_d_expedition_de_courriels_avec_une_fiche_pdf_jointe()
    {
        var nombre = int.TryParse(Environment.GetEnvironmentVariable("CREDENTIALS_BENCH_COURRIELS"), out var n) ? n : 50;
        var complet = nombre >= 500;
        var fournisseurs = Liste("CREDENTIALS_BENCH_BASES", complet ? "Sqlite,Postgres" : "Sqlite").Select(Enum.Parse<FournisseurBase>).ToList();
        var travailleurs = Liste("CREDENTIALS_BENCH_WORKERS", complet ? "1,4,8" : "4").Select(int.Parse).ToList();
        sortie.WriteLine($"{nombre} messages with one PDF attachment, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

        string? modele = null;
        foreach (var fournisseur in fournisseurs)
        {
            foreach (var t in travailleurs)
            {
                await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
                await using var banc = await BancCourriels.CreerAsync(fournisseur, smtp, new() { ["Mail:Workers"] = t.ToString(CultureInfo.InvariantCulture), ["Mail:BatchSize"] = "20" }, poolees: true);
                var chrono = Stopwatch.StartNew();
                var ids = await EnfilerAvecPieceAsync(banc, nombre);
                var mise = chrono.Elapsed;
                chrono.Restart();
                await banc.DemarrerExpeditionAsync();
                await BancCourriels.AttendreAsync(async () => (await banc.StatutsAsync()).GetValueOrDefault(StatutMessage.Envoye) == nombre, TimeSpan.FromMinutes(10));
                var envoi = chrono.Elapsed;
                await ExpeditionCourrielsTests.ChacunUneFoisAsync(smtp, banc, ids);
                var recus = await smtp.LireAsync();
                Assert.All(recus, r => Assert.Single(r.PiecesJointes));
                if (modele is null)
                {
                    // One message as the dispatcher sent it: what aiosmtpd alone is then fed.
                    modele = Path.Combine(Path.GetTempPath(), $"credentials-modele-{Guid.NewGuid():N}.eml");
                    File.Copy(recus[0].Fichier, modele);
                }

                sortie.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dispatcher {fournisseur,-8} {t} workers: enqueue {mise.TotalSeconds:0.00} s, send {envoi.TotalSeconds:0.00} s = {nombre / envoi.TotalSeconds:0.0} messages/s ({new FileInfo(modele).Length} bytes each)"));
            }
        }

        foreach (var fils in travailleurs)
        {
            await using var seul = await ServeurSmtpDeTest.DemarrerAsync();
            var resultat = (await Processus.ExecuterAsync("/usr/bin/python3", [Path.Combine(Racine.Depot, "tests/Credentials.Tests.Integration/Courriels/bench_aiosmtpd.py"), "--port", seul.Port.ToString(CultureInfo.InvariantCulture), "--eml", modele!, "--count", nombre.ToString(CultureInfo.InvariantCulture), "--threads", fils.ToString(CultureInfo.InvariantCulture)])).Trim();
            Assert.Equal(nombre, (await seul.LireAsync()).Count);
            sortie.WriteLine($"aiosmtpd alone, Python smtplib, {fils} connections: {resultat.Split(' ')[2]} messages/s");
        }

        File.Delete(modele!);
    }

    private static string[] Liste(string variable, string parDefaut) =>
        (Environment.GetEnvironmentVariable(variable) ?? parDefaut).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<List<string>> EnfilerAvecPieceAsync(BancCourriels banc, int nombre)
    {
        await using (var db = banc.Base.Contexte())
        {
            await EcoleDeTest.CreerAsync(db);
        }

        await using var lecture = banc.Base.Contexte();
        var eleve = await lecture.Comptes.FirstAsync(c => c.Profil == Profil.Eleve);
        var pieces = new[] { new PieceJointeReference(eleve.Id, Credentials.Core.Documents.NomsFichiers.FicheIndividuelle(eleve.Profil, eleve.Prenom, eleve.Nom), VarianteFiche.Identifiants) };
        return await ExpeditionCourrielsTests.EnfilerAsync(banc, nombre, pieces);
    }
}
