using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Tests.Documents;

namespace Credentials.Tests.Familles;

/// <summary>Letters and e-mails in the family's language: French first, then the same text translated.</summary>
public sealed class BilingueTests : IDisposable
{
    private readonly DossierTemporaire dossier = new();

    public void Dispose() => dossier.Dispose();

    [Fact]
    public void Un_courrier_bilingue_ukrainien_se_lit_avec_pdftotext_francais_d_abord_puis_en_ukrainien()
    {
        var fiche = FichesDeTest.Fiche(id: 7, profil: Profil.Responsable, prenom: "Olena", nom: "KOVALENKO") with { Langue = "uk" };
        var chemin = dossier.Fichier("uk.pdf");
        using (var flux = File.Create(chemin))
        {
            new FichesConnexionRenderer().Ecrire(ModeleFiche.Detaillee, FichesDeTest.College, [fiche], flux);
        }

        var pages = OutilsExternes.TexteParPage(chemin);

        Assert.Equal(2, pages.Length);
        Assert.Contains("Votre compte pour les services en ligne", pages[0]);
        var ukrainien = OutilsExternes.Aplatir(pages[1]);
        Assert.Contains("Українська · ukrainien", ukrainien);
        Assert.Contains("Ваш навчальний заклад створив для вас особистий обліковий запис для своїх онлайн-сервісів. Ідентифікатор: compte.7.", ukrainien);
        Assert.Contains("Тимчасовий пароль діє лише один раз.", ukrainien);
        Assert.Contains(FichesDeTest.Imprime(fiche), pages[1]);
    }

    [Fact]
    public void Sans_langue_le_courrier_reste_d_une_page_en_francais()
    {
        var chemin = dossier.Fichier("fr.pdf");
        using (var flux = File.Create(chemin))
        {
            new FichesConnexionRenderer().Ecrire(ModeleFiche.Detaillee, FichesDeTest.College, [FichesDeTest.Fiche() with { Langue = "ar" }], flux);
        }

        Assert.Single(OutilsExternes.TexteParPage(chemin));
    }

    [Theory]
    [InlineData("en", "To activate it, open this link and choose your own password.")]
    [InlineData("uk", "Щоб активувати його, відкрийте це посилання та оберіть власний пароль.")]
    [InlineData("ru", "Чтобы активировать её, откройте эту ссылку и выберите собственный пароль.")]
    [InlineData("tr", "Hesabı etkinleştirmek için bu bağlantıyı açın ve kendi şifrenizi seçin.")]
    public void Le_courriel_d_activation_bilingue_donne_le_francais_puis_la_traduction_avec_le_meme_lien(string langue, string traduit)
    {
        var fiche = FichesDeTest.Fiche(id: 3, profil: Profil.Responsable);
        var lien = new LienEnvoye("https://portail.exemple.fr/lien/abc", new DateTime(2026, 9, 15, 8, 0, 0, DateTimeKind.Utc));

        var courriel = RenduCourriel.Notification(FichesDeTest.College, fiche, lien, TextesLangue.De(langue));

        var francais = courriel.Texte.IndexOf("Pour activer le compte, ouvrez ce lien", StringComparison.Ordinal);
        var traduction = courriel.Texte.IndexOf(traduit, StringComparison.Ordinal);
        Assert.True(francais >= 0 && traduction > francais, courriel.Texte);
        Assert.Equal(2, CompterOccurrences(courriel.Texte, lien.Url + "\n") + CompterOccurrences(courriel.Texte, lien.Url + " "));
        Assert.Contains("15/09/2026", courriel.Texte[traduction..]);
        Assert.DoesNotContain(fiche.MotDePasse!, courriel.Texte.Replace(" ", ""));
        Assert.Contains(RenduCourriel.Html(traduit), courriel.Html);
    }

    [Fact]
    public void Chaque_langue_proposee_a_tous_ses_textes_et_aucune_ne_demande_de_mise_en_forme_contextuelle()
    {
        Assert.Equal(["en", "es", "pt", "it", "de", "ro", "tr", "pl", "uk", "ru"], TextesLangue.Proposees.Select(l => l.Code));
        foreach (var langue in TextesLangue.Proposees)
        {
            Assert.Equal(2, langue.Activation("id", "L", "D").Count);
            Assert.All(langue.Activation("id", "L", "D"), t => Assert.DoesNotContain("{", t));
            Assert.Contains(langue.Identifiants("mon.identifiant", "L"), t => t.Contains("mon.identifiant"));
            Assert.Equal(2, langue.Rappel("id", "P").Count);
            // Latin or Cyrillic only: what DejaVu prints without shaping.
            Assert.All(langue.Activation("id", "L", "D").Append(langue.Nom), t => Assert.DoesNotContain(t, c => c is >= '\u0590' and <= '\u08FF' or >= '\u3000'));
        }

        Assert.Null(TextesLangue.De("ar"));
        Assert.Null(TextesLangue.De("zh"));
    }

    private static int CompterOccurrences(string texte, string motif) => (texte.Length - texte.Replace(motif, "").Length) / motif.Length;
}
