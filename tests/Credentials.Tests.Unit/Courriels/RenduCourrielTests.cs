using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Tests.Courriels;

public class RenduCourrielTests
{
    private const char Nbsp = '\u00A0';

    private static readonly EnTeteEtablissement Ecole = new("0450750W", "Collège Évariste Galois", "Orléans", "Mme Hélène Dupré", "https://portail.exemple.fr", null, "Contactez le secrétariat au 02 38 00 00 00.");

    private static FicheCompte Fiche(VarianteFiche variante = VarianteFiche.Identifiants, string? motDePasse = "ABCDEFGHJK", Profil profil = Profil.Eleve, string prenom = "Zoé", string nom = "LEFÈVRE", string? classe = "6A") => new(
        42, profil, nom, prenom, "zoe.lefevre", variante == VarianteFiche.Rappel ? EtatCompte.Active : EtatCompte.NotifieNonActive, variante,
        variante == VarianteFiche.Rappel ? null : motDePasse, variante == VarianteFiche.Rappel ? null : new DateTime(2027, 1, 29, 10, 0, 0, DateTimeKind.Utc),
        classe, null, null, "zoe@exemple.fr", new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc), null, null, false);

    [Fact]
    public void Courriel_d_identifiants_reprend_la_lettre_identifiant_mot_de_passe_en_deux_groupes_validite_lien_d_activation_et_etapes()
    {
        var fiche = Fiche();
        var courriel = RenduCourriel.Notification(Ecole, fiche);

        Assert.True(courriel.ContientSecret);
        Assert.Equal("Votre compte pour les services en ligne – Collège Évariste Galois", courriel.Sujet);
        foreach (var corps in new[] { courriel.Texte, courriel.Html })
        {
            Assert.Contains("Bonjour Zoé,", corps);
            Assert.Contains("zoe.lefevre", corps);
            Assert.Contains("ABCDE FGHJK", corps);
            Assert.Contains("valable jusqu'au 29/01/2027".Replace("'", corps == courriel.Html ? "&#39;" : "'"), corps);
            Assert.Contains("https://portail.exemple.fr/activation?identifiant=zoe.lefevre", corps);
            Assert.Contains("Mme Hélène Dupré", corps);
            Assert.Contains(TextesCourrier.Signataire.Replace("'", corps == courriel.Html ? "&#39;" : "'"), corps);
            Assert.Contains("Contactez le secrétariat au 02 38 00 00 00.", corps);
        }

        Assert.Contains(TextesCourrier.Introduction(Ecole, VarianteFiche.Identifiants), courriel.Texte);
        Assert.Contains(TextesCourrier.AQuoiSertLeCompte(Ecole, Profil.Eleve), courriel.Texte);
        Assert.Contains(TextesCourrier.AideSaisie, courriel.Texte);
        Assert.Contains($"Mot de passe provisoire{Nbsp}: ABCDE FGHJK", courriel.Texte);
        Assert.Contains($"  1. Ouvrez cette adresse dans un navigateur{Nbsp}:\n     https://portail.exemple.fr/activation?identifiant=zoe.lefevre\n", courriel.Texte);
        foreach (var (etape, rang) in TextesCourrier.Etapes(VarianteFiche.Identifiants).Skip(1).Select((e, i) => (e, i + 2)))
        {
            Assert.Contains($"  {rang}. {etape}\n", courriel.Texte);
        }

        Assert.DoesNotContain("QR code", courriel.Texte);
        Assert.Contains("<a href=\"https://portail.exemple.fr/activation?identifiant=zoe.lefevre\">", courriel.Html);
        Assert.Contains("<ol>", courriel.Html);
        Assert.Contains("<html lang=\"fr\">", courriel.Html);
    }

    [Fact]
    public void Un_adulte_est_salue_comme_sur_la_lettre()
    {
        var courriel = RenduCourriel.Notification(Ecole, Fiche(profil: Profil.Responsable, prenom: "Claire", classe: null));

        Assert.StartsWith(TextesCourrier.Salutation(Fiche(profil: Profil.Responsable)) + "\n", courriel.Texte);
        Assert.Contains(TextesCourrier.AQuoiSertLeCompte(Ecole, Profil.Responsable), courriel.Texte);
    }

    [Fact]
    public void Courriel_de_rappel_d_un_compte_active_ne_contient_aucun_mot_de_passe_et_explique_la_recuperation()
    {
        var courriel = RenduCourriel.Notification(Ecole, Fiche(VarianteFiche.Rappel));

        Assert.False(courriel.ContientSecret);
        Assert.Equal("Rappel de votre identifiant de connexion – Collège Évariste Galois", courriel.Sujet);
        Assert.DoesNotContain("Mot de passe provisoire", courriel.Texte);
        Assert.DoesNotContain("ABCDE", courriel.Texte);
        Assert.Contains($"Identifiant{Nbsp}: zoe.lefevre", courriel.Texte);
        Assert.Contains(TextesCourrier.Introduction(Ecole, VarianteFiche.Rappel), courriel.Texte);
        Assert.All(TextesCourrier.Etapes(VarianteFiche.Rappel), e => Assert.Contains(e, courriel.Texte));
        Assert.Contains(TextesCourrier.Conseil(VarianteFiche.Rappel), courriel.Texte);
        Assert.Contains("https://portail.exemple.fr\n", courriel.Texte);
    }

    [Fact]
    public void Une_fiche_sans_mot_de_passe_part_en_rappel_meme_si_on_demande_les_identifiants()
    {
        var courriel = RenduCourriel.Notification(Ecole, Fiche(motDePasse: null));

        Assert.False(courriel.ContientSecret);
        Assert.StartsWith("Rappel", courriel.Sujet);
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
    public void Sans_textes_regles_ceux_de_la_lettre_par_defaut_servent_et_la_signature_est_celle_de_la_direction()
    {
        var nu = Ecole with { NomChef = null, TexteContact = null, TexteCourrier = null };

        var courriel = RenduCourriel.Notification(nu, Fiche());

        Assert.Contains(TextesCourrier.AQuoiSertLeCompte(nu, Profil.Eleve), courriel.Texte);
        Assert.Contains(TextesCourrier.Contact(nu), courriel.Texte);
        Assert.Contains($"\n{TextesCourrier.Signataire}\nCollège Évariste Galois\n", courriel.Texte);
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
        Assert.StartsWith("Madame, Monsieur,\n", famille.Courriel.Texte);
        Assert.Contains("  - Fiche de connexion responsable – Claire LEFÈVRE (votre compte)\n", famille.Courriel.Texte);
        Assert.Contains("  - Fiche de connexion élève – Zoé LEFÈVRE, classe 6A\n", famille.Courriel.Texte);
        Assert.Contains("<li>Fiche de connexion élève – Hugo LEFÈVRE, classe 6B</li>", famille.Courriel.Html);
        Assert.Equal("Les fiches de connexion de votre famille – Collège Évariste Galois", famille.Courriel.Sujet);
    }

    [Fact]
    public void Deux_enfants_homonymes_ont_des_pieces_jointes_de_noms_distincts()
    {
        var mere = Fiche(profil: Profil.Responsable, prenom: "Claire", classe: null) with { CompteId = 1 };

        var famille = RenduCourriel.Famille(Ecole, mere, [Fiche() with { CompteId = 2 }, Fiche() with { CompteId = 3 }]);

        Assert.Equal(["Fiche de connexion élève – Zoé LEFÈVRE.pdf", "Fiche de connexion élève – Zoé LEFÈVRE (2).pdf"], famille.PiecesJointes.Skip(1).Select(p => p.NomFichier));
    }

    [Fact]
    public void Chaque_courriel_mene_a_la_notice_donnees_personnelles_de_l_etablissement()
    {
        var lien = "https://portail.exemple.fr/donnees-personnelles?uai=0450750W";
        var courriels = new[] { RenduCourriel.Notification(Ecole, Fiche()), RenduCourriel.Notification(Ecole, Fiche(VarianteFiche.Rappel)), RenduCourriel.Famille(Ecole, Fiche(profil: Profil.Responsable), [Fiche()]).Courriel };

        Assert.All(courriels, c => Assert.Contains($"Vos données personnelles et vos droits{Nbsp}: {lien}", c.Texte));
        Assert.All(courriels, c => Assert.Contains(lien, c.Html));
    }
}
