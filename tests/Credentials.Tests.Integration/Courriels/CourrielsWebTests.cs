using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Courriels;

/// <summary>
/// The e-mail half of the console through real HTTP: notify by e-mail and print the others, « Envoyer aux
/// familles », the Envois tab. The dispatcher is off: what the console queued stays in the outbox to be read.
/// </summary>
public sealed partial class CourrielsWebTests : IAsyncLifetime
{
    private const string Directrice = "directrice@galois.test";
    private const string Secretaire = "secretaire@galois.test";
    private const string Enseignant = "prof-6a@galois.test";
    private const string DirecteurB = "directeur@college-b.test";

    private ApplicationDeTest app = null!;
    private EcoleDeTest ecole = null!;

    public Task InitializeAsync() => DemarrerAsync(FournisseurBase.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task DemarrerAsync(FournisseurBase fournisseur, bool expedier = false)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        app = await ApplicationDeTest.CreerAsync(fournisseur, new() { ["Mail:DispatcherEnabled"] = expedier ? "true" : "false" });
        await using (var scope = app.Portee())
        {
            ecole = await EcoleDeTest.CreerAsync(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
        }

        var autre = await app.CreerEtablissementAsync("0888888Y", 20, graine: 7);
        await app.CreerAsync(Directrice, RoleConsole.Directeur, ecole.Etablissement.Id);
        await app.CreerAsync(Secretaire, RoleConsole.Secretaire, ecole.Etablissement.Id);
        await app.CreerAsync(Enseignant, RoleConsole.Enseignant, ecole.Etablissement.Id, "6A");
        await app.CreerAsync(DirecteurB, RoleConsole.Directeur, autre.Etablissement.Id);
    }

    private long Id(string racine) => ecole[racine].Id;

    private string Identifiant(string racine) => ecole[racine].Identifiant;

    private async Task<T> LireAsync<T>(Func<CredentialsDbContext, Task<T>> lecture)
    {
        await using var scope = app.Portee();
        return await lecture(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
    }

    private Task<List<MessageSortant>> MessagesAsync() =>
        LireAsync(db => db.Set<MessageSortant>().AsNoTracking().Include(m => m.Comptes).OrderBy(m => m.Id).ToListAsync());

    private static KeyValuePair<string, string> Champ(string cle, object valeur) => new(cle, valeur.ToString()!);

    /// <summary>A page as a person reads it (entities such as &amp;#x27; decoded).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static Task<string> SuivreAsync(HttpClient client, HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return PageAsync(client, reponse.Headers.Location!.OriginalString);
    }

    private static async Task<byte[]> PdfAsync(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        return await reponse.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The hidden fields of the form that posts to <paramref name="action"/> (token aside), on a decoded page.</summary>
    private static List<KeyValuePair<string, string>> Formulaire(string html, string action)
    {
        var formulaire = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(formulaire.Success, $"No form posting to {action}");
        return ChampRegex().Matches(formulaire.Groups[1].Value)
            .Select(m => Champ(m.Groups[1].Value, m.Groups[2].Value))
            .Where(c => c.Key != "__RequestVerificationToken")
            .ToList();
    }

    private async Task<(HttpClient Client, long Campagne)> NotifierLa6AParCourrielAsync(string utilisateur = Directrice)
    {
        var client = await app.ConnecterAsync(utilisateur);
        var reponse = await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/courriel/notifier", [Champ("classes", "6A"), Champ("tous", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var campagne = Regex.Match(reponse.Headers.Location!.OriginalString, "campagne=([0-9]+)");
        Assert.True(campagne.Success, reponse.Headers.Location.OriginalString);
        return (client, long.Parse(campagne.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Notifier_une_classe_par_courriel_met_en_file_un_courriel_par_eleve_ayant_une_adresse_et_imprime_les_autres_en_un_pdf()
    {
        var client = await app.ConnecterAsync(Directrice);
        var confirmation = await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/preparer", [Champ("classes", "6A"), Champ("tous", "true"), Champ("operation", "notifier")]);
        Assert.Contains("formaction=\"/eleves/courriel/notifier\"", await confirmation.Content.ReadAsStringAsync());

        var reponse = await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/courriel/notifier", [Champ("classes", "6A"), Champ("tous", "true")]);
        var page = await SuivreAsync(client, reponse);

        var messages = await MessagesAsync();
        Assert.Equal(
            [(Id("awa.ndiaye"), "awa.ndiaye@eleves.test"), (Id("tom.rousseau"), "tom.rousseau@eleves.test")],
            messages.Select(m => (m.CompteId!.Value, m.Destinataire)).Order());
        Assert.All(messages, m => Assert.Equal(StatutMessage.EnAttente, m.Statut));
        Assert.Contains("2 courriels mis en file", page);
        Assert.Contains("Élèves sans adresse électronique (3)", page);
        Assert.Contains("Inès BERGER", page);
        Assert.Contains("Léa MARTIN", page);
        Assert.Contains("Zoé LEFÈVRE", page);

        // The paper route: exactly the accounts without an address, in one PDF (Inès is blocked, so left out).
        var papier = Formulaire(page, "/eleves/notifier");
        Assert.Equal(new[] { Id("ines.berger"), Id("lea.martin"), Id("zoe.lefevre") }.Order(), papier.Where(c => c.Key == "ids").Select(c => long.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Contains(Champ("modele", "Detaillee"), papier);
        Assert.DoesNotContain(papier, c => c.Key == "reinitialiser");
        var pdf = await PdfAsync(await ApplicationDeTest.PosterDocumentAsync(client, reponse.Headers.Location!.OriginalString, "/eleves/notifier", papier));
        var texte = await Poppler.TexteAsync(pdf);
        Assert.Equal(2, await Poppler.PagesAsync(pdf));
        Assert.Contains(Identifiant("lea.martin"), texte);
        Assert.Contains(Identifiant("zoe.lefevre"), texte);
        Assert.DoesNotContain(Identifiant("awa.ndiaye"), texte);
        Assert.DoesNotContain(Identifiant("tom.rousseau"), texte);
        Assert.Equal(EtatCompte.NotifieNonActive, await LireAsync(db => db.Comptes.Where(c => c.Id == Id("zoe.lefevre")).Select(c => c.Etat).SingleAsync()));
    }

    [Fact]
    public async Task Les_courriers_des_comptes_sans_adresse_d_une_ecole_entiere_tiennent_en_un_formulaire()
    {
        // Pupils rarely have an address: after notifying a whole school by e-mail, the paper form carries
        // thousands of ids, beyond the default limit of 1,024 form values.
        var client = await app.ConnecterAsync(Directrice);
        var ids = Enumerable.Range(1, 2_500).Select(i => Champ("ids", 1_000_000 + i)).Append(Champ("ids", Id("lea.martin")));
        var pdf = await PdfAsync(await ApplicationDeTest.PosterDocumentAsync(client, "/eleves", "/eleves/notifier", ids.Append(Champ("modele", "Detaillee"))));
        Assert.Equal(1, await Poppler.PagesAsync(pdf));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Envoyer_aux_familles_met_en_file_un_courriel_par_responsable_joignable_et_imprime_les_autres_familles_ensemble(FournisseurBase fournisseur)
    {
        await DemarrerAsync(fournisseur);
        var client = await app.ConnecterAsync(Secretaire);
        Assert.Contains("formaction=\"/eleves/familles\"", await client.GetStringAsync("/eleves"));
        KeyValuePair<string, string>[] selection = [Champ("classes", "6A"), Champ("classes", "6B"), Champ("tous", "true")];

        var confirmation = WebUtility.HtmlDecode(await (await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/familles", selection)).Content.ReadAsStringAsync());
        Assert.Contains("6 élèves", confirmation);
        Assert.Contains("3 responsables ont une adresse électronique valable", confirmation);
        Assert.Contains("3 responsables n'ont pas d'adresse valable", confirmation);
        Assert.Contains("1 élève n'a aucun responsable rattaché", confirmation);
        Assert.Empty(await MessagesAsync());

        var envoi = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/familles/envoyer", Formulaire(confirmation, "/eleves/familles/envoyer"));
        var bilan = await SuivreAsync(client, envoi);
        Assert.Contains("3 courriels mis en file", bilan);
        Assert.Contains("2 familles sans adresse électronique", bilan);
        Assert.Contains("Tom ROUSSEAU", bilan);

        var messages = (await MessagesAsync()).ToDictionary(m => m.CompteId!.Value);
        Assert.Equal([Id("claire.lefevre"), Id("fatou.ndiaye"), Id("julie.berger")], messages.Keys.Order());
        Assert.Equal(["claire.lefevre@famille.test", "fatou.ndiaye@famille.test", "julie.berger@famille.test"], messages.Values.Select(m => m.Destinataire).Order());
        Assert.Equal([Id("claire.lefevre"), Id("hugo.lefevre"), Id("zoe.lefevre")], BoiteEnvoi.LirePiecesJointes(messages[Id("claire.lefevre")].PiecesJointes).Select(p => p.CompteId));
        Assert.Equal([Id("fatou.ndiaye"), Id("awa.ndiaye")], BoiteEnvoi.LirePiecesJointes(messages[Id("fatou.ndiaye")].PiecesJointes).Select(p => p.CompteId));
        Assert.Equal([Id("julie.berger")], BoiteEnvoi.LirePiecesJointes(messages[Id("julie.berger")].PiecesJointes).Select(p => p.CompteId));

        // « Courriers des familles sans adresse »: one PDF, family by family, responsables then children,
        // with the passwords given by the sending (re-printing does not reset them).
        var motsDePasse = await MotsDePasseAsync();
        var pdf = await PdfAsync(await ApplicationDeTest.PosterAsync(client, envoi.Headers.Location!.OriginalString, "/eleves/familles/courriers", Formulaire(bilan, "/eleves/familles/courriers")));
        var texte = await Poppler.TexteAsync(pdf);
        string[] ordre = ["marc.lefevre", "hugo.lefevre", "zoe.lefevre", "anne.martin", "paul.martin", "lea.martin"];
        Assert.Equal(ordre.Length, await Poppler.PagesAsync(pdf));
        var positions = ordre.Select(r => texte.IndexOf(Identifiant(r), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(motsDePasse, await MotsDePasseAsync());
        Assert.All(ordre, r => Assert.Contains(FormatSecret.PourAffichage(motsDePasse[Id(r)]), texte));
        Assert.DoesNotContain(Identifiant("claire.lefevre"), texte);
    }

    [Fact]
    public async Task Les_courriels_aux_familles_partent_du_web_avec_les_fiches_en_pdf()
    {
        await DemarrerAsync(FournisseurBase.Sqlite, expedier: true);
        var client = await app.ConnecterAsync(Directrice);
        var envoi = await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/familles/envoyer", [Champ("classes", "6A"), Champ("tous", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);

        var dossier = Path.Combine(app.DossierDonnees, "mail-pickup");
        await BancCourriels.AttendreAsync(async () => (await MessagesAsync()).Count(m => m.Statut == StatutMessage.Envoye) == 3);
        var claire = Assert.Single(await ServeurSmtpDeTest.LireAsync(dossier), c => c.A.Contains("claire.lefevre@famille.test", StringComparison.Ordinal));
        Assert.Equal(["Fiche de connexion responsable – Claire LEFÈVRE.pdf", "Fiche de connexion élève – Zoé LEFÈVRE.pdf"], claire.PiecesJointes.Select(p => p.Nom));
        Assert.All(claire.PiecesJointes, p => Assert.Equal("application/pdf", p.Type));
        var motsDePasse = await MotsDePasseAsync();
        var fiche = await Poppler.TexteAsync(await File.ReadAllBytesAsync(claire.PiecesJointes[1].Chemin));
        Assert.Contains(Identifiant("zoe.lefevre"), fiche);
        Assert.Contains(FormatSecret.PourAffichage(motsDePasse[Id("zoe.lefevre")]), fiche);
    }

    [Fact]
    public async Task Un_enseignant_ne_peut_pas_envoyer_aux_familles()
    {
        var client = await app.ConnecterAsync(Enseignant);
        Assert.DoesNotContain("/eleves/familles", await client.GetStringAsync("/eleves"));
        KeyValuePair<string, string>[] selection = [Champ("classes", "6A"), Champ("tous", "true")];

        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/familles", selection)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(client, "/eleves", "/eleves/familles/envoyer", selection)).StatusCode);
        Assert.Empty(await MessagesAsync());
        Assert.Equal(EtatCompte.NonNotifie, await LireAsync(db => db.Comptes.Where(c => c.Id == Id("claire.lefevre")).Select(c => c.Etat).SingleAsync()));
    }

    [Fact]
    public async Task Les_courriers_des_familles_d_un_envoi_ne_se_reimpriment_que_par_son_auteur()
    {
        var directrice = await app.ConnecterAsync(Directrice);
        var envoi = await ApplicationDeTest.PosterAsync(directrice, "/eleves", "/eleves/familles/envoyer", [Champ("classes", "6A"), Champ("tous", "true")]);
        var bilan = await SuivreAsync(directrice, envoi);

        var secretaire = await app.ConnecterAsync(Secretaire);
        var reponse = await ApplicationDeTest.PosterAsync(secretaire, "/eleves", "/eleves/familles/courriers", Formulaire(bilan, "/eleves/familles/courriers"));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("Aucun courrier de famille à imprimer", await PageAsync(secretaire, reponse.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task La_page_Envois_montre_la_campagne_son_avancement_et_ses_courriels()
    {
        var (client, campagne) = await NotifierLa6AParCourrielAsync();
        await using (var scope = app.Portee())
        {
            var tom = Id("tom.rousseau");
            await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<MessageSortant>().Where(m => m.CompteId == tom)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.EnEchec).SetProperty(m => m.Tentatives, 2).SetProperty(m => m.DerniereErreur, "450 4.2.1 Mailbox busy, try later"));
        }

        var liste = await PageAsync(client, "/envois");
        Assert.Contains($"href=\"/envois/{campagne}\">Notification de 2 élèves (6A)</a>", liste);
        Assert.Contains(Directrice, liste);

        var page = await PageAsync(client, $"/envois/{campagne}");
        Assert.Contains("<progress", page);
        Assert.Matches("role=\"status\"[^>]*>0 / 2 courriels envoyés — 1 en attente, 1 en échec", page);
        Assert.Contains($"data-progression=\"/envois/{campagne}/progression\"", page);
        Assert.Contains("/js/envois.js", page);
        Assert.Contains("450 4.2.1 Mailbox busy, try later", page);
        Assert.Contains("En échec, nouvel essai prévu", page);
        Assert.Contains("tom.rousseau@eleves.test", page);
        Assert.Contains("Relancer les échecs (1)", page);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/envois/{campagne}/progression"));
        Assert.Equal((0, 2, 1, false), (json.RootElement.GetProperty("envoyes").GetInt32(), json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("enEchec").GetInt32(), json.RootElement.GetProperty("terminee").GetBoolean()));
        Assert.StartsWith("0 / 2 courriels envoyés", json.RootElement.GetProperty("texte").GetString());

        var fiche = await PageAsync(client, $"/eleves/{Id("tom.rousseau")}");
        Assert.Contains("tom.rousseau@eleves.test", fiche);
        Assert.Contains("450 4.2.1 Mailbox busy, try later", fiche);

        var relance = await ApplicationDeTest.PosterAsync(client, $"/envois/{campagne}", $"/envois/{campagne}/relancer", []);
        Assert.Contains("1 courriel remis en file", await SuivreAsync(client, relance));
        Assert.All(await MessagesAsync(), m => Assert.Equal(StatutMessage.EnAttente, m.Statut));
    }

    [Fact]
    public async Task Un_enseignant_suit_ses_propres_envois_sans_pouvoir_relancer()
    {
        var (_, campagneDirectrice) = await NotifierLa6AParCourrielAsync();
        var (professeur, sienne) = await NotifierLa6AParCourrielAsync(Enseignant);

        var liste = await PageAsync(professeur, "/envois");
        Assert.Contains($"/envois/{sienne}\"", liste);
        Assert.DoesNotContain($"/envois/{campagneDirectrice}\"", liste);
        Assert.Equal(HttpStatusCode.NotFound, (await professeur.GetAsync($"/envois/{campagneDirectrice}")).StatusCode);
        Assert.DoesNotContain("Relancer les échecs", await PageAsync(professeur, $"/envois/{sienne}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplicationDeTest.PosterAsync(professeur, "/envois", $"/envois/{sienne}/relancer", [])).StatusCode);
    }

    [Fact]
    public async Task Un_utilisateur_d_un_autre_etablissement_ne_voit_pas_les_envois_de_l_etablissement_A()
    {
        var (_, campagne) = await NotifierLa6AParCourrielAsync();
        await using (var scope = app.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Set<MessageSortant>()
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Statut, StatutMessage.Abandonne));
        }

        var client = await app.ConnecterAsync(DirecteurB);
        Assert.DoesNotContain("Notification de 2 élèves", await PageAsync(client, "/envois"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/envois/{campagne}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/envois/{campagne}/progression")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplicationDeTest.PosterAsync(client, "/envois", $"/envois/{campagne}/relancer", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/eleves/courriel?tous=true&campagne={campagne}")).StatusCode);
        Assert.All(await MessagesAsync(), m => Assert.Equal(StatutMessage.Abandonne, m.Statut));
    }

    private async Task<Dictionary<long, string>> MotsDePasseAsync()
    {
        var coffre = app.Services.GetRequiredService<ICoffreSecrets>();
        var comptes = await LireAsync(db => db.Comptes.AsNoTracking().Where(c => c.EtablissementId == ecole.Etablissement.Id && c.MotDePasseProvisoireChiffre != null).ToListAsync());
        return comptes.ToDictionary(c => c.Id, c => coffre.Dechiffrer(c.MotDePasseProvisoireChiffre!));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex ChampRegex();
}
