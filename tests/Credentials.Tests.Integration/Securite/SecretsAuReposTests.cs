using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Credentials.Tests.Securite;

/// <summary>Secrets at rest: owner-only files whatever the umask, pickup .eml files purged, Data Protection keys encrypted.</summary>
[Collection(nameof(UmaskDuProcessus))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsAuReposTests
{
    private const UnixFileMode Fichier = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Dossier = Fichier | UnixFileMode.UserExecute;

    [Fact]
    public async Task Base_journaux_et_cles_ne_sont_lisibles_que_par_le_compte_de_service_meme_avec_un_umask_permissif()
    {
        UmaskDuProcessus.Permissif();
        await using var scene = await SceneConsole.CreerAsync(FournisseurBase.Sqlite);
        await scene.App.ConnecterAsync(SceneConsole.Directrice);

        var dossier = scene.App.DossierDonnees;
        Assert.Equal(Dossier, File.GetUnixFileMode(dossier));
        var dossiers = Directory.GetDirectories(dossier, "*", SearchOption.AllDirectories);
        Assert.Contains(dossiers, d => Path.GetFileName(d) == "logs");
        Assert.Contains(dossiers, d => Path.GetFileName(d) == "keys");
        Assert.All(dossiers, d => Assert.True(File.GetUnixFileMode(d) == Dossier, $"{d}: {File.GetUnixFileMode(d)}"));
        var fichiers = Directory.GetFiles(dossier, "*", SearchOption.AllDirectories);
        Assert.Contains(fichiers, f => f.EndsWith(".log", StringComparison.Ordinal));
        Assert.Contains(fichiers, f => f.EndsWith(".xml", StringComparison.Ordinal));
        Assert.All(fichiers, f => Assert.True(File.GetUnixFileMode(f) == Fichier, $"{f}: {File.GetUnixFileMode(f)}"));

        var baseSqlite = new SqliteConnectionStringBuilder(scene.App.Services.GetRequiredService<ConfigurationStore>().ChaineConnexion).DataSource;
        Assert.Equal(Fichier, File.GetUnixFileMode(baseSqlite));
    }

    [Fact]
    public async Task Le_depot_pickup_ecrit_en_0600_et_efface_les_courriels_de_plus_de_sept_jours()
    {
        UmaskDuProcessus.Permissif();
        var racine = Directory.CreateTempSubdirectory("credentials-pickup-").FullName;
        try
        {
            var options = Options.Create(new OptionsCourriels { PickupDirectory = Path.Combine(racine, "mail-pickup") });
            using (var transport = new FabriqueTransports(options).Creer())
            {
                var courriel = new MimeKit.MimeMessage { Subject = "Vos identifiants", Body = new MimeKit.TextPart("plain") { Text = "ABCDE FGHJK" } };
                courriel.From.Add(MimeKit.MailboxAddress.Parse("college@college-a.test"));
                courriel.To.Add(MimeKit.MailboxAddress.Parse("famille@exemple.fr"));
                await transport.EnvoyerAsync(courriel, CancellationToken.None);
            }

            var recent = Assert.Single(Directory.GetFiles(options.Value.PickupDirectory!, "*.eml"));
            Assert.Equal(Fichier, File.GetUnixFileMode(recent));
            Assert.Equal(Dossier, File.GetUnixFileMode(options.Value.PickupDirectory!));

            var maintenant = DateTimeOffset.UtcNow;
            var ancien = Path.Combine(options.Value.PickupDirectory!, "ancien.eml");
            await File.WriteAllTextAsync(ancien, "Mot de passe : ZYXWV TSRQP");
            File.SetLastWriteTimeUtc(ancien, maintenant.UtcDateTime.AddDays(-7).AddMinutes(-1));

            var depot = new DepotCourriels(options, new HorlogeDeTest(maintenant), NullLogger<DepotCourriels>.Instance);
            Assert.Equal(1, depot.Purger());
            Assert.False(File.Exists(ancien));
            Assert.True(File.Exists(recent));
        }
        finally
        {
            Directory.Delete(racine, recursive: true);
        }
    }

    [Fact]
    public async Task En_production_le_demarrage_avertit_du_transport_pickup_et_des_cles_non_chiffrees()
    {
        var journal = new JournalCapture();
        await using var app = await ApplicationDeTest.CreerAsync(FournisseurBase.Sqlite, new() { ["environment"] = "Production" }, s => s.AddSingleton<ILoggerProvider>(journal));
        _ = app.CreateClient();

        var avertissements = journal.Lignes.Where(l => l.Niveau == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Contains(avertissements, m => m.StartsWith("Mail:Transport is Pickup in Production", StringComparison.Ordinal));
        Assert.Contains(avertissements, m => m.StartsWith("DataProtection:Certificat is not set in Production", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Avec_un_certificat_les_cles_sont_chiffrees_au_repos_et_relues_au_demarrage_suivant()
    {
        var dossierCertificat = Directory.CreateTempSubdirectory("credentials-certificat-").FullName;
        try
        {
            var pfx = CreerCertificat(dossierCertificat, "secret-du-certificat");
            var reglages = new Dictionary<string, string?> { ["DataProtection:Certificat"] = pfx, ["DataProtection:MotDePasseCertificat"] = "secret-du-certificat" };
            await using var app = await ApplicationDeTest.CreerAsync(FournisseurBase.Sqlite, reglages);
            var chiffre = app.Services.GetRequiredService<ICoffreSecrets>().Chiffrer("ABCDEFGHJK");

            var cle = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.DossierDonnees, "keys"), "*.xml")));
            Assert.Contains("<encryptedSecret", cle);
            Assert.DoesNotContain("unencrypted form", cle);

            // Another process (the CLI, the next start) reads the same keys with the same certificate.
            var relecture = new ServiceCollection().AddLogging();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build();
            CertificatCles.Proteger(relecture.AddDataProtection().SetApplicationName("Credentials").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(app.DossierDonnees, "keys"))), configuration, app.DossierDonnees);
            await using var fournisseur = relecture.BuildServiceProvider();
            Assert.Equal("ABCDEFGHJK", new CoffreDataProtection(fournisseur.GetRequiredService<IDataProtectionProvider>()).Dechiffrer(chiffre));
        }
        finally
        {
            Directory.Delete(dossierCertificat, recursive: true);
        }
    }

    [Fact]
    public void Un_certificat_range_dans_le_dossier_de_donnees_est_refuse()
    {
        var donnees = Directory.CreateTempSubdirectory("credentials-donnees-").FullName;
        try
        {
            var pfx = CreerCertificat(donnees, "x");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:Certificat"] = pfx, ["DataProtection:MotDePasseCertificat"] = "x" }).Build();
            var erreur = Assert.Throws<InvalidOperationException>(() => CertificatCles.Proteger(new ServiceCollection().AddDataProtection(), configuration, donnees));
            Assert.Contains("outside the data folder", erreur.Message);
        }
        finally
        {
            Directory.Delete(donnees, recursive: true);
        }
    }

    private static string CreerCertificat(string dossier, string motDePasse)
    {
        using var rsa = RSA.Create(2048);
        var demande = new CertificateRequest("CN=Credentials Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificat = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var chemin = Path.Combine(dossier, "cles-credentials.pfx");
        File.WriteAllBytes(chemin, certificat.Export(X509ContentType.Pfx, motDePasse));
        return chemin;
    }
}

/// <summary>Tests that set the process umask run one at a time (the umask belongs to the whole test process).</summary>
[CollectionDefinition(nameof(UmaskDuProcessus), DisableParallelization = true)]
public sealed class UmaskDuProcessus
{
    /// <summary>umask 022, the usual default that leaves new files readable by everyone.</summary>
    public static void Permissif() => _ = Umask(0b000_010_010);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint masque);
}
