using System.IO.Compression;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using static Credentials.Tests.Documents.FichesDeTest;

namespace Credentials.Tests.Documents;

public sealed class ArchiveFichesTests : IDisposable
{
    private readonly DossierTemporaire dossier = new();

    public void Dispose() => dossier.Dispose();

    [Fact]
    public async Task L_archive_contient_un_pdf_valide_par_personne_nomme_comme_le_guide_le_demande()
    {
        var fiches = new[]
        {
            Fiche(1, prenom: "Léa", nom: "Martin"),
            Fiche(2, profil: Profil.Responsable, prenom: "Éloïse", nom: "N'Diaye-Lefèvre"),
            Fiche(3, EtatCompte.Active, prenom: "Léa", nom: "MARTIN"),
            Fiche(4, profil: Profil.Enseignant, prenom: "Jean-Baptiste", nom: "Delacœur"),
            Fiche(5, profil: Profil.Personnel, prenom: "Ana", nom: "Dos Santos / Silva"),
            Fiche(6, profil: Profil.Invite, prenom: "Léa", nom: "martin"),
        };
        await using var sortie = new FluxAsynchroneSeulement();

        await new ArchiveFichesRenderer().EcrireAsync(College, fiches, sortie);

        var chemin = dossier.Fichier("fiches.zip");
        await File.WriteAllBytesAsync(chemin, sortie.ToArray());
        using var archive = ZipFile.OpenRead(chemin);
        Assert.Equal(
        [
            "Fiche de connexion élève – Léa MARTIN.pdf",
            "Fiche de connexion responsable – Éloïse N'DIAYE-LEFÈVRE.pdf",
            "Fiche de connexion élève – Léa MARTIN (2).pdf",
            "Fiche de connexion enseignant – Jean-Baptiste DELACŒUR.pdf",
            "Fiche de connexion personnel – Ana DOS SANTOS SILVA.pdf",
            "Fiche de connexion invité – Léa MARTIN.pdf",
        ], archive.Entries.Select(e => e.FullName));

        for (var i = 0; i < fiches.Length; i++)
        {
            var pdf = dossier.Fichier($"{i}.pdf");
            archive.Entries[i].ExtractToFile(pdf);
            Assert.Equal(1, OutilsExternes.NombreDePages(pdf));
            Assert.Contains(fiches[i].Identifiant, OutilsExternes.TexteSuivi(pdf));
        }
    }

    [Fact]
    public async Task Les_noms_d_entrees_sont_en_utf8_pour_unzip()
    {
        var chemin = dossier.Fichier("fiches.zip");
        await using (var fichier = File.Create(chemin))
        {
            await new ArchiveFichesRenderer().EcrireAsync(College, [Fiche(1, prenom: "Éloïse", nom: "Lefèvre")], fichier);
        }

        var liste = Processus.Executer(
            "/usr/bin/python3", "-c",
            "import zipfile, sys\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.flag_bits & 0x800, i.filename)",
            chemin);
        Assert.Equal("2048 Fiche de connexion élève – Éloïse LEFÈVRE.pdf", liste.Trim());
    }
}
