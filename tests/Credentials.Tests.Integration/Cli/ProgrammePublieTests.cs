using Credentials.Tests.Imports;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Cli;

/// <summary>
/// The command line as it is deployed: <c>dotnet publish</c> makes a program with its own runtime, compiled ahead of
/// time with it into one composite image, run as <c>credentials</c> without the <c>dotnet</c> host. The other tests
/// run the plain build: a library that breaks once compiled together with the framework only shows here (PDFsharp's
/// licence check did, and every PDF failed). About three minutes of publishing, so it runs alone.
/// </summary>
[Collection(nameof(PublicationDuProgramme))]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProgrammePublieTests : IDisposable
{
    private readonly string dossier = Directory.CreateTempSubdirectory("credentials-publie-").FullName;

    public void Dispose() => Directory.Delete(dossier, recursive: true);

    [Fact]
    public async Task Le_programme_publie_tourne_sans_dotnet_importe_et_ecrit_les_fiches_en_PDF()
    {
        var sortie = Path.Combine(dossier, "cli");
        var publication = await ExecuterAsync("dotnet", "publish", Path.Combine(Racine.Depot, "src", "Credentials.Cli"), "-c", "Release", "-nologo", "-o", sortie);
        Assert.True(publication.Code == 0, publication.Sortie);
        Assert.True(File.Exists(Path.Combine(sortie, "credentials.r2r.dll")), "no composite image: " + string.Join(", ", Directory.GetFiles(sortie).Select(Path.GetFileName)));
        Assert.True(File.Exists(Path.Combine(sortie, "libcoreclr.so")), "the program does not carry its runtime");
        var programme = Path.Combine(sortie, "credentials");
        Assert.True(File.GetUnixFileMode(programme).HasFlag(UnixFileMode.UserExecute), $"{programme}: {File.GetUnixFileMode(programme)}");

        var import = await ExecuterAsync(programme, "import", "siecle", "--uai", Echantillons.Uai, "--annee-scolaire", "2025",
            "--eleves", Echantillons.Chemin("ElevesSansAdresses.xml"), "--responsables", Echantillons.Chemin("ResponsablesAvecAdresses.xml"));
        Assert.True(import.Code == 0, import.Sortie);
        Assert.Contains("Import appliqué. 14 comptes créés", import.Sortie);

        var pdf = Path.Combine(dossier, "fiches.pdf");
        var notification = await ExecuterAsync(programme, "notify", "--uai", Echantillons.Uai, "--canal", "courrier", "--modele", "8", "--out", pdf);
        Assert.True(notification.Code == 0, notification.Sortie);
        var csv = Path.Combine(dossier, "comptes.csv");
        var liste = await ExecuterAsync(programme, "list", "--uai", Echantillons.Uai, "--format", "csv", "--out", csv);
        Assert.True(liste.Code == 0, liste.Sortie);

        // Each pupil (the default profile of both commands) has its sheet, read back from the PDF.
        var lignes = (await File.ReadAllLinesAsync(csv)).Select(l => l.Split(';')).ToList();
        var colonne = Array.IndexOf(lignes[0], "Identifiant");
        var identifiants = lignes.Skip(1).Select(l => l[colonne]).ToList();
        Assert.Equal(6, identifiants.Count);
        var texte = await Poppler.TexteAsync(await File.ReadAllBytesAsync(pdf));
        Assert.All(identifiants, i => Assert.Contains(i, texte));
    }

    // The program lives outside its data folder, as installed: the CLI makes every file in that folder 0600.
    private Task<(int Code, string Sortie)> ExecuterAsync(string programme, params string[] arguments) =>
        LigneDeCommande.ExecuterAsync(programme, arguments, new Dictionary<string, string> { ["DataDirectory"] = Path.Combine(dossier, "donnees") });
}

/// <summary>Publishing takes both cores for minutes: nothing else runs meanwhile.</summary>
[CollectionDefinition(nameof(PublicationDuProgramme), DisableParallelization = true)]
public sealed class PublicationDuProgramme;
