using System.Text.RegularExpressions;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using static Credentials.Tests.Documents.FichesDeTest;

namespace Credentials.Tests.Documents;

public sealed class FichesConnexionTests : IDisposable
{
    private readonly DossierTemporaire dossier = new();
    private readonly FichesConnexionRenderer rendu = new();

    public void Dispose() => dossier.Dispose();

    private string Rendre(ModeleFiche modele, IEnumerable<FicheCompte> fiches, EnTeteEtablissement? etablissement = null)
    {
        var chemin = dossier.Fichier($"{modele}-{Guid.NewGuid():N}.pdf");
        using (var fichier = File.Create(chemin))
        {
            rendu.Ecrire(modele, etablissement ?? College, fiches, fichier);
        }

        return chemin;
    }

    [Fact]
    public void Deux_mille_comptes_donnent_deux_mille_courriers_dans_l_ordre_avec_chaque_mot_de_passe_a_sa_place()
    {
        var fiches = Serie(2000);

        var pages = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Detaillee, fiches));

        Assert.Equal(2000, pages.Length);
        for (var i = 0; i < fiches.Count; i++)
        {
            Assert.Matches($@"\b{Regex.Escape(fiches[i].Identifiant)}\b", pages[i]);
        }

        // Every password-shaped word of the document, with its page: exactly the expected ones, once each, in order.
        var imprimes = pages.SelectMany((texte, page) => MotsDePasseImprimes(texte).Select(motDePasse => (motDePasse, page)));
        var attendus = fiches
            .Select((fiche, page) => (fiche, page))
            .Where(x => x.fiche.Etat == EtatCompte.NotifieNonActive)
            .Select(x => (Imprime(x.fiche), x.page));
        Assert.Equal(attendus, imprimes);
    }

    private static IEnumerable<string> MotsDePasseImprimes(string texte) =>
        Regex.Matches(texte, @"\b[A-Z2-9]{5} [A-Z2-9]{5}\b").Select(m => m.Value);

    [Fact]
    public void Deux_mille_comptes_donnent_250_planches_de_8_fiches_dans_l_ordre()
    {
        var fiches = Serie(2000);

        var pages = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Simplifiee, fiches));

        Assert.Equal(250, pages.Length);
        for (var i = 0; i < fiches.Count; i++)
        {
            Assert.Matches($@"\b{Regex.Escape(fiches[i].Identifiant)}\b", pages[i / 8]);
        }

        var imprimes = pages.SelectMany((texte, page) => MotsDePasseImprimes(texte).Select(motDePasse => (motDePasse, page))).ToHashSet();
        var attendus = fiches
            .Select((fiche, rang) => (fiche, page: rang / 8))
            .Where(x => x.fiche.Etat == EtatCompte.NotifieNonActive)
            .Select(x => (Imprime(x.fiche), x.page))
            .ToHashSet();
        Assert.Equal(attendus, imprimes);
        Assert.Equal(fiches.Count(f => f.Etat == EtatCompte.Active), pages.Sum(p => Regex.Count(p, "Compte activé")));
    }

    [Fact]
    public void Copier_le_mot_de_passe_du_courrier_donne_le_mot_de_passe_et_l_identifiant_exacts()
    {
        var fiche = Fiche(42) with { Identifiant = "l.o10lO" };

        var texte = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Detaillee, [fiche]))[0];

        var copie = Regex.Match(texte, @"\b[A-Z2-9]{5} [A-Z2-9]{5}\b").Value;
        Assert.Equal(FormatSecret.PourAffichage(fiche.MotDePasse!), copie);
        Assert.Equal(fiche.MotDePasse, FormatSecret.Normaliser(copie));
        Assert.Matches(@"(?m)^\s*l\.o10lO\s", texte);
        Assert.Contains("valable jusqu'au 01/10/2026", texte);
    }

    [Fact]
    public void Accents_ligatures_guillemets_et_noms_composes_restent_intacts()
    {
        var etablissement = College with { Nom = "Collège « Les Étangs » de Çà-et-là" };
        var fiches = new[]
        {
            Fiche(1, prenom: "Jean-Baptiste", nom: "DELACŒUR"),
            Fiche(2, prenom: "Éloïse", nom: "N'Diaye-Lefèvre", classe: "3ème B"),
            Fiche(3, prenom: "Thị Hoà", nom: "Nguyễn"),
        };

        foreach (var modele in Enum.GetValues<ModeleFiche>())
        {
            var texte = OutilsExternes.TexteSuivi(Rendre(modele, fiches, etablissement));
            Assert.Contains("Jean-Baptiste DELACŒUR", texte);
            Assert.Contains("Éloïse N'Diaye-Lefèvre", texte);
            Assert.Contains("Thị Hoà Nguyễn", texte);
            Assert.Contains("Collège « Les Étangs » de Çà-et-là", texte);
            Assert.Contains("3ème B", texte);
        }
    }

    [Fact]
    public void Le_courrier_d_un_compte_active_est_un_rappel_sans_mot_de_passe()
    {
        // Variante Identifiants asked for, on purpose: an activated account still gets the reminder.
        var fiche = Fiche(7, EtatCompte.Active) with { Variante = VarianteFiche.Identifiants };

        var texte = OutilsExternes.TexteSuivi(Rendre(ModeleFiche.Detaillee, [fiche]));

        Assert.DoesNotContain(Imprime(fiche), texte);
        Assert.DoesNotContain(fiche.MotDePasse!, texte);
        Assert.DoesNotContain("Mot de passe provisoire", texte);
        Assert.Contains("Rappel de votre identifiant", texte);
        Assert.Contains("Mot de passe oublié", texte);
        Assert.Contains("adresse électronique", texte);
        Assert.Contains("code de renouvellement", texte);
        Assert.Contains("compte.7", texte);
    }

    [Fact]
    public void Le_courrier_dit_l_essentiel_avec_les_textes_par_defaut()
    {
        var texte = OutilsExternes.TexteSuivi(Rendre(ModeleFiche.Detaillee, [Fiche(5)]));

        Assert.Contains("Votre compte pour les services en ligne", texte);
        Assert.Contains("Bonjour Léa,", texte);
        Assert.Contains("Collège Les Étangs", texte);
        Assert.Contains("UAI 0450750W · Orléans", texte);
        Assert.Contains("Élève, classe 6A", texte);
        Assert.Contains("https://portail.exemple.fr", texte);
        Assert.Contains("Identifiant", texte);
        Assert.Contains("Mot de passe provisoire", texte);
        Assert.Contains("première connexion", texte);
        Assert.Contains("adresse électronique", texte);
        Assert.Contains("La direction de l'établissement", texte);
        Assert.Contains("En cas de difficulté, adressez-vous au secrétariat", texte);
    }

    [Fact]
    public void Le_courrier_reprend_les_textes_et_la_signature_de_l_etablissement()
    {
        var etablissement = College with
        {
            NomChef = "Françoise Ménard",
            TexteCourrier = "Ce compte donne accès à l'ENT « Lycée connecté ».",
            TexteContact = "Une question ? Écrivez à ce.0450750w@ac-orleans-tours.fr",
        };

        var texte = OutilsExternes.TexteSuivi(Rendre(ModeleFiche.Detaillee, [Fiche(5)], etablissement));

        Assert.Contains("Ce compte donne accès à l'ENT « Lycée connecté ».", texte);
        Assert.Contains("Françoise Ménard", texte);
        Assert.Contains("Une question ? Écrivez à ce.0450750w@ac-orleans-tours.fr", texte);
        Assert.DoesNotContain("adressez-vous au secrétariat", texte);
    }

    [Fact]
    public void Un_long_texte_d_etablissement_est_reduit_pour_ne_pas_deborder_sur_le_pied_de_page()
    {
        var etablissement = College with
        {
            NomChef = "Françoise Ménard",
            TexteCourrier = string.Join(' ', Enumerable.Repeat("Ce compte sert à tout ce que l'établissement propose en ligne.", 25)),
        };
        var pdf = Rendre(ModeleFiche.Detaillee, [Fiche(1)], etablissement);

        var mots = MotsPlaces(pdf);

        Assert.Equal(1, OutilsExternes.NombreDePages(pdf));
        var basSignature = mots.Where(m => m.Texte == "Ménard").Max(m => m.YMax);
        var hautPied = mots.Where(m => m.Texte == "difficulté,").Min(m => m.YMin);
        Assert.True(basSignature < hautPied, $"signature ends at {basSignature}, footer starts at {hautPied}");
    }

    private static List<(string Texte, double YMin, double YMax)> MotsPlaces(string pdf) =>
        System.Xml.Linq.XDocument.Parse(Processus.Executer("pdftotext", "-bbox", pdf, "-"))
            .Descendants().Where(e => e.Name.LocalName == "word")
            .Select(e => (e.Value, (double)e.Attribute("yMin")!, (double)e.Attribute("yMax")!))
            .ToList();

    [Theory]
    [InlineData(Profil.Responsable, "suivez en ligne la scolarité de votre enfant")]
    [InlineData(Profil.Enseignant, "cahier de textes, notes, vie scolaire")]
    [InlineData(Profil.Personnel, "utiles à votre service")]
    public void Un_adulte_est_salue_par_madame_monsieur_et_le_courrier_dit_a_quoi_lui_sert_son_compte(Profil profil, string usage)
    {
        var fiche = Fiche(9, profil: profil, prenom: "Mariama", nom: "N'Diaye");

        var texte = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Detaillee, [fiche]))[0];

        Assert.Contains("Madame, Monsieur Mariama N'Diaye", texte);
        Assert.Matches(@"(?m)^\s*Madame, Monsieur,\s*$", texte);
        Assert.Contains(usage, OutilsExternes.Aplatir(texte));
        Assert.DoesNotContain("Bonjour", texte);
    }

    [Fact]
    public void Le_qr_code_du_courrier_ouvre_la_page_d_activation_avec_l_identifiant()
    {
        var fiche = Fiche(3) with { Identifiant = "jb.delacoeur" };
        var pdf = Rendre(ModeleFiche.Detaillee, [fiche]);

        Processus.Executer("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, dossier.Fichier("page"));
        var lu = Processus.Executer("zbarimg", "--raw", "-q", dossier.Fichier("page.png")).Trim();

        Assert.Equal(LienPortail.Activation("https://portail.exemple.fr", "jb.delacoeur"), lu);
        Assert.Equal("https://portail.exemple.fr/activation?identifiant=jb.delacoeur", lu);
    }

    [Fact]
    public void Un_lien_hors_de_l_alphabet_latin_se_lit_en_utf8()
    {
        var etablissement = College with { PortailUrl = "https://portail.exemple.fr/cœur-de-ville" };
        var pdf = Rendre(ModeleFiche.Detaillee, [Fiche(3) with { Identifiant = "zoe.lemaitre" }], etablissement);

        Processus.Executer("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, dossier.Fichier("page"));
        var lu = Processus.Executer("zbarimg", "--raw", "-q", dossier.Fichier("page.png")).Trim();

        Assert.Equal("https://portail.exemple.fr/cœur-de-ville/activation?identifiant=zoe.lemaitre", lu);
    }

    [Fact]
    public void Les_qr_codes_des_courriers_reduits_se_lisent_aussi()
    {
        var pdf = Rendre(ModeleFiche.DeuxParPage, [Fiche(1) with { Identifiant = "lea.martin" }, Fiche(2, EtatCompte.Active) with { Identifiant = "noe.petit" }]);

        Processus.Executer("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, dossier.Fichier("page"));
        var lus = Processus.Executer("zbarimg", "--raw", "-q", dossier.Fichier("page.png")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            ["https://portail.exemple.fr/activation?identifiant=lea.martin", "https://portail.exemple.fr/activation?identifiant=noe.petit"],
            lus.Order());
    }

    [Fact]
    public void Deux_courriers_par_page_tiennent_sur_une_feuille_a4_paysage()
    {
        var pdf = Rendre(ModeleFiche.DeuxParPage, [Fiche(1), Fiche(2), Fiche(3)]);

        var pages = OutilsExternes.TexteParPage(pdf);
        Assert.Equal(2, pages.Length);
        Assert.StartsWith("841.89 x 595.28 pts", OutilsExternes.Infos(pdf)["Page size"]);
        Assert.Contains(Imprime(Fiche(1)), pages[0]);
        Assert.Contains(Imprime(Fiche(2)), pages[0]);
        Assert.Contains(Imprime(Fiche(3)), pages[1]);
    }

    [Fact]
    public void Le_pdf_porte_titre_et_auteur_et_embarque_ses_polices()
    {
        var pdf = Rendre(ModeleFiche.Detaillee, [Fiche(1)]);

        var infos = OutilsExternes.Infos(pdf);
        Assert.Equal("Fiches de connexion – Collège Les Étangs", infos["Title"]);
        Assert.Equal("Collège Les Étangs", infos["Author"]);
        Assert.Contains("A4", infos["Page size"]);
        var polices = Processus.Executer("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries)[2..];
        Assert.Contains(polices, ligne => ligne.Contains("DejaVu Sans Mono"));
        // Columns end with: emb sub uni object-number generation.
        Assert.All(polices, ligne => Assert.Equal("yes", ligne.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public void Une_selection_vide_donne_un_pdf_valide_qui_le_dit()
    {
        var texte = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Simplifiee, []));

        Assert.Contains("Aucun compte sélectionné.", Assert.Single(texte));
    }

    [Fact]
    public void La_fiche_individuelle_est_un_pdf_d_une_page_titre_au_nom_de_la_personne()
    {
        var fiche = Fiche(4, prenom: "Éloïse", nom: "N'Diaye-Lefèvre");
        var chemin = dossier.Fichier("individuelle.pdf");

        File.WriteAllBytes(chemin, rendu.FicheIndividuelle(College, fiche));

        Assert.Equal(1, OutilsExternes.NombreDePages(chemin));
        Assert.Equal("Fiche de connexion élève – Éloïse N'DIAYE-LEFÈVRE", OutilsExternes.Infos(chemin)["Title"]);
    }

    [Fact]
    public async Task Le_rendu_asynchrone_ecrit_dans_un_flux_qui_refuse_les_ecritures_synchrones()
    {
        await using var sortie = new FluxAsynchroneSeulement();

        await rendu.EcrireAsync(ModeleFiche.Detaillee, College, Serie(3).ToAsyncEnumerable(), sortie);

        var chemin = dossier.Fichier("async.pdf");
        await File.WriteAllBytesAsync(chemin, sortie.ToArray());
        Assert.Equal(3, OutilsExternes.NombreDePages(chemin));
    }

    [Fact]
    public void Le_courrier_mene_a_la_notice_donnees_personnelles_de_l_etablissement()
    {
        var pages = OutilsExternes.TexteParPage(Rendre(ModeleFiche.Detaillee, Serie(2)));

        Assert.Equal(2, pages.Length);
        Assert.All(pages, p => Assert.Matches(@"Vos données personnelles et vos droits\W+: \S+/donnees-personnelles\?uai=\w+", p));
    }
}

/// <summary>Comme le corps d'une réponse Kestrel : non positionnable, et les écritures synchrones lèvent une exception.</summary>
internal sealed class FluxAsynchroneSeulement : FluxEcritureSeule
{
    private readonly MemoryStream contenu = new();

    public byte[] ToArray() => contenu.ToArray();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        contenu.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Write(byte[] buffer, int offset, int count) => throw Synchrone();

    public override void Flush() => throw Synchrone();

    protected override void Dispose(bool disposing)
    {
        contenu.Dispose();
        base.Dispose(disposing);
    }

    private static InvalidOperationException Synchrone() => new("Synchronous operations are disallowed.");
}
