using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Tests.Courriels;

public class RenduCourrielTests
{
    private static readonly EnTeteEtablissement Ecole = new("0450750W", "Collège Évariste Galois", "Orléans", "Mme Hélène Dupré", "https://portail.exemple.fr", null, "le secrétariat, au 02 38 00 00 00");

    private static FicheCompte Fiche(VarianteFiche variante = VarianteFiche.Identifiants, string? motDePasse = "ABCDEFGHJK", Profil profil = Profil.Eleve, string prenom = "Zoé", string nom = "LEFÈVRE", string? classe = "6A") => new(
        42, profil, nom, prenom, "zoe.lefevre", variante == VarianteFiche.Rappel ? EtatCompte.Active : EtatCompte.NotifieNonActive, variante,
        variante == VarianteFiche.Rappel ? null : motDePasse, variante == VarianteFiche.Rappel ? null : new DateTime(2027, 1, 29, 10, 0, 0, DateTimeKind.Utc),
        classe, null, null, "zoe@exemple.fr", new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc), null, null, false);

    [Fact]
    public void Courriel_d_identifiants_donne_identifiant_mot_de_passe_en_deux_groupes_validite_et_lien_d_activation()
    {
        var courriel = RenduCourriel.Notification(Ecole, Fiche());

        Assert.True(courriel.ContientSecret);
        Assert.Equal("Collège Évariste Galois : vos identifiants de connexion", courriel.Sujet);
        foreach (var corps in new[] { courriel.Texte, courriel.Html })
        {
            Assert.Contains("Bonjour Zoé LEFÈVRE,", corps);
            Assert.Contains("zoe.lefevre", corps);
            Assert.Contains("ABCDE FGHJK", corps);
            Assert.Contains("valable jusqu", corps);
            Assert.Contains("29/01/2027", corps);
            Assert.Contains("https://portail.exemple.fr/activation?identifiant=zoe.lefevre", corps);
            Assert.Contains("première connexion", corps);
            Assert.Contains("adresse électronique", corps);
            Assert.Contains("Mme Hélène Dupré", corps);
            Assert.Contains("le secrétariat, au 02 38 00 00 00", corps);
        }

        Assert.Contains(RenduCourriel.TexteCourrierParDefaut, courriel.Texte);
        Assert.Contains(RenduCourriel.Html(RenduCourriel.TexteCourrierParDefaut), courriel.Html);
        Assert.Contains("Mot de passe provisoire : ABCDE FGHJK", courriel.Texte);
        Assert.Contains("<a href=\"https://portail.exemple.fr/activation?identifiant=zoe.lefevre\">", courriel.Html);
        Assert.Contains("<html lang=\"fr\">", courriel.Html);
    }

    [Fact]
    public void Courriel_de_rappel_d_un_compte_active_ne_contient_aucun_mot_de_passe_et_explique_la_recuperation()
    {
        var courriel = RenduCourriel.Notification(Ecole, Fiche(VarianteFiche.Rappel));

        Assert.False(courriel.ContientSecret);
        Assert.Equal("Collège Évariste Galois : rappel de votre identifiant de connexion", courriel.Sujet);
        Assert.DoesNotContain("Mot de passe provisoire", courriel.Texte);
        Assert.DoesNotContain("ABCDE", courriel.Texte);
        Assert.Contains("Identifiant : zoe.lefevre", courriel.Texte);
        Assert.Contains("déjà activé", courriel.Texte);
        Assert.Contains("« Mot de passe oublié »", courriel.Texte);
        Assert.Contains("code de renouvellement", courriel.Texte);
        Assert.Contains("https://portail.exemple.fr\n", courriel.Texte);
    }

    [Fact]
    public void Les_textes_de_l_etablissement_sont_echappes_dans_le_html_et_une_adresse_non_web_n_est_pas_un_lien()
    {
        var piege = Ecole with { Nom = "Lycée <b>Pasteur</b> & \"Cie\"", PortailUrl = "javascript:alert(1)", TexteContact = "<script>alert('x')</script>" };

        var courriel = RenduCourriel.Notification(piege, Fiche(prenom: "Zoé <img src=x>"));

        Assert.DoesNotContain("<b>", courriel.Html);
        Assert.DoesNotContain("<script>", courriel.Html);
        Assert.DoesNotContain("<img", courriel.Html);
        Assert.DoesNotContain("href=\"javascript", courriel.Html);
        Assert.Contains("Lycée &lt;b&gt;Pasteur&lt;/b&gt; &amp; &quot;Cie&quot;", courriel.Html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", courriel.Html);
        Assert.Contains("Lycée <b>Pasteur</b> & \"Cie\"", courriel.Texte);
    }

    [Fact]
    public void Sans_textes_regles_les_textes_par_defaut_servent_et_la_signature_est_le_nom_de_l_etablissement()
    {
        var nu = Ecole with { NomChef = null, TexteContact = null, TexteCourrier = null };

        var courriel = RenduCourriel.Notification(nu, Fiche());

        Assert.Contains(RenduCourriel.TexteCourrierParDefaut, courriel.Texte);
        Assert.Contains($"contactez {RenduCourriel.TexteContactParDefaut}.", courriel.Texte);
        Assert.Contains("\nCollège Évariste Galois\n", courriel.Texte);
        Assert.DoesNotContain("Dupré", courriel.Texte);
    }

    [Fact]
    public void Courriel_aux_familles_liste_les_fiches_jointes_sans_mot_de_passe_dans_le_corps()
    {
        var mere = Fiche(profil: Profil.Responsable, prenom: "Claire", classe: null) with { CompteId = 1 };
        var zoe = Fiche() with { CompteId = 2 };
        var hugo = Fiche(VarianteFiche.Rappel, prenom: "Hugo", classe: "6B") with { CompteId = 3 };

        var famille = RenduCourriel.Famille(Ecole, mere, [zoe, hugo]);

        Assert.False(famille.Courriel.ContientSecret);
        Assert.DoesNotContain("ABCDE", famille.Courriel.Texte);
        Assert.Equal(
            ["Fiche de connexion responsable – Claire LEFÈVRE.pdf", "Fiche de connexion élève – Zoé LEFÈVRE.pdf", "Fiche de connexion élève – Hugo LEFÈVRE.pdf"],
            famille.PiecesJointes.Select(p => p.NomFichier));
        Assert.Equal([1L, 2L, 3L], famille.PiecesJointes.Select(p => p.CompteId));
        Assert.Equal(VarianteFiche.Rappel, famille.PiecesJointes[2].Variante);
        Assert.Contains("  - Fiche de connexion responsable – Claire LEFÈVRE (votre compte)\n", famille.Courriel.Texte);
        Assert.Contains("  - Fiche de connexion élève – Zoé LEFÈVRE, classe 6A\n", famille.Courriel.Texte);
        Assert.Contains("<li>Fiche de connexion élève – Hugo LEFÈVRE, classe 6B</li>", famille.Courriel.Html);
        Assert.Equal("Collège Évariste Galois : les fiches de connexion de votre famille", famille.Courriel.Sujet);
    }
}
