using System.Text;
using System.Text.Json;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using CsvHelper;
using static Credentials.Tests.Documents.FichesDeTest;

namespace Credentials.Tests.Documents;

public sealed class CsvTests : IDisposable
{
    private const string Formule = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly DossierTemporaire dossier = new();

    public void Dispose() => dossier.Dispose();

    private static readonly FicheCompte[] Fiches =
    [
        Fiche(1, EtatCompte.NonNotifie, prenom: "Jean-Baptiste", nom: "DELACŒUR"),
        Fiche(2, EtatCompte.NotifieNonActive, prenom: "Éloïse", nom: "N'Diaye-Lefèvre; « dite Élo »"),
        Fiche(3, EtatCompte.Active, prenom: "-Zoé", nom: Formule) with { Courriel = "@zoe.fr" },
        Fiche(4, EtatCompte.NotifieNonActive, prenom: "\tTab", nom: "\rRetour") with { Classe = "+2NDE" },
        Fiche(5, EtatCompte.Active) with { Bloque = true },
    ];

    private async Task<string> ListeAsync(Profil? profil = Profil.Eleve)
    {
        var chemin = dossier.Fichier("liste.csv");
        await using var fichier = File.Create(chemin);
        await new ListeComptesCsvRenderer().EcrireAsync(College, profil, Fiches, fichier);
        return chemin;
    }

    /// <summary>Le fichier relu par le module csv de Python, comme une liste de lignes.</summary>
    private static List<string[]> LuParPython(string chemin)
    {
        var json = Processus.Executer(
            "/usr/bin/python3", "-c",
            "import csv, json, sys\n" +
            "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n" +
            "    print(json.dumps(list(csv.reader(f, delimiter=';')), ensure_ascii=False))",
            chemin);
        return JsonSerializer.Deserialize<List<string[]>>(json)!;
    }

    private static List<string[]> LuParCsvHelper(string chemin)
    {
        using var lecteur = CsvReader.Create(File.ReadAllBytes(chemin), new CsvReaderOptions { Separator = ';', HasHeader = false });
        var lignes = new List<string[]>();
        while (lecteur.Read())
        {
            lignes.Add(Enumerable.Range(0, lecteur.FieldCount).Select(i => lecteur.GetString(i) ?? "").ToArray());
        }

        return lignes;
    }

    [Fact]
    public async Task La_liste_csv_a_les_colonnes_du_guide_un_bom_et_des_points_virgules()
    {
        var chemin = await ListeAsync();

        var octets = await File.ReadAllBytesAsync(chemin);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), octets[..3]);
        var premiereLigne = Encoding.UTF8.GetString(octets[3..]).Split("\r\n")[0];
        Assert.Equal(
            "UAI;Établissement;Nom élève;Prénom élève;MEF;Libellé MEF;Classe;État du compte;Identifiant;Mot de passe;Date de notification;Date de dernière connexion",
            premiereLigne);
    }

    [Theory]
    [InlineData(Profil.Responsable, "Nom responsable", "Prénom responsable")]
    [InlineData(Profil.Enseignant, "Nom enseignant", "Prénom enseignant")]
    [InlineData(null, "Nom", "Prénom")]
    public void Les_libelles_de_nom_suivent_le_profil(Profil? profil, string nom, string prenom)
    {
        var entete = ListeComptesCsvRenderer.Entete(profil);

        Assert.Equal(nom, entete[2]);
        Assert.Equal(prenom, entete[3]);
    }

    [Fact]
    public async Task Python_et_CsvHelper_relisent_les_memes_lignes_masquage_et_neutralisation_compris()
    {
        var chemin = await ListeAsync();

        var python = LuParPython(chemin);
        var csvHelper = LuParCsvHelper(chemin);

        Assert.Equal(python, csvHelper);
        Assert.Equal(6, python.Count);
        Assert.Equal(
            ["0450750W", "Collège Les Étangs", "DELACŒUR", "Jean-Baptiste", "6EME", "6ÈME GÉNÉRALE", "6A", "Non notifié", "compte.1", "", "", ""],
            python[1]);
        Assert.Equal(
            ["0450750W", "Collège Les Étangs", "N'Diaye-Lefèvre; « dite Élo »", "Éloïse", "6EME", "6ÈME GÉNÉRALE", "6A", "Notifié et non activé", "compte.2", MotDePasse(2), "01/09/2026", ""],
            python[2]);
        Assert.Equal(
            ["0450750W", "Collège Les Étangs", "'" + Formule, "'-Zoé", "6EME", "6ÈME GÉNÉRALE", "6A", "Activé", "compte.3", "*****", "01/09/2026", "03/09/2026"],
            python[3]);
        Assert.Equal(["'\rRetour", "'\tTab", "'+2NDE"], [python[4][2], python[4][3], python[4][6]]);
        Assert.Equal(["Activé (bloqué)", "compte.5", "*****"], python[5][7..10]);
        Assert.DoesNotContain(python.SelectMany(l => l), cellule => cellule.Length > 0 && "=+-@\t\r".Contains(cellule[0]));
    }

    [Fact]
    public async Task Les_dates_sont_celles_de_paris()
    {
        var tard = Fiche(1) with { DateNotification = new DateTime(2026, 8, 31, 22, 30, 0, DateTimeKind.Utc) };
        var chemin = dossier.Fichier("dates.csv");
        await using (var fichier = File.Create(chemin))
        {
            await new ListeComptesCsvRenderer().EcrireAsync(College, Profil.Eleve, [tard], fichier);
        }

        Assert.Equal("01/09/2026", LuParPython(chemin)[1][10]);
    }

    [Fact]
    public async Task Le_publipostage_csv_a_ses_colonnes_et_la_meme_regle_de_mot_de_passe()
    {
        var chemin = dossier.Fichier("publipostage.csv");
        await using (var fichier = File.Create(chemin))
        {
            await new PublipostageCsvRenderer().EcrireAsync(Fiches, fichier);
        }

        var lignes = LuParPython(chemin);

        Assert.Equal(["Nom", "Prénom", "Profil", "Login", "Code d'activation", "Courriel", "Classe", "Date de création"], lignes[0]);
        Assert.Equal(["DELACŒUR", "Jean-Baptiste", "Élève", "compte.1", "", "", "6A", "27/08/2026"], lignes[1]);
        Assert.Equal(MotDePasse(2), lignes[2][4]);
        Assert.Equal(["'" + Formule, "'-Zoé", "Élève", "compte.3", "*****", "'@zoe.fr"], lignes[3][..6]);
        Assert.Equal(LuParCsvHelper(chemin), lignes);
    }

    [Fact]
    public async Task Le_csv_s_ecrit_dans_un_flux_qui_refuse_les_ecritures_synchrones()
    {
        await using var sortie = new FluxAsynchroneSeulement();

        await new ListeComptesCsvRenderer().EcrireAsync(College, Profil.Eleve, Serie(5000).ToAsyncEnumerable(), sortie);

        Assert.Equal(5001, Encoding.UTF8.GetString(sortie.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
