using System.Net;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Portail;

public class RenouvellementTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_code_de_renouvellement_sert_une_seule_fois(FournisseurBase fournisseur)
    {
        await using var scene = await ScenePortail.ActiveAsync(fournisseur);
        var (app, remis, client) = scene;
        var code = await CodeRenouvellementAsync(app, scene.EtablissementId, remis.Id);

        var premier = await RenouvelerAsync(client, remis.Identifiant, CommeTape(code), AutreMotDePasse);

        Assert.Equal(HttpStatusCode.Redirect, premier.StatusCode);
        Assert.Equal($"/portail/connexion?identifiant={remis.Identifiant}", premier.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, AutreMotDePasse)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, MotDePasseChoisi)).StatusCode);
        Assert.Contains(await JournalAsync(app, remis.Id), e => e.Action == ActionJournal.RenouvellementMotDePasse && e.Auteur == ServicePortail.Auteur);

        var second = await RenouvelerAsync(client, remis.Identifiant, code, "Encore-Un-Autre-9");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(MessagesPortail.RenouvellementRefuse, await ErreursAsync(second));
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, AutreMotDePasse)).StatusCode);
    }

    [Fact]
    public async Task Un_code_de_renouvellement_expire_est_refuse_et_la_raison_n_est_dite_qu_avec_le_bon_code()
    {
        var horloge = new HorlogeDeTest(DateTimeOffset.UtcNow);
        await using var scene = await ScenePortail.ActiveAsync(horloge: horloge);
        var (app, remis, client) = scene;
        var code = await CodeRenouvellementAsync(app, scene.EtablissementId, remis.Id);
        horloge.Avancer(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var juste = await RenouvelerAsync(client, remis.Identifiant, code, AutreMotDePasse);
        var faux = await RenouvelerAsync(client, remis.Identifiant, "ZZZZZ ZZZZZ", AutreMotDePasse);

        Assert.Contains(MessagesPortail.CodeExpire, await ErreursAsync(juste));
        Assert.Contains(MessagesPortail.RenouvellementRefuse, await ErreursAsync(faux));
        Assert.Equal(HttpStatusCode.Redirect, (await ConnecterAsync(app.NouveauClient(), remis.Identifiant, MotDePasseChoisi)).StatusCode);
    }

    [Fact]
    public async Task Le_nom_du_titulaire_n_est_verifie_dans_le_nouveau_mot_de_passe_qu_une_fois_le_code_reconnu()
    {
        await using var scene = await ScenePortail.ActiveAsync();
        var (app, remis, client) = scene;
        var code = await CodeRenouvellementAsync(app, scene.EtablissementId, remis.Id);
        await using (var scope = app.Portee())
        {
            // A name the identifier does not contain (married name, correction): only the holder may learn it is checked.
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var compte = await db.Comptes.SingleAsync(c => c.Id == remis.Id);
            compte.ModifierIdentite("KERGUELEN", compte.Prenom, compte.DateNaissance);
            await db.SaveChangesAsync();
        }

        var avecLeNom = "Kerguelen-Pluie-42";

        var codeFaux = await RenouvelerAsync(client, remis.Identifiant, "ZZZZZ ZZZZZ", avecLeNom);
        var codeJuste = await RenouvelerAsync(client, remis.Identifiant, code, avecLeNom);

        Assert.Equal(MessagesPortail.RenouvellementRefuse, (await ErreursAsync(codeFaux)).Split(" à corriger ")[1]);
        Assert.Contains("ni votre nom, ni votre prénom", await ErreursAsync(codeJuste));
        Assert.Equal(HttpStatusCode.Redirect, (await RenouvelerAsync(client, remis.Identifiant, code, AutreMotDePasse)).StatusCode);
    }
}
