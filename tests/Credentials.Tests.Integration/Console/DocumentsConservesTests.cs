using System.Net;
using System.Text;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credentials.Tests.Console;

/// <summary>
/// « Notifié » means a letter exists: the document is built before the new states are committed, kept encrypted for
/// a few days, and « Télécharger à nouveau » gives the same letters again, journaled as a new disclosure.
/// </summary>
public sealed class DocumentsConservesTests
{
    private const string Directrice = "directrice@college-a.test";
    private const string Enseignant = "prof-6a@college-a.test";
    private const string DirecteurB = "directeur@college-b.test";

    /// <summary>The real renderer, failing after a few letters as a full disk or a bug would.</summary>
    private sealed class RenduQuiEchoue : IRenduFiches
    {
        public async Task EcrireAsync(ModeleFiche modele, EnTeteEtablissement etablissement, IAsyncEnumerable<FicheCompte> fiches, Stream sortie, CancellationToken annulation = default)
        {
            async IAsyncEnumerable<FicheCompte> TroisPuisEchec()
            {
                var n = 0;
                await foreach (var fiche in fiches.WithCancellation(annulation))
                {
                    if (++n > 3)
                    {
                        throw new IOException("No space left on device");
                    }

                    yield return fiche;
                }
            }

            await new FichesConnexionRenderer().EcrireAsync(modele, etablissement, TroisPuisEchec(), sortie, annulation);
        }
    }

    private static async Task<(ApplicationDeTest App, int EtablissementA)> SceneAsync(FournisseurBase fournisseur, Dictionary<string, string?>? reglages = null, Action<IServiceCollection>? services = null)
    {
        var app = await ApplicationDeTest.CreerAsync(fournisseur, reglages, services);
        var a = (await app.CreerEtablissementAsync("0999999Z", 80)).Etablissement.Id;
        var b = (await app.CreerEtablissementAsync("0888888Y", 10, graine: 7)).Etablissement.Id;
        await app.CreerAsync(Directrice, RoleConsole.Directeur, a);
        await app.CreerAsync(Enseignant, RoleConsole.Enseignant, a, "6A");
        await app.CreerAsync(DirecteurB, RoleConsole.Directeur, b);
        return (app, a);
    }

    private static async Task<T> LireAsync<T>(ApplicationDeTest app, Func<CredentialsDbContext, Task<T>> lecture)
    {
        await using var scope = app.Portee();
        return await lecture(scope.ServiceProvider.GetRequiredService<CredentialsDbContext>());
    }

    private static Task<List<Compte>> Eleves6AAsync(ApplicationDeTest app, int etablissement) =>
        LireAsync(app, db => db.Comptes.Where(c => c.EtablissementId == etablissement && c.Profil == Profil.Eleve && c.Classe!.Code == "6A").OrderBy(c => c.Id).ToListAsync());

    private static readonly KeyValuePair<string, string>[] Classe6A = [new("classes", "6A"), new("tous", "true"), new("modele", "Detaillee")];

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_rendu_qui_echoue_ne_change_aucun_compte_ni_le_journal(FournisseurBase fournisseur)
    {
        var (app, a) = await SceneAsync(fournisseur, services: s => s.Replace(ServiceDescriptor.Singleton<IRenduFiches, RenduQuiEchoue>()));
        await using var _ = app;
        var avant = await Eleves6AAsync(app, a);
        var journal = await LireAsync(app, db => db.Evenements.CountAsync());
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/notifier", Classe6A);

        Assert.Equal(HttpStatusCode.InternalServerError, reponse.StatusCode);
        Assert.Contains("Rien n'a été modifié", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        var apres = await Eleves6AAsync(app, a);
        Assert.Equal(avant.Select(c => (c.Id, c.Etat, c.Version, c.MotDePasseProvisoireChiffre)), apres.Select(c => (c.Id, c.Etat, c.Version, c.MotDePasseProvisoireChiffre)));
        Assert.Equal(journal, await LireAsync(app, db => db.Evenements.CountAsync()));
        Assert.Equal(0, await LireAsync(app, db => db.DocumentsConserves.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_telechargement_interrompu_se_refait_avec_les_memes_mots_de_passe_et_se_journalise(FournisseurBase fournisseur)
    {
        var (app, a) = await SceneAsync(fournisseur);
        await using var _ = app;
        var client = await app.ConnecterAsync(Directrice);
        var notification = await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/notifier", Classe6A);
        Assert.Equal(HttpStatusCode.Redirect, notification.StatusCode);
        var resultat = notification.Headers.Location!.OriginalString;
        Assert.StartsWith("/documents/", resultat);

        // The result page says what changed and starts the download; the download is cut after a few bytes.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(resultat));
        var notifies = (await Eleves6AAsync(app, a)).Where(c => !c.Bloque).ToList();
        Assert.Contains($"{notifies.Count} comptes notifiés", page);
        Assert.Contains("data-telechargement-auto=\"true\"", page);
        Assert.Contains("href=\"/eleves?classes=6A", page);
        var jeton = await ApplicationDeTest.JetonAsync(client, resultat);
        using (var coupe = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, resultat + "/telecharger") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", jeton)]) },
            HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, coupe.StatusCode);
            await using var flux = await coupe.Content.ReadAsStreamAsync();
            await flux.ReadExactlyAsync(new byte[512]);
        }

        // The page now offers « Télécharger à nouveau »: the same letters, with the same provisional passwords.
        page = WebUtility.HtmlDecode(await client.GetStringAsync(resultat));
        Assert.Contains("Télécharger à nouveau", page);
        Assert.DoesNotContain("data-telechargement-auto=\"true\"", page);
        var encore = await ApplicationDeTest.PosterAsync(client, resultat, resultat + "/telecharger", []);
        Assert.Equal("application/pdf", encore.Content.Headers.ContentType?.MediaType);
        var texte = await Poppler.TexteAsync(await encore.Content.ReadAsByteArrayAsync());
        await using (var scope = app.Portee())
        {
            var coffre = scope.ServiceProvider.GetRequiredService<ICoffreSecrets>();
            Assert.All(notifies.Where(c => c.Etat == EtatCompte.NotifieNonActive), c =>
                Assert.Contains(FormatSecret.PourAffichage(coffre.Dechiffrer(c.MotDePasseProvisoireChiffre!)), texte));
        }

        // A new disclosure of the same accounts, by its author; the stored file is not readable as such.
        var entrees = await LireAsync(app, db => db.Evenements.OrderBy(e => e.Id).ToListAsync());
        var origine = entrees.Single(e => e.Action == ActionJournal.Notification);
        var nouveau = entrees.Single(e => e.Action == ActionJournal.NouveauTelechargement);
        Assert.Equal(origine.NombreComptes, nouveau.NombreComptes);
        Assert.Equal(Directrice, nouveau.Auteur);
        var stocke = await LireAsync(app, db => db.DocumentsConserves.SingleAsync());
        Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(stocke.ContenuChiffre));

        // The Journal links the notification to its document.
        var journal = await client.GetStringAsync("/journal");
        Assert.Contains($"href=\"{resultat}\"", journal);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_document_n_est_rendu_qu_a_son_etablissement_et_pour_un_enseignant_a_son_auteur(FournisseurBase fournisseur)
    {
        var (app, _) = await SceneAsync(fournisseur);
        await using var __ = app;
        var directrice = await app.ConnecterAsync(Directrice);
        var resultat = (await ApplicationDeTest.PosterAsync(directrice, "/eleves?classes=6A", "/eleves/notifier", Classe6A)).Headers.Location!.OriginalString;

        var autreEcole = await app.ConnecterAsync(DirecteurB);
        Assert.Equal(HttpStatusCode.NotFound, (await autreEcole.GetAsync(resultat)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplicationDeTest.PosterAsync(autreEcole, "/eleves", resultat + "/telecharger", [])).StatusCode);
        var enseignant = await app.ConnecterAsync(Enseignant);
        Assert.Equal(HttpStatusCode.NotFound, (await enseignant.GetAsync(resultat)).StatusCode);
        Assert.Equal(0, await LireAsync(app, db => db.Evenements.CountAsync(e => e.Action == ActionJournal.NouveauTelechargement)));
    }

    [Fact]
    public async Task Un_document_expire_n_est_plus_rendu_et_la_purge_l_efface()
    {
        var (app, _) = await SceneAsync(FournisseurBase.Sqlite, new() { ["Documents:DureeConservation"] = "00:00:00" });
        await using var __ = app;
        var client = await app.ConnecterAsync(Directrice);
        var resultat = (await ApplicationDeTest.PosterAsync(client, "/eleves?classes=6A", "/eleves/lister", [new("classes", "6A"), new("tous", "true"), new("format", "pdf")])).Headers.Location!.OriginalString;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(resultat));
        Assert.Contains("Ce document n'est plus conservé", page);
        var refus = await ApplicationDeTest.PosterAsync(client, resultat, resultat + "/telecharger", []);
        Assert.Equal(HttpStatusCode.Redirect, refus.StatusCode);
        Assert.Contains("Ce document n'est plus conservé", WebUtility.HtmlDecode(await client.GetStringAsync(refus.Headers.Location!.OriginalString)));

        await using var scope = app.Portee();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DocumentsConserves>().SupprimerExpiresAsync());
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().DocumentsConserves.CountAsync());
    }
}
