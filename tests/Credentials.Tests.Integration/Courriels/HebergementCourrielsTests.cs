using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Credentials.Tests.Courriels;

public class HebergementCourrielsTests
{
    [Fact]
    public async Task L_application_web_expedie_les_courriels_en_arriere_plan_par_defaut_dans_le_dossier_pickup()
    {
        await using var app = await ApplicationDeTest.CreerAsync();
        Assert.Single(app.Services.GetServices<IHostedService>().OfType<ExpeditionCourriels>());
        var demo = await app.CreerEtablissementAsync(eleves: 30);

        BilanCourriels bilan;
        await using (var scope = app.Portee())
        {
            bilan = await scope.ServiceProvider.GetRequiredService<ServiceCourriels>()
                .NotifierAsync(Portee.Cli(demo.Etablissement.Id), new CriteresComptes { Profil = Profil.Responsable }, false);
        }

        Assert.True(bilan.Courriels > 0 && bilan.SansAdresse.Count > 0, $"The demo school should have responsables with and without an address ({bilan.Courriels}, {bilan.SansAdresse.Count}).");
        var dossier = Path.Combine(app.DossierDonnees, "mail-pickup");
        await BancCourriels.AttendreAsync(() => Task.FromResult(Directory.Exists(dossier) && Directory.GetFiles(dossier, "*.eml").Length >= bilan.Courriels));
        var recus = await ServeurSmtpDeTest.LireAsync(dossier);
        Assert.Equal(bilan.Courriels, recus.Count);
        Assert.All(recus, r => Assert.Contains("Collège Jean Moulin", r.Sujet));
        Assert.All(recus, r => Assert.Contains("http://localhost/portail", r.Texte));
    }
}
