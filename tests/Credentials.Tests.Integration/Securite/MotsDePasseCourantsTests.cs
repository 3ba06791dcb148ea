using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Credentials.Tests.Securite.SceneConsole;

namespace Credentials.Tests.Securite;

/// <summary>ASVS 6.2.4: the console refuses the common passwords the portal refuses, from a list of thousands.</summary>
public sealed class MotsDePasseCourantsTests
{
    [Theory]
    [InlineData("cowboys")]
    [InlineData("Diamond2024")]
    [InlineData("yankees1")]
    [InlineData("S1lver!!")]
    [InlineData("Mercedes-2026")]
    [InlineData("scooter")]
    [InlineData("Motdepasse2026")]
    [InlineData("Bonjour123")]
    public void Les_mots_de_passe_courants_et_leurs_variantes_habituelles_sont_reconnus(string motDePasse) =>
        Assert.True(PolitiqueMotDePasse.EstCourant(motDePasse));

    [Theory]
    [InlineData("Cheval-Agrafe-Batterie")]
    [InlineData("mot-de-passe-de-test-42")]
    public void Une_phrase_de_passe_n_est_pas_courante(string motDePasse) =>
        Assert.False(PolitiqueMotDePasse.EstCourant(motDePasse));

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Mon_mot_de_passe_refuse_un_mot_de_passe_courant_et_garde_l_ancien(FournisseurBase fournisseur)
    {
        await using var scene = await CreerAsync(fournisseur);
        var client = await scene.App.ConnecterAsync(Secretaire);
        const string courant = "Mercedes2026!";
        var reponse = await ApplicationDeTest.PosterAsync(client, "/compte/mot-de-passe", "/compte/mot-de-passe",
            [new("Actuel", UtilisateursDeTest.MotDePasse), new("Nouveau", courant), new("Confirmation", courant)]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Ce mot de passe est trop courant", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await scene.EssayerAsync(Secretaire, courant)).Reponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await scene.EssayerAsync(Secretaire, UtilisateursDeTest.MotDePasse)).Reponse.StatusCode);
    }

    [Fact]
    public async Task La_creation_et_la_reinitialisation_refusent_un_mot_de_passe_courant()
    {
        await using var scene = await CreerAsync(FournisseurBase.Sqlite);
        await using var scope = scene.App.Portee();
        var utilisateurs = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();

        var creation = await utilisateurs.CreateAsync(new Utilisateur { UserName = "nouveau@college-a.test", Email = "nouveau@college-a.test" }, "scooter12345");
        Assert.Equal(MotDePasseCourantRefuse.Code, Assert.Single(creation.Errors).Code);
        Assert.Null(await utilisateurs.FindByEmailAsync("nouveau@college-a.test"));

        var secretaire = (await utilisateurs.FindByEmailAsync(Secretaire))!;
        var reinitialisation = await utilisateurs.ResetPasswordAsync(secretaire, await utilisateurs.GeneratePasswordResetTokenAsync(secretaire), "Winter2025!!");
        Assert.Equal(MotDePasseCourantRefuse.Code, Assert.Single(reinitialisation.Errors).Code);
        Assert.True(await utilisateurs.CheckPasswordAsync(secretaire, UtilisateursDeTest.MotDePasse));
    }
}
