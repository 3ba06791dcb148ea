using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Imports;

/// <summary>L'onglet Imports et la saisie manuelle à travers la vraie application : dépôt, aperçu, confirmation, refus.</summary>
public sealed partial class ImportsWebTests
{
    private const string Secretaire = "secretaire@college-a.test";
    private const string Directrice = "directrice@college-a.test";
    private const string Enseignant = "prof@college-a.test";
    private const string DirecteurB = "directeur@ecole-b.test";
    private const string UaiB = "0888888Y";

    private static readonly (string Champ, string Nom, byte[] Octets)[] SiecleEchantillons =
    [
        ("eleves", "ElevesSansAdresses.xml", Echantillons.Octets("ElevesSansAdresses.xml")),
        ("responsables", "ResponsablesAvecAdresses.xml", Echantillons.Octets("ResponsablesAvecAdresses.xml")),
    ];

    private static readonly (string Champ, string Nom, byte[] Octets)[] OndeEchantillons =
    [
        ("eleves", "onde_eleves.csv", Echantillons.Octets("onde_eleves.csv")),
        ("responsables", "onde_responsables.csv", Echantillons.Octets("onde_responsables.csv")),
    ];

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Importer_les_exports_SIECLE_cree_6_eleves_et_8_responsables_et_reimporter_ne_change_rien(FournisseurBase fournisseur)
    {
        await using var banc = await BancWeb.CreerAsync(fournisseur);
        var client = await banc.App.ConnecterAsync(Secretaire);

        var apercu = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        Assert.Contains(">14</span> comptes à créer (6 élèves, 8 responsables)", apercu.Html);
        Assert.Contains("2025-2026 (indiquée dans le fichier)", apercu.Html);
        Assert.Contains("3 personnes ignorées", apercu.Html);
        Assert.Contains("Hugo PETIT", apercu.Html);
        Assert.Equal(0, await banc.CompterAsync<Compte>());

        var rapport = await ConfirmerAsync(client, apercu);
        var comptes = await banc.LireAsync(db => db.Comptes.Where(c => c.EtablissementId == banc.EtablissementA).ToListAsync());
        Assert.Equal(6, comptes.Count(c => c.Profil == Profil.Eleve));
        Assert.Equal(8, comptes.Count(c => c.Profil == Profil.Responsable));
        Assert.All(comptes, c => Assert.Equal((OrigineCompte.AnnuaireFederateur, EtatCompte.NonNotifie), (c.Origine, c.Etat)));
        var evenement = Assert.Single(await banc.LireAsync(db => db.Evenements.Where(e => e.Action == ActionJournal.Import).ToListAsync()));
        Assert.Equal((Secretaire, 14), (evenement.Auteur, evenement.NombreComptes));
        Assert.Contains("Succès :", rapport);
        Assert.Contains("14 comptes créés (6 élèves, 8 responsables)", rapport);
        Assert.All(comptes, c => Assert.Contains($"<code>{c.Identifiant}</code>", rapport));
        Assert.Empty(banc.Depots());

        var encore = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        Assert.Contains("ces fichiers ne changent rien", encore.Html);
        Assert.Contains("14 comptes inchangés", encore.Html);
        Assert.Null(encore.Depot);
        Assert.Empty(banc.Depots());
    }

    [Fact]
    public async Task Le_filtre_des_classes_montre_les_classes_d_un_import_aussitot_et_jamais_celles_d_une_autre_portee()
    {
        await using var banc = await BancWeb.CreerAsync();
        var directrice = await banc.App.ConnecterAsync(Directrice);
        var enseignant = await banc.App.ConnecterAsync(Enseignant);
        static List<string> Classes(string page) =>
            ClasseFiltre().Matches(page).Select(m => m.Groups[1].Value).ToList();

        // The lists are kept in memory per school version: read them twice before the import.
        Assert.Equal(["6B"], Classes(await directrice.GetStringAsync("/eleves")));
        Assert.Equal(["6B"], Classes(await directrice.GetStringAsync("/eleves")));
        Assert.Empty(Classes(await enseignant.GetStringAsync("/eleves")));

        var secretaire = await banc.App.ConnecterAsync(Secretaire);
        await ConfirmerAsync(secretaire, await ApercuAsync(await DeposerAsync(secretaire, "/imports/siecle", SiecleEchantillons)));

        var apres = Classes(await directrice.GetStringAsync("/eleves"));
        Assert.Contains("6A", apres);
        Assert.Contains("5B", apres);
        Assert.Contains("6B", apres);
        Assert.Equal(apres.Order(StringComparer.Ordinal), apres);
        Assert.Empty(Classes(await enseignant.GetStringAsync("/eleves")));
    }

    [GeneratedRegex("<input type=\"checkbox\" name=\"classes\" value=\"([^\"]+)\"")]
    private static partial Regex ClasseFiltre();

    [Fact]
    public async Task Importer_les_extractions_ONDE_cree_les_comptes_et_reimporter_ne_change_rien()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);

        var apercu = await ApercuAsync(await DeposerAsync(client, "/imports/onde", OndeEchantillons));
        Assert.Contains(">14</span> comptes à créer (6 élèves, 8 responsables)", apercu.Html);
        await ConfirmerAsync(client, apercu);
        Assert.Equal(["CM1-CM2 B", "CM1-CM2 B", "CM1-CM2 B", "CM2 A", "CM2 A", "CM2 A"], (await banc.LireAsync(db => db.Comptes.Where(c => c.Profil == Profil.Eleve).Select(c => c.Classe!.Code).ToListAsync())).Order());
        Assert.Equal(8, await banc.LireAsync(db => db.Comptes.CountAsync(c => c.Profil == Profil.Responsable)));
        Assert.Equal(Canal.Onde, (await banc.LireAsync(db => db.Evenements.SingleAsync(e => e.Action == ActionJournal.Import))).Canal);

        var encore = await ApercuAsync(await DeposerAsync(client, "/imports/onde", OndeEchantillons));
        Assert.Contains("ces fichiers ne changent rien", encore.Html);
        Assert.Null(encore.Depot);
    }

    [Fact]
    public async Task Les_fichiers_d_un_autre_etablissement_sont_refuses_sans_rien_changer()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(DirecteurB);

        var apercu = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        Assert.Contains("ces fichiers sont ceux de l'établissement 0999999Z, pas de 0888888Y (École B)", apercu.Html);
        Assert.Contains("Rien n'a été importé ni modifié", apercu.Html);
        Assert.Null(apercu.Depot);
        Assert.Equal(0, await banc.CompterAsync<Compte>());
        Assert.Empty(banc.Depots());
    }

    [Fact]
    public async Task Un_fichier_trop_gros_est_refuse_avec_un_message_en_francais()
    {
        await using var banc = await BancWeb.CreerAsync(reglages: new() { ["Imports:TailleMaxOctets"] = "4096" });
        var client = await banc.App.ConnecterAsync(Secretaire);

        // Within the request limit: the reader refuses the file, by name.
        var apercu = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        Assert.Contains("ElevesSansAdresses.xml : le fichier pèse 8,4 Ko, au-delà de la limite de 4 Ko : rien n'a été lu", apercu.Html);
        Assert.Null(apercu.Depot);

        // Beyond the whole request's limit: back to the Imports page with a message, before anything is read.
        var enorme = SiecleEchantillons.Append(("nomenclature", "Nomenclature.xml", new byte[100_000])).ToArray();
        var reponse = await DeposerAsync(client, "/imports/siecle", enorme);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/imports", reponse.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/imports"));
        Assert.Contains("Erreur :</strong> Les fichiers déposés pèsent", page);
        Assert.Contains("au-delà de la limite de 4 Ko par fichier : rien n'a été lu ni importé.", page);

        Assert.Equal(0, await banc.CompterAsync<Compte>());
        Assert.Empty(banc.Depots());
    }

    [Fact]
    public async Task Un_depot_n_est_confirme_que_par_son_auteur_dans_son_etablissement()
    {
        await using var banc = await BancWeb.CreerAsync();
        var secretaire = await banc.App.ConnecterAsync(Secretaire);
        var apercu = await ApercuAsync(await DeposerAsync(secretaire, "/imports/siecle", SiecleEchantillons));
        Assert.NotNull(apercu.Depot);
        var empreinte = new KeyValuePair<string, string>("empreinte", apercu.Empreinte!);

        var directrice = await banc.App.ConnecterAsync(Directrice);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplicationDeTest.PosterAsync(directrice, "/imports", $"/imports/{apercu.Depot}/confirmer", [empreinte])).StatusCode);
        var autre = apercu.Depot![..^1] + (apercu.Depot[^1] == '0' ? '1' : '0');
        Assert.Equal(HttpStatusCode.NotFound, (await ApplicationDeTest.PosterAsync(secretaire, "/imports", $"/imports/{autre}/confirmer", [empreinte])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplicationDeTest.PosterAsync(secretaire, "/imports", "/imports/..%2F..%2Fkeys/confirmer", [empreinte])).StatusCode);
        Assert.Equal(0, await banc.CompterAsync<Compte>());

        await ConfirmerAsync(secretaire, apercu);
        Assert.Equal(14, await banc.CompterAsync<Compte>());
    }

    [Fact]
    public async Task Un_enseignant_n_a_ni_l_onglet_ni_les_pages_d_import()
    {
        await using var banc = await BancWeb.CreerAsync();
        var enseignant = await banc.App.ConnecterAsync(Enseignant);

        Assert.DoesNotContain("href=\"/imports\"", await enseignant.GetStringAsync("/eleves"));
        Assert.Equal(HttpStatusCode.Forbidden, (await enseignant.GetAsync("/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeposerAsync(enseignant, "/imports/siecle", SiecleEchantillons, pageDuJeton: "/eleves")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enseignant.GetAsync("/comptes/nouveau")).StatusCode);
        var creation = await ApplicationDeTest.PosterAsync(enseignant, "/eleves", "/comptes/nouveau", Saisie("GARNIER", "Zoé", "2014-05-02"));
        Assert.Equal(HttpStatusCode.Forbidden, creation.StatusCode);
        Assert.Equal(0, await banc.CompterAsync<Compte>());
        Assert.Empty(banc.Depots());

        var secretaire = await banc.App.ConnecterAsync(Secretaire);
        Assert.Contains("href=\"/imports\"", await secretaire.GetStringAsync("/eleves"));
    }

    [Fact]
    public async Task Un_fichier_d_une_autre_annee_scolaire_attend_la_case_cochee()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);
        var anneeSuivante = SiecleEchantillons
            .Select(f => (f.Champ, f.Nom, Echantillons.Iso885915.GetBytes(Echantillons.ChangerAnnee(Echantillons.Iso885915.GetString(f.Octets), 2026))))
            .ToArray();

        var apercu = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", anneeSuivante));
        Assert.Contains("J'ai vérifié : ce fichier concerne l'année scolaire 2026-2027", apercu.Html);
        Assert.Contains(">14</span> comptes à créer (6 élèves, 8 responsables)", apercu.Html);

        var sansCase = await ApplicationDeTest.PosterAsync(client, "/imports", $"/imports/{apercu.Depot}/confirmer", [new("empreinte", apercu.Empreinte!)]);
        Assert.Equal(HttpStatusCode.OK, sansCase.StatusCode);
        Assert.Contains("Cochez la case « J'ai vérifié : ce fichier concerne l'année scolaire 2026-2027 » pour importer ce fichier.", WebUtility.HtmlDecode(await sansCase.Content.ReadAsStringAsync()));
        Assert.Equal(0, await banc.CompterAsync<Compte>());

        await ConfirmerAsync(client, apercu, annee: 2026);
        Assert.Equal(14, await banc.CompterAsync<Compte>());
        Assert.Equal(2026, (await banc.LireAsync(db => db.Etablissements.SingleAsync(e => e.Id == banc.EtablissementA))).AnneeScolaire);
    }

    [Fact]
    public async Task Un_apercu_perime_n_est_pas_applique_et_le_nouvel_apercu_est_montre()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);
        var premier = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        var second = await ApercuAsync(await DeposerAsync(client, "/imports/siecle", SiecleEchantillons));
        await ConfirmerAsync(client, second);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/imports", $"/imports/{premier.Depot}/confirmer", [new("empreinte", premier.Empreinte!)]);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Les comptes de l'établissement ont changé depuis l'aperçu : rien n'a été appliqué", html);
        Assert.Contains("ces fichiers ne changent rien", html);
        Assert.Equal(14, await banc.CompterAsync<Compte>());
        Assert.Equal(1, await banc.LireAsync(db => db.Evenements.CountAsync(e => e.Action == ActionJournal.Import)));
        Assert.Empty(banc.Depots());
    }

    [Fact]
    public async Task Le_modele_csv_et_son_guide_se_telechargent_depuis_la_page_des_imports()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/imports"));
        Assert.Contains("Exploitation → Exports standard → Exports XML génériques", page);
        Assert.Contains("href=\"/imports/modele.csv\"", page);
        Assert.Contains("href=\"/comptes/nouveau\"", page);

        var modele = await client.GetAsync("/imports/modele.csv");
        Assert.Equal("text/csv", modele.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ModeleImport.Octets(), await modele.Content.ReadAsByteArrayAsync());
        Assert.Contains("Responsable de", await client.GetStringAsync("/imports/guide-modele"));
    }

    [Fact]
    public async Task Une_creation_manuelle_incomplete_est_refusee_avec_un_resume_des_erreurs()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/comptes/nouveau", "/comptes/nouveau", Saisie("", "Zoé", "31/02/2014"));
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("<a href=\"#DateNaissance\">La date de naissance « 31/02/2014 » n'existe pas.</a>", html);
        Assert.Contains("value=\"Zoé\"", html);

        reponse = await ApplicationDeTest.PosterAsync(client, "/comptes/nouveau", "/comptes/nouveau", Saisie("", "Zoé", "2014-05-02"));
        html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("data-focus=\"true\"", html);
        Assert.Contains("<a href=\"#Nom\">Le nom est obligatoire.</a>", html);
        Assert.Equal(0, await banc.CompterAsync<Compte>());
    }

    [Fact]
    public async Task Un_eleve_cree_a_la_main_apparait_dans_l_onglet_eleves_et_se_corrige()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/comptes/nouveau", "/comptes/nouveau", [.. Saisie("GARNIER", "Zoé", "2014-05-02"), new("CodeClasse", "6B")]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var compte = await banc.LireAsync(db => db.Comptes.Include(c => c.Classe).SingleAsync());
        Assert.Equal(($"/eleves/{compte.Id}", OrigineCompte.CreationManuelle, "6B"), (reponse.Headers.Location!.OriginalString, compte.Origine, compte.Classe?.Code));
        var fiche = WebUtility.HtmlDecode(await client.GetStringAsync($"/eleves/{compte.Id}"));
        Assert.Contains("Compte créé pour Zoé GARNIER (élève) : identifiant « zoe.garnier »", fiche);
        Assert.Contains($"href=\"/comptes/{compte.Id}/modifier\"", fiche);
        Assert.Contains("<dt>Origine</dt><dd>Créé dans la console</dd>", fiche);
        var liste = await client.GetStringAsync("/eleves?q=garnier");
        Assert.Contains("zoe.garnier", liste);

        var formulaire = await client.GetStringAsync($"/comptes/{compte.Id}/modifier");
        Assert.Contains($"name=\"Version\" value=\"{compte.Version}\"", formulaire);
        reponse = await ApplicationDeTest.PosterAsync(client, $"/comptes/{compte.Id}/modifier", $"/comptes/{compte.Id}/modifier",
            [.. Saisie("GARNIER-ROUX", "Zoé", "02/05/2014"), new("Courriel", "Zoe.Garnier@Example.org"), new("Version", compte.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var corrige = await banc.LireAsync(db => db.Comptes.Include(c => c.Classe).SingleAsync());
        Assert.Equal(("GARNIER-ROUX", "zoe.garnier@example.org", "zoe.garnier", (string?)null), (corrige.Nom, corrige.Courriel, corrige.Identifiant, corrige.Classe?.Code));
        Assert.Equal(2, await banc.LireAsync(db => db.Evenements.CountAsync(e => e.Action == ActionJournal.CreationCompte || e.Action == ActionJournal.ModificationCompte)));
    }

    [Fact]
    public async Task Un_responsable_cree_a_la_main_mene_a_sa_fiche_dans_l_onglet_responsables()
    {
        await using var banc = await BancWeb.CreerAsync();
        var client = await banc.App.ConnecterAsync(Secretaire);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/comptes/nouveau", "/comptes/nouveau",
            [new("Profil", "Responsable"), new("Nom", "GARNIER"), new("Prenom", "Paul"), new("Courriel", "paul.garnier@exemple.fr")]);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var compte = await banc.LireAsync(db => db.Comptes.SingleAsync());
        Assert.Equal($"/responsables/{compte.Id}", reponse.Headers.Location!.OriginalString);
        var fiche = WebUtility.HtmlDecode(await client.GetStringAsync(reponse.Headers.Location));
        Assert.Contains("Compte créé pour Paul GARNIER (responsable)", fiche);
        Assert.Contains("paul.garnier@exemple.fr", fiche);
    }

    private static List<KeyValuePair<string, string>> Saisie(string nom, string prenom, string naissance) =>
        [new("Profil", "Eleve"), new("Nom", nom), new("Prenom", prenom), new("DateNaissance", naissance)];

    /// <summary>Posts files as a browser does (multipart), with the anti-forgery token of a page the user may open.</summary>
    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, string action, (string Champ, string Nom, byte[] Octets)[] fichiers, string pageDuJeton = "/imports")
    {
        var jeton = await ApplicationDeTest.JetonAsync(client, pageDuJeton);
        using var contenu = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        foreach (var (champ, nom, octets) in fichiers)
        {
            var fichier = new ByteArrayContent(octets);
            fichier.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            contenu.Add(fichier, champ, nom);
        }

        return await client.PostAsync(action, contenu);
    }

    private sealed record Apercu(string Html, string? Depot, string? Empreinte);

    private static async Task<Apercu> ApercuAsync(HttpResponseMessage reponse)
    {
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{reponse.StatusCode}: {html}");
        var depot = FormulaireConfirmation().Match(html);
        var empreinte = Empreinte().Match(html);
        return new Apercu(WebUtility.HtmlDecode(html), depot.Success ? depot.Groups[1].Value : null, empreinte.Success ? WebUtility.HtmlDecode(empreinte.Groups[1].Value) : null);
    }

    /// <summary>Confirms a preview, follows the redirect to the report and returns the report page.</summary>
    private static async Task<string> ConfirmerAsync(HttpClient client, Apercu apercu, int? annee = null)
    {
        Assert.NotNull(apercu.Depot);
        var champs = new List<KeyValuePair<string, string>> { new("empreinte", apercu.Empreinte!) };
        if (annee is { } a)
        {
            champs.Add(new("annee", a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var reponse = await ApplicationDeTest.PosterAsync(client, "/imports", $"/imports/{apercu.Depot}/confirmer", champs);
        Assert.True(reponse.StatusCode == HttpStatusCode.Redirect, $"{reponse.StatusCode}: {await reponse.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/imports/rapport/", reponse.Headers.Location!.OriginalString);
        return WebUtility.HtmlDecode(await client.GetStringAsync(reponse.Headers.Location));
    }

    [GeneratedRegex("action=\"/imports/([0-9a-f]{32})/confirmer\"")]
    private static partial Regex FormulaireConfirmation();

    [GeneratedRegex("name=\"empreinte\" value=\"([^\"]*)\"")]
    private static partial Regex Empreinte();

    /// <summary>The app over a fresh database: school A (0999999Z, year 2025-2026 like the samples, class 6B) and school B.</summary>
    private sealed class BancWeb : IAsyncDisposable
    {
        private BancWeb(ApplicationDeTest app) => App = app;

        public ApplicationDeTest App { get; }

        public int EtablissementA { get; private set; }

        public static async Task<BancWeb> CreerAsync(FournisseurBase fournisseur = FournisseurBase.Sqlite, Dictionary<string, string?>? reglages = null)
        {
            var banc = new BancWeb(await ApplicationDeTest.CreerAsync(fournisseur, reglages));
            int idB;
            await using (var scope = banc.App.Portee())
            {
                var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
                var a = new Etablissement(Echantillons.Uai, "Collège A");
                a.DefinirAnneeScolaire(2025);
                var b = new Etablissement(UaiB, "École B");
                db.Etablissements.AddRange(a, b);
                db.Classes.Add(new Classe(a, "6B"));
                await db.SaveChangesAsync();
                (banc.EtablissementA, idB) = (a.Id, b.Id);
            }

            await banc.App.CreerAsync(Secretaire, RoleConsole.Secretaire, banc.EtablissementA);
            await banc.App.CreerAsync(Directrice, RoleConsole.Directeur, banc.EtablissementA);
            await banc.App.CreerAsync(Enseignant, RoleConsole.Enseignant, banc.EtablissementA);
            await banc.App.CreerAsync(DirecteurB, RoleConsole.Directeur, idB);
            return banc;
        }

        public async Task<T> LireAsync<T>(Func<CredentialsDbContext, Task<T>> lecture)
        {
            await using var scope = App.Portee();
            return await lecture(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
        }

        public Task<int> CompterAsync<T>()
            where T : class => LireAsync(db => db.Set<T>().CountAsync());

        /// <summary>The upload folders still on disk.</summary>
        public string[] Depots()
        {
            var dossier = Path.Combine(App.DossierDonnees, "imports");
            return Directory.Exists(dossier) ? Directory.GetDirectories(dossier) : [];
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
