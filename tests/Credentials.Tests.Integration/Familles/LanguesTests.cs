using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Tests.Imports;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Familles;

/// <summary>Where a family's language comes from: the CSV column « Langue » and the console's account form.</summary>
public class LanguesTests
{
    private static readonly LecteurTableur Lecteur = new(new OptionsImport());

    [Fact]
    public void La_colonne_Langue_du_CSV_donne_la_langue_et_une_langue_non_proposee_est_signalee_sans_bloquer()
    {
        var liste = Lecteur.Lire(Echantillons.Csv("liste.csv", """
            Profil;Nom;Prénom;Date de naissance;Classe;Courriel;Identifiant externe;Responsable de;Langue
            Élève;KOVALENKO;Daryna;14/03/2014;6A;;E-1;;
            Responsable;KOVALENKO;Olena;;;olena@example.org;;E-1;UK
            Responsable;HASSAN;Amira;;;amira@example.org;;E-1;ar
            Responsable;DUBOIS;Claire;;;claire@example.org;;E-1;fr
            Responsable;ROSSI;Marco;;;marco@example.org;;E-1;
            """.ReplaceLineEndings("\r\n")));

        Assert.Empty(liste.Erreurs);
        Assert.Equal(
            new (string, string?)[] { ("Amira", null), ("Claire", null), ("Daryna", null), ("Marco", null), ("Olena", "uk") },
            liste.Personnes.Select(p => (p.Prenom, p.Langue)).OrderBy(p => p.Prenom, StringComparer.Ordinal));
        var avertissement = Assert.Single(liste.Avertissements);
        Assert.Equal("la langue « ar » n'est pas proposée (en, es, pt, it, de, ro, tr, pl, uk, ru) : le courrier sera en français seul", avertissement.Message);
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_langue_se_choisit_dans_la_console_et_une_langue_non_proposee_est_refusee(FournisseurBase fournisseur)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        int etablissementId;
        await using (var db = banc.Base.Contexte())
        {
            etablissementId = (await db.Etablissements.SingleAsync()).Id;
        }

        var direction = new Portee(etablissementId, RoleConsole.Directeur, null, "direction@test");
        await using (var db = banc.Base.Contexte())
        {
            var refus = await new ServiceCompteManuel(db, banc.Horloge).CreerAsync(direction, new SaisieCompte(Profil.Responsable, "WANG", "Li", null, null) { Langue = "zh" });
            Assert.Equal(["La langue « zh » n'est pas proposée : choisissez-en une dans la liste, ou « français seul »."], refus.Erreurs.Select(e => e.Message));
            Assert.False(await db.Comptes.AnyAsync(c => c.Nom == "WANG"));
        }

        await using (var db = banc.Base.Contexte())
        {
            var cree = await new ServiceCompteManuel(db, banc.Horloge).CreerAsync(direction, new SaisieCompte(Profil.Responsable, "KOVALENKO", "Olena", null, null) { Langue = "uk" });
            Assert.True(cree.EstAccepte, string.Join("\n", cree.Erreurs));
        }

        await using var lecture = banc.Base.Contexte();
        Assert.Equal("uk", (await lecture.Comptes.SingleAsync(c => c.Nom == "KOVALENKO")).Langue);
    }
}
