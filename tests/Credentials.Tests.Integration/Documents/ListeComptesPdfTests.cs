using System.Text.RegularExpressions;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using static Credentials.Tests.Documents.FichesDeTest;

namespace Credentials.Tests.Documents;

public sealed class ListeComptesPdfTests : IDisposable
{
    private readonly DossierTemporaire dossier = new();

    public void Dispose() => dossier.Dispose();

    private string Rendre(IEnumerable<FicheCompte> fiches, Profil? profil = Profil.Eleve)
    {
        var chemin = dossier.Fichier($"liste-{Guid.NewGuid():N}.pdf");
        using (var fichier = File.Create(chemin))
        {
            new ListeComptesPdfRenderer().Ecrire(College, profil, fiches, fichier);
        }

        return chemin;
    }

    [Fact]
    public void Chaque_classe_commence_une_page_avec_son_code_et_son_mef()
    {
        var fiches = new[]
        {
            Fiche(1, classe: "6A") with { LibelleMef = "6ÈME" },
            Fiche(2, classe: "6A") with { LibelleMef = "6ÈME" },
            Fiche(3, classe: "1BTS2") with { LibelleMef = "1ère année BTS" },
        };

        var pages = OutilsExternes.TexteParPage(Rendre(fiches));

        Assert.Equal(2, pages.Length);
        Assert.Matches(@"(?m)^\s*6A\s*$", pages[0]);
        Assert.Contains("6ÈME", pages[0]);
        Assert.Contains("compte.2", pages[0]);
        Assert.DoesNotContain("compte.3", pages[0]);
        Assert.Matches(@"(?m)^\s*1BTS2\s*$", pages[1]);
        Assert.Contains("1ère année BTS", pages[1]);
    }

    [Fact]
    public void La_colonne_mot_de_passe_suit_l_etat_du_compte()
    {
        var nonNotifie = Fiche(1, EtatCompte.NonNotifie, nom: "Aubert");
        var aActiver = Fiche(2, EtatCompte.NotifieNonActive, nom: "Bernard");
        var active = Fiche(3, EtatCompte.Active, nom: "Charpentier");

        var lignes = OutilsExternes.TexteParPage(Rendre([nonNotifie, aActiver, active]))[0].Split('\n');

        Assert.Matches(@"Aubert\s+Léa\s+Non notifié\s+compte\.1\s*$", lignes.Single(l => l.Contains("Aubert")));
        Assert.Matches($@"Bernard\s+Léa\s+Notifié et non activé\s+compte\.2\s+{Imprime(aActiver)}\s*$", lignes.Single(l => l.Contains("Bernard")));
        Assert.Matches(@"Charpentier\s+Léa\s+Activé\s+compte\.3\s+\*\*\*\*\*\s*$", lignes.Single(l => l.Contains("Charpentier")));
        Assert.DoesNotContain(lignes, l => l.Contains(Imprime(active)));
    }

    [Fact]
    public void Une_classe_longue_repete_l_entete_du_tableau_et_numerote_les_pages()
    {
        var fiches = Enumerable.Range(1, 100).Select(i => Fiche(i, classe: "6A")).Append(Fiche(101, classe: "6B")).ToList();

        var pages = OutilsExternes.TexteParPage(Rendre(fiches));

        Assert.Equal(4, pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Matches(@"Nom\s+Prénom\s+État du compte\s+Identifiant\s+Mot de passe", pages[i]);
            Assert.Contains($"Page {i + 1} / 4", pages[i]);
            Assert.Contains("Liste des comptes élèves", pages[i]);
        }

        Assert.Contains("6A (suite)", pages[1]);
        Assert.Contains("6A (suite)", pages[2]);
        Assert.Matches(@"(?m)^\s*6B\s*$", pages[3]);
        var identifiants = pages.SelectMany(p => Regex.Matches(p, @"compte\.\d+").Select(m => m.Value)).ToList();
        Assert.Equal(fiches.Select(f => f.Identifiant), identifiants);
    }

    [Fact]
    public void Cent_mille_comptes_font_une_liste_complete()
    {
        var pdf = Rendre(Serie(100_000));

        // 3,334 classes of at most 30 accounts: one page each.
        Assert.Equal(3334, OutilsExternes.NombreDePages(pdf));
        var derniere = Assert.Single(OutilsExternes.TexteParPage(pdf, 3334));
        Assert.Matches(@"(?m)^\s*C3333\s*$", derniere);
        Assert.Equal(10, Regex.Count(derniere, @"compte\.99\d{3}\b|compte\.100000\b"));
        Assert.Contains("Page 3334 / 3334", derniere);
        Assert.Equal("Liste des comptes élèves – Collège Les Étangs", OutilsExternes.Infos(pdf)["Title"]);
    }
}
