using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Infrastructure;

/// <summary>Console users for tests, created through the real Identity store, and signed in through the real sign-in page.</summary>
public static class UtilisateursDeTest
{
    public const string MotDePasse = "mot-de-passe-de-test-42";

    public static async Task CreerAsync(this ApplicationDeTest app, string courriel, RoleConsole role, int etablissementId, params string[] classes)
    {
        await using var scope = app.Portee();
        var utilisateurs = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var utilisateur = await utilisateurs.FindByEmailAsync(courriel);
        if (utilisateur is null)
        {
            utilisateur = new Utilisateur { UserName = courriel, Email = courriel, NomAffiche = courriel.Split('@')[0], EmailConfirmed = true };
            var creation = await utilisateurs.CreateAsync(utilisateur, MotDePasse);
            Assert.True(creation.Succeeded, string.Join(", ", creation.Errors.Select(e => e.Description)));
        }

        var affectation = new Affectation(utilisateur.Id, etablissementId, role);
        var ids = await db.Classes.Where(c => c.EtablissementId == etablissementId && classes.Contains(c.Code)).Select(c => c.Id).ToListAsync();
        Assert.Equal(classes.Length, ids.Count);
        affectation.Classes.AddRange(ids.Select(id => new AffectationClasse(id)));
        db.Affectations.Add(affectation);
        await db.SaveChangesAsync();
    }

    /// <summary>A cookie-keeping client signed in through POST /compte/connexion.</summary>
    public static async Task<HttpClient> ConnecterAsync(this ApplicationDeTest app, string courriel, string motDePasse = MotDePasse)
    {
        var client = app.NouveauClient();
        var reponse = await ApplicationDeTest.PosterAsync(client, "/compte/connexion", "/compte/connexion", [new("Courriel", courriel), new("MotDePasse", motDePasse)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, reponse.StatusCode);
        return client;
    }
}
