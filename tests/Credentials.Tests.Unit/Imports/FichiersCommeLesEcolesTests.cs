using System.Text;
using Credentials.Core.Imports;

namespace Credentials.Tests.Imports;

/// <summary>Les fichiers tels que les écoles les déposent : encodages qui mentent, CSV d'Excel, fichiers coupés.</summary>
public class FichiersCommeLesEcolesTests
{
    private readonly HorlogeFixe horloge = new(new DateTimeOffset(2025, 11, 5, 9, 0, 0, TimeSpan.Zero));

    private ListeImport LireSiecle(FichierImport eleves, FichierImport? responsables = null) =>
        new LecteurSiecle(new OptionsImport(), horloge).Lire(eleves, responsables ?? Echantillons.SiecleResponsables);

    private static ListeImport LireOnde(FichierImport eleves, FichierImport? responsables = null) =>
        new LecteurOnde(new OptionsImport()).Lire(eleves, responsables ?? Echantillons.OndeResponsables);

    /// <summary>La ligne (à partir de 1) du premier caractère non ASCII : là où l'encodage se trahit.</summary>
    private static int PremiereLigneAccentuee(string texte) => texte.Split('\n').ToList().FindIndex(l => l.Any(c => c > 127)) + 1;

    [Fact]
    public void Un_export_SIECLE_reenregistre_en_UTF8_qui_se_dit_ISO_8859_15_est_refuse_avec_la_cause_et_la_ligne()
    {
        var texte = Echantillons.TexteXml("ElevesSansAdresses.xml");
        Assert.Contains("encoding=\"ISO-8859-15\"", texte);

        var liste = LireSiecle(FichierImport.DepuisOctets("ElevesSansAdresses.xml", Encoding.UTF8.GetBytes(texte)));

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Equal(PremiereLigneAccentuee(texte), erreur.Ou.Ligne);
        Assert.Contains("se déclare en ISO-8859-15, mais son texte est en UTF-8", erreur.Message);
        Assert.Empty(liste.Personnes);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "se déclare en UTF-8")]
    [InlineData("", "ne déclare pas d'encodage")]
    public void Un_export_en_ISO_qui_se_dit_UTF8_ou_ne_dit_rien_signale_l_encodage_et_non_un_XML_abime(string declaration, string attendu)
    {
        var texte = Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>", declaration, StringComparison.Ordinal);

        var liste = LireSiecle(Echantillons.Xml("ElevesSansAdresses.xml", texte));

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Contains("l'encodage du fichier ne correspond pas à sa déclaration", erreur.Message);
        Assert.Contains(attendu, erreur.Message);
        Assert.DoesNotContain("interrompu", erreur.Message);
        Assert.Equal(PremiereLigneAccentuee(texte), erreur.Ou.Ligne);
    }

    [Fact]
    public void Des_noms_mal_decodes_refusent_le_fichier_en_une_erreur_a_la_premiere_ligne()
    {
        // Text decoded twice before it reached SIECLE's encoding: the file is consistent, the names are not.
        var texte = Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("Léa", "LÃ©a", StringComparison.Ordinal).Replace("Noé", "NoÃ©", StringComparison.Ordinal);

        var liste = LireSiecle(Echantillons.Xml("ElevesSansAdresses.xml", texte));

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Contains("le nom « LÃ©a » contient « Ã© » (et 1 autre ligne), signe d'un texte mal décodé", erreur.Message);
        Assert.Equal(texte.Split('\n').ToList().FindIndex(l => l.Contains("ELEVE_ID=\"100001\"", StringComparison.Ordinal)) + 1, erreur.Ou.Ligne);
    }

    [Fact]
    public void Un_CSV_ONDE_aux_noms_mal_decodes_est_refuse()
    {
        var texte = Echantillons.TexteCsv("onde_eleves.csv").Replace("Léa", "LÃ©a", StringComparison.Ordinal);

        var liste = LireOnde(Echantillons.Csv("onde_eleves.csv", texte, Encoding.UTF8));

        Assert.Contains(liste.Erreurs, e => e.Ou.Ligne == 2 && e.Message.Contains("« LÃ©a » contient « Ã© »", StringComparison.Ordinal));
    }

    [Fact]
    public void Un_CSV_enregistre_par_Excel_en_Texte_Unicode_est_lu()
    {
        // Excel's « Texte Unicode »: UTF-16 little endian with its BOM, cells separated by tabs.
        var texte = Echantillons.TexteCsv("onde_eleves.csv").Replace(';', '\t');
        var octets = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(texte)).ToArray();

        var liste = LireOnde(FichierImport.DepuisOctets("onde_eleves.txt", octets));

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Contains(liste.Eleves, e => e.Prenom == "Léa");
    }

    [Fact]
    public void Un_CSV_coupe_au_milieu_d_une_ligne_donne_un_seul_message()
    {
        var texte = Echantillons.TexteCsv("onde_eleves.csv");
        var coupe = texte[..texte.IndexOf("Noé;11/01/2013", StringComparison.Ordinal)];

        var liste = LireOnde(Echantillons.Csv("onde_eleves.csv", coupe));

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Equal("la dernière ligne est incomplète : 3 colonnes sur 22. Le fichier a sans doute été coupé (copie ou téléchargement interrompu) : extrayez-le à nouveau", erreur.Message);
        Assert.Equal(3, erreur.Ou.Ligne);
    }

    [Fact]
    public void Des_eleves_ONDE_se_lisent_sans_le_fichier_des_responsables()
    {
        var liste = new LecteurOnde(new OptionsImport()).Lire(Echantillons.OndeEleves, null);

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Empty(liste.Responsables);
        Assert.Equal([Core.Domain.Profil.Eleve], liste.ProfilsCouverts);
    }

    [Fact]
    public void Un_INE_en_double_dans_SIECLE_est_un_avertissement()
    {
        var texte = Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("0999000002B", "0999000001A", StringComparison.Ordinal);

        var liste = LireSiecle(Echantillons.Xml("ElevesSansAdresses.xml", texte));

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Contains(liste.Avertissements, a => a.Message.Contains("a le même INE (0999000001A) que Léa MARTIN-DUBOIS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<RESPONSABLE_ELEVE>.*?</RESPONSABLE_ELEVE>\\s*", "", "mais aucun lien responsable-élève (RESPONSABLE_ELEVE)")]
    [InlineData("<ELEVE_ID>1(\\d+)</ELEVE_ID>", "<ELEVE_ID>7$1</ELEVE_ID>", "aucun des 12 liens responsable-élève ne désigne un élève de « ElevesSansAdresses.xml »")]
    public void Des_responsables_sans_lien_vers_les_eleves_le_disent_une_fois(string motif, string remplacement, string attendu)
    {
        var responsables = Echantillons.Remplacer(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), motif, remplacement);

        var liste = LireSiecle(Echantillons.SiecleEleves, Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables));

        Assert.Contains(attendu, Assert.Single(liste.Erreurs).Message);
        Assert.Empty(liste.Ignores);
    }

    [Fact]
    public void Un_eleve_de_la_division_Inactifs_est_compte_parmi_les_partis_avec_cette_raison()
    {
        var eleves = Echantillons.ChangerDivision(Echantillons.TexteXml("ElevesSansAdresses.xml"), "100001", "Inactifs");

        var liste = LireSiecle(Echantillons.Xml("ElevesSansAdresses.xml", eleves));

        var lea = Assert.Single(liste.Sortis, s => s.Prenom == "Léa");
        Assert.Equal("classé(e) dans la division « Inactifs »", lea.MotifSortie);
        Assert.DoesNotContain(liste.Personnes, p => p.Prenom == "Léa");
    }
}
