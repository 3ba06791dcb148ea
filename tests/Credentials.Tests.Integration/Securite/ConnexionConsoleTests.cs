using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Utilisateurs;
using Credentials.Tests.Infrastructure;
using Credentials.Web.Features.Compte;
using Microsoft.Extensions.Logging;
using static Credentials.Tests.Securite.SceneConsole;

namespace Credentials.Tests.Securite;

/// <summary>
/// The console's sign-in as an attacker tries it: no account enumeration (ASVS 6.3.8), a lockout that cannot be
/// turned into a denial of service (CNIL 2022), and another director who can unlock.
/// </summary>
public sealed class ConnexionConsoleTests
{
    private const string MotDePasse = UtilisateursDeTest.MotDePasse;

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_adresse_inconnue_un_mauvais_mot_de_passe_et_un_compte_en_delai_recoivent_la_meme_page_au_prix_du_meme_calcul(FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);

        async Task<(string Page, int Verifications)> EssaiAsync(string courriel, string motDePasse)
        {
            var avant = scene.Hacheur.Verifications;
            var (reponse, _) = await scene.EssayerAsync(courriel, motDePasse);
            return (await PageRefuseeAsync(reponse, courriel), scene.Hacheur.Verifications - avant);
        }

        var mauvais = await EssaiAsync(Directrice, "pas-le-bon-mot-de-passe");
        var inconnue = await EssaiAsync("personne@college-a.test", "pas-le-bon-mot-de-passe");
        Assert.Contains(CompteController.Refus, mauvais.Page);
        Assert.Equal(mauvais.Page, inconnue.Page);
        Assert.Equal(1, mauvais.Verifications);
        Assert.Equal(1, inconnue.Verifications);

        for (var i = 0; i < 5; i++)
        {
            await scene.EssayerAsync(Directrice, $"faux-{i}");
        }

        // In its delay, the right password meets the same words and the same PBKDF2 cost; nothing says « verrouillé ».
        var enDelai = await EssaiAsync(Directrice, MotDePasse);
        Assert.Equal(mauvais.Page, enDelai.Page);
        Assert.Equal(1, enDelai.Verifications);
        Assert.DoesNotContain("verrouill", enDelai.Page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Cinq_echecs_ne_retiennent_la_directrice_que_trente_secondes(FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);
        for (var i = 0; i < 5; i++)
        {
            await scene.EssayerAsync(Directrice, $"essai-d-un-attaquant-{i}");
        }

        Assert.Equal(HttpStatusCode.OK, (await scene.EssayerAsync(Directrice, MotDePasse)).Reponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await scene.EssayerAsync(Adjoint, MotDePasse)).Reponse.StatusCode);

        scene.Horloge.Avancer(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Redirect, (await scene.EssayerAsync(Directrice, MotDePasse)).Reponse.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Dix_echecs_verrouillent_le_compte_que_l_autre_direction_deverrouille_et_le_journal_dit_qui_et_d_ou(FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);
        var regles = new OptionsConnexionConsole();
        for (var i = 1; i <= regles.EchecsAvantVerrouillage; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await scene.EssayerAsync(Directrice, $"essai-secret-{i}")).Reponse.StatusCode);
            scene.Horloge.Avancer(regles.Compte.Delai(i) + TimeSpan.FromSeconds(1));
        }

        // Locked for an hour: the right password is refused, with the words of any failure.
        var (verrouillee, _) = await scene.EssayerAsync(Directrice, MotDePasse);
        Assert.Contains(CompteController.Refus, await PageRefuseeAsync(verrouillee, Directrice));
        var id = await scene.IdAsync(Directrice);
        var log = Assert.Single(scene.Journal.Lignes, l => l.Message.StartsWith("Console account", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, log.Niveau);
        Assert.Equal(id, log.Proprietes["UtilisateurId"]);
        Assert.True(log.Proprietes.ContainsKey("Adresse"));
        Assert.DoesNotContain(scene.Journal.Lignes, l => l.Message.Contains("essai-secret", StringComparison.Ordinal) || l.Proprietes.Values.Any(v => v?.ToString()?.Contains("essai-secret", StringComparison.Ordinal) == true));

        var adjoint = await scene.App.ConnecterAsync(Adjoint);
        var fiche = $"/parametres/utilisateurs/{id}";
        Assert.Contains("Déverrouiller le compte", await adjoint.GetStringAsync(fiche));
        var deverrouillage = await ApplicationDeTest.PosterAsync(adjoint, fiche, fiche + "/deverrouiller", []);
        Assert.Equal(HttpStatusCode.Redirect, deverrouillage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await scene.EssayerAsync(Directrice, MotDePasse)).Reponse.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Vingt_cinq_echecs_en_24_heures_ferment_le_compte_jusqu_a_la_fin_de_la_fenetre(FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);
        var regles = new OptionsConnexionConsole();
        for (var i = 1; i <= regles.Compte.MaxParFenetre; i++)
        {
            await scene.EssayerAsync(Directrice, $"essai-{i}");

            // Past each delay and each hour-long lockout: only the 24-hour ceiling is left to stop her.
            var attente = regles.Compte.Delai(i) + TimeSpan.FromSeconds(1);
            scene.Horloge.Avancer(i % regles.EchecsAvantVerrouillage == 0 ? attente + regles.DureeVerrouillage : attente);
        }

        Assert.Equal(HttpStatusCode.OK, (await scene.EssayerAsync(Directrice, MotDePasse)).Reponse.StatusCode);
        scene.Horloge.Avancer(TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.Redirect, (await scene.EssayerAsync(Directrice, MotDePasse)).Reponse.StatusCode);
    }
}
