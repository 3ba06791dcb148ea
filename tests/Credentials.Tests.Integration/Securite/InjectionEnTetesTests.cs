using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Parametres;
using Credentials.Tests.Courriels;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Securite;

/// <summary>Header injection: a name with CR/LF or control characters is refused at input; subjects are computed when sent.</summary>
public sealed class InjectionEnTetesTests
{
    [Theory]
    [InlineData("Collège Galois\r\nBcc: tous@exemple.fr", "Nom", "Le nom de l'établissement doit tenir sur une ligne")]
    [InlineData("Collège\tGalois", "Nom", "sans retour à la ligne, tabulation ni autre caractère de contrôle")]
    [InlineData("Collège Galois\u0007", "Nom", "il figure dans l'expéditeur et le sujet des courriels")]
    [InlineData("Orléans\nBcc: x@y.fr", "Ville", "La ville doit tenir sur une ligne")]
    [InlineData("Mme\u2028Durand", "NomChef", "Le nom du chef d'établissement doit tenir sur une ligne")]
    public void Un_retour_a_la_ligne_ou_un_caractere_de_controle_est_refuse_a_la_saisie(string valeur, string champ, string message)
    {
        var saisie = new SaisieParametres(
            champ == "Nom" ? valeur : "Collège Galois", champ == "Ville" ? valeur : "Orléans", champ == "NomChef" ? valeur : null, null, null, null, null);
        var erreur = Assert.Single(ServiceParametres.Verifier(saisie));
        Assert.Equal(champ, erreur.Champ);
        Assert.Contains(message, erreur.Message);
    }

    [Theory]
    [InlineData("secretariat@college")]
    [InlineData("secretariat@-college.fr")]
    [InlineData("Secrétariat <secretariat@college.fr>")]
    [InlineData("secretariat@college.fr\r\nBcc: tous@exemple.fr")]
    public void L_adresse_d_expediteur_doit_etre_une_adresse_simple_avec_un_domaine(string adresse)
    {
        var erreur = Assert.Single(ServiceParametres.Verifier(new SaisieParametres("Collège Galois", null, null, null, adresse, null, null)));
        Assert.Equal(nameof(SaisieParametres.CourrielExpediteur), erreur.Champ);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Le_sujet_et_le_nom_de_l_expediteur_sont_calcules_a_l_envoi_avec_le_nom_du_moment(FournisseurBase fournisseur)
    {
        await using var smtp = await ServeurSmtpDeTest.DemarrerAsync();
        await using var banc = await BancCourriels.CreerAsync(fournisseur, smtp);
        var (ecole, portee) = await ServiceCourrielsTests.EcoleAsync(banc);
        await using (var scope = banc.Portee())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceCourriels>().NotifierAsync(portee, new CriteresComptes { Profil = Profil.Eleve, Classes = ["6A"] }, false);
        }

        // A name stored before this rule (or by another path) with a line break: the queue still sends, on one line.
        await using (var db = banc.Base.Contexte())
        {
            var etablissement = await db.Etablissements.SingleAsync(e => e.Id == ecole.Etablissement.Id);
            etablissement.ModifierReglages("Collège Galois\r\nBcc: tous@exemple.fr", null, null, null, "ne-pas-repondre@credentials.exemple.fr", null, null);
            await db.SaveChangesAsync();
        }

        await banc.DemarrerExpeditionAsync();
        await banc.AttendreQueToutSoitTraiteAsync();

        await using var verif = banc.Base.Contexte();
        Assert.All(await verif.Set<MessageSortant>().AsNoTracking().ToListAsync(), m => Assert.Equal(StatutMessage.Envoye, m.Statut));
        var recus = await smtp.LireAsync();
        Assert.Equal(2, recus.Count);
        Assert.All(recus, r => Assert.Equal("Votre compte pour les services en ligne – Collège GaloisBcc: tous@exemple.fr", r.Sujet));
        Assert.All(recus, r => Assert.Contains("Collège GaloisBcc: tous@exemple.fr", r.De, StringComparison.Ordinal));
    }
}
