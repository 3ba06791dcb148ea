using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Courriels;

/// <summary>A message as a mail client sees it, read back by Python's email module.</summary>
public sealed record CourrielRecu(string Fichier, string MessageId, string De, string A, string Sujet, string? Texte, string? Html, IReadOnlyList<PieceJointeRecue> PiecesJointes, string AutoSubmitted = "", string Langue = "", string RepondreA = "");

public sealed record PieceJointeRecue(string Nom, string Type, string Chemin);

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (only /usr/bin/python3 imports it) running
/// serveur_smtp.py, storing what it accepts in its own Maildir. Started and killed by PID per test;
/// a missing aiosmtpd makes the test fail, not skip.
/// </summary>
public sealed class ServeurSmtpDeTest : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly string DossierScripts = Path.Combine(Racine.Depot, "tests", "Credentials.Tests.Integration", "Courriels");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string dossier;
    private Process? processus;

    private ServeurSmtpDeTest(int port, string dossier)
    {
        Port = port;
        this.dossier = dossier;
        Maildir = Path.Combine(dossier, "maildir");
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Reserves a port and a Maildir without starting the server (a server "down" at that address).</summary>
    public static ServeurSmtpDeTest Reserver() => new(PortLibre(), Directory.CreateTempSubdirectory("credentials-smtp-").FullName);

    /// <summary>Starts a server: every message accepted, or 451 for the first <paramref name="temporaires"/> attempts of each Message-ID, or 550 for all.</summary>
    public static async Task<ServeurSmtpDeTest> DemarrerAsync(int temporaires = 0, bool refus = false)
    {
        var serveur = Reserver();
        await serveur.DemarrerSurSonPortAsync(temporaires, refus);
        return serveur;
    }

    public async Task DemarrerSurSonPortAsync(int temporaires = 0, bool refus = false)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3 and python3-aiosmtpd.");
        var info = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(DossierScripts, "serveur_smtp.py"), "--port", Port.ToString(), "--maildir", Maildir, "--temporaires", temporaires.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        if (refus)
        {
            info.ArgumentList.Add("--refus");
        }

        processus = Process.Start(info)!;
        var pret = await processus.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (pret != "ready")
        {
            var erreur = await processus.StandardError.ReadToEndAsync();
            Assert.Fail($"The test SMTP server (aiosmtpd) did not start on port {Port}: {erreur}");
        }
    }

    /// <summary>Kills the server by its PID (the Maildir stays, to be read).</summary>
    public async Task ArreterAsync()
    {
        if (processus is { HasExited: false })
        {
            processus.Kill();
            await processus.WaitForExitAsync();
        }

        processus?.Dispose();
        processus = null;
    }

    /// <summary>Every message in the Maildir, decoded by Python's email module; attachments saved to files.</summary>
    public Task<IReadOnlyList<CourrielRecu>> LireAsync() => LireAsync(Maildir);

    public static async Task<IReadOnlyList<CourrielRecu>> LireAsync(string dossierCourriels)
    {
        var sortie = Directory.CreateTempSubdirectory("credentials-pj-").FullName;
        var json = await Processus.ExecuterAsync(Python, [Path.Combine(DossierScripts, "lire_courriels.py"), dossierCourriels, sortie]);
        return JsonSerializer.Deserialize<List<CourrielRecu>>(json, Json)!;
    }

    public async ValueTask DisposeAsync()
    {
        await ArreterAsync();
        try
        {
            Directory.Delete(dossier, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: harmless if something still holds it.
        }
    }

    internal static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
