using Credentials.Core.Documents;
using Credentials.Core.Domain;
using static Credentials.Tests.Documents.FichesDeTest;

namespace Credentials.Tests.Documents;

public sealed class NomsFichiersTests
{
    [Theory]
    [InlineData(Profil.Eleve, "Fiche de connexion élève – Léa MARTIN.pdf")]
    [InlineData(Profil.Responsable, "Fiche de connexion responsable – Léa MARTIN.pdf")]
    [InlineData(Profil.Enseignant, "Fiche de connexion enseignant – Léa MARTIN.pdf")]
    [InlineData(Profil.Personnel, "Fiche de connexion personnel – Léa MARTIN.pdf")]
    [InlineData(Profil.Invite, "Fiche de connexion invité – Léa MARTIN.pdf")]
    public void La_fiche_d_une_personne_porte_son_profil_son_prenom_et_son_nom_en_majuscules(Profil profil, string attendu)
    {
        Assert.Equal(attendu, NomsFichiers.FicheIndividuelle(Fiche(profil: profil)));
        Assert.Contains('\u2013', attendu);
    }

    [Theory]
    [InlineData("a\\b/c:d*e?f\"g<h>i|j", "a b c d e f g h i j")]
    [InlineData("Fiche de connexion élève – Léa MARTIN. ", "Fiche de connexion élève – Léa MARTIN")]
    [InlineData("..caché...", "caché")]
    [InlineData("CON", "_CON")]
    [InlineData("nul", "_nul")]
    [InlineData("  \t\n  ", "fichier")]
    [InlineData("Ligne\r\nsuivante", "Ligne suivante")]
    public void Le_nom_nettoye_est_valide_sous_windows_et_macos(string nom, string attendu)
    {
        Assert.Equal(attendu, NomsFichiers.Nettoyer(nom));
    }

    [Fact]
    public void Un_nom_trop_long_est_coupe_sans_casser_un_caractere()
    {
        var nom = string.Concat(Enumerable.Repeat("é", 119)) + "😀😀";

        var nettoye = NomsFichiers.Nettoyer(nom);

        Assert.Equal(NomsFichiers.LongueurMax, new System.Globalization.StringInfo(nettoye).LengthInTextElements);
        Assert.EndsWith("😀", nettoye);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(nettoye + ".pdf") <= 255);
    }

    [Fact]
    public void Les_homonymes_sont_numerotes_sans_tenir_compte_de_la_casse()
    {
        var noms = new NomsUniques();

        Assert.Equal("Léa MARTIN.pdf", noms.Reserver("Léa MARTIN.pdf"));
        Assert.Equal("Léa MARTIN (2).pdf", noms.Reserver("Léa MARTIN.pdf"));
        Assert.Equal("léa martin (3).pdf", noms.Reserver("léa martin.pdf"));
        Assert.Equal("Noé.pdf", noms.Reserver("Noé.pdf"));
    }

    [Theory]
    [InlineData(Profil.Eleve, "6A", "pdf", "identifiants-eleves_6A_2026-09-01.pdf")]
    [InlineData(Profil.Eleve, "2 nde AGORA", "csv", "identifiants-eleves_2-nde-AGORA_2026-09-01.csv")]
    [InlineData(Profil.Responsable, null, "pdf", "identifiants-responsables_2026-09-01.pdf")]
    [InlineData(Profil.Invite, "3ème B", ".pdf", "identifiants-invites_3eme-B_2026-09-01.pdf")]
    [InlineData(null, null, "csv", "identifiants-comptes_2026-09-01.csv")]
    public void Le_nom_d_une_liste_dit_le_profil_la_classe_et_le_jour(Profil? profil, string? classe, string extension, string attendu)
    {
        // 23:30 UTC on 31 August is already 1 September in Paris.
        var instant = new DateTime(2026, 8, 31, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(attendu, NomsFichiers.ListeIdentifiants(profil, classe, instant, extension));
    }
}
