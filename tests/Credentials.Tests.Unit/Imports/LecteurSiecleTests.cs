using Credentials.Core.Domain;
using Credentials.Core.Imports;

namespace Credentials.Tests.Imports;

public class LecteurSiecleTests
{
    private readonly HorlogeFixe horloge = new(new DateTimeOffset(2025, 11, 5, 9, 0, 0, TimeSpan.Zero));

    private LecteurSiecle Lecteur(OptionsImport? options = null) => new(options ?? new OptionsImport(), horloge);

    private ListeImport LireEchantillons() => Lecteur().Lire(Echantillons.SiecleEleves, Echantillons.SiecleResponsables);

    [Fact]
    public void Les_echantillons_donnent_6_eleves_8_responsables_dont_6_avec_courriel_et_10_liens_legaux()
    {
        var liste = LireEchantillons();

        Assert.Empty(liste.Erreurs);
        Assert.Equal("0999999Z", liste.Uai);
        Assert.Equal(2025, liste.AnneeScolaire);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Equal(8, liste.Responsables.Count());
        Assert.Equal(6, liste.Responsables.Count(r => r.Courriel is not null));
        Assert.Equal(10, liste.Liens.Count);
        Assert.All(liste.Liens, l => Assert.Contains(l.RangLegal, new[] { 1, 2 }));
        Assert.Equal(["5B", "6A"], liste.Classes.Select(c => c.Code));
        Assert.Equal("10010012110", liste.Classes.Single(c => c.Code == "6A").CodeMef);
    }

    [Fact]
    public void Un_contact_sans_responsabilite_legale_n_a_pas_de_compte()
    {
        var liste = LireEchantillons();

        Assert.DoesNotContain(liste.Personnes, p => p.Nom == "GÉRARD");
        var ignore = Assert.Single(liste.Ignores, i => i.Personne == "Marie-José GÉRARD");
        Assert.Contains("RESP_LEGAL 0", ignore.Raison);
    }

    [Fact]
    public void Un_eleve_parti_et_le_responsable_de_ce_seul_enfant_sont_ecartes()
    {
        var liste = LireEchantillons();

        Assert.DoesNotContain(liste.Personnes, p => p.Prenom is "Hugo" or "Sandrine");
        var hugo = Assert.Single(liste.Sortis);
        Assert.Equal(("Hugo", "PETIT", new DateOnly(2025, 10, 17)), (hugo.Prenom, hugo.Nom, hugo.DateSortie!.Value));
        var sandrine = Assert.Single(liste.Ignores, i => i.Personne == "Sandrine PETIT");
        Assert.Equal("son enfant a quitté l'établissement", sandrine.Raison);
        Assert.DoesNotContain(liste.Classes, c => c.Code == "Inactifs");
    }

    [Fact]
    public void Une_date_de_sortie_a_venir_garde_l_eleve()
    {
        horloge.Maintenant = new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);

        var liste = LireEchantillons();

        Assert.Contains(liste.Eleves, e => e.Prenom == "Hugo");
        Assert.Contains(liste.Responsables, r => r.Prenom == "Sandrine");
    }

    [Fact]
    public void Les_accents_le_oe_et_les_noms_d_usage_sont_lus_tels_quels_et_le_courriel_en_minuscules()
    {
        var liste = LireEchantillons();

        Assert.Contains(liste.Responsables, r => r.Nom == "DELACŒUR" && r.Prenom == "Jean-Baptiste");
        Assert.Contains(liste.Eleves, e => e.Nom == "ROUSSEAU-PRÉVOST" && e.Prenom == "Élodie");
        Assert.Contains(liste.Responsables, r => r.Nom == "MARTIN-DUBOIS" && r.Prenom == "Claire");
        Assert.Contains(liste.Responsables, r => r.Courriel == "olivier.rousseau@example.com");
        Assert.Contains(liste.Eleves, e => e.Nom == "N'DIAYE" && e.Prenom == "Théo");
    }

    [Fact]
    public void Le_lien_de_parente_et_le_rang_legal_sont_gardes()
    {
        var liste = LireEchantillons();
        var delacoeur = liste.Responsables.Single(r => r.Nom == "DELACŒUR");

        var lien = Assert.Single(liste.Liens, l => l.CleResponsable == delacoeur.Cle);
        Assert.Equal((LienParente.Tuteur, 1), (lien.Lien, lien.RangLegal));
    }

    [Fact]
    public void Le_nom_vient_de_NOM_sinon_du_nom_d_usage_sinon_du_nom_de_famille()
    {
        var eleves = Echantillons.TexteXml("ElevesSansAdresses.xml")
            .Replace("<NOM_DE_FAMILLE>LEFÈVRE</NOM_DE_FAMILLE>", "<NOM>LEFEBVRE</NOM><NOM_DE_FAMILLE>LEFÈVRE</NOM_DE_FAMILLE>", StringComparison.Ordinal);

        var liste = Lecteur().Lire(Echantillons.Xml("ElevesSansAdresses.xml", eleves), Echantillons.SiecleResponsables);

        Assert.Contains(liste.Eleves, e => e.Nom == "LEFEBVRE" && e.Prenom == "Chloé");
        Assert.Contains(liste.Eleves, e => e.Nom == "MARTIN-DUBOIS" && e.Prenom == "Léa");
    }

    [Fact]
    public void Deux_responsables_legaux_de_meme_rang_donnent_un_avertissement_et_seul_le_premier_est_rattache()
    {
        var responsables = Echantillons.Remplacer(
            Echantillons.TexteXml("ResponsablesAvecAdresses.xml"),
            "(<ELEVE_ID>100003</ELEVE_ID>\\s*<PERSONNE_ID>500004</PERSONNE_ID>\\s*<RESP_LEGAL>)2",
            "${1}1");

        var liste = Lecteur().Lire(Echantillons.SiecleEleves, Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables));

        Assert.Empty(liste.Erreurs);
        var avertissement = Assert.Single(liste.Avertissements);
        Assert.Contains("Chloé LEFÈVRE a deux responsables légaux de rang 1 (Hélène LEFÈVRE et Raphaël LEFÈVRE)", avertissement.Texte);
        Assert.Equal(9, liste.Liens.Count);
        Assert.DoesNotContain(liste.Responsables, r => r.Prenom == "Raphaël");
    }

    [Fact]
    public void Le_fichier_zip_de_SIECLE_est_accepte()
    {
        var zip = Zip("ElevesSansAdresses.xml", Echantillons.Octets("ElevesSansAdresses.xml"));

        var liste = Lecteur().Lire(FichierImport.DepuisOctets("ExportXML_ElevesSansAdresses.zip", zip), Echantillons.SiecleResponsables);

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
    }

    [Fact]
    public void Une_archive_qui_reunit_les_exports_sert_a_chacun()
    {
        // The school zipped the two exports (and the nomenclature) together, in a folder, and gives that one file twice.
        var zip = Zip(
            ("Exports/ElevesSansAdresses.xml", Echantillons.Octets("ElevesSansAdresses.xml")),
            ("Exports/ResponsablesAvecAdresses.xml", Echantillons.Octets("ResponsablesAvecAdresses.xml")),
            ("Exports/Nomenclature.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <BEE_NOMENCLATURES VERSION="3.6"><DONNEES><MEFS>
                  <MEF CODE_MEF="10010012110"><LIBELLE_LONG>6EME BILANGUE</LIBELLE_LONG></MEF>
                </MEFS></DONNEES></BEE_NOMENCLATURES>
                """u8.ToArray()));
        var fichier = FichierImport.DepuisOctets("exports-siecle.zip", zip);

        var liste = Lecteur().Lire(fichier, fichier, fichier);

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Equal(8, liste.Responsables.Count());
        Assert.Equal("6EME BILANGUE", liste.Classes.Single(c => c.Code == "6A").LibelleMef);
    }

    [Theory]
    [InlineData("vide", "l'archive ne contient aucun fichier XML")]
    [InlineData("deux élèves", "l'archive contient plusieurs fichiers XML (« ElevesSansAdresses.xml », « ElevesAvecAdresses.xml ») et pas un seul qui soit l'export des élèves")]
    public void Une_archive_sans_un_seul_export_des_eleves_est_refusee_clairement(string cas, string attendu)
    {
        var eleves = Echantillons.Octets("ElevesSansAdresses.xml");
        var zip = cas == "vide" ? Zip() : Zip(("ElevesSansAdresses.xml", eleves), ("ElevesAvecAdresses.xml", eleves));

        var liste = Lecteur().Lire(FichierImport.DepuisOctets("export.zip", zip), Echantillons.SiecleResponsables);

        Assert.Contains(liste.Erreurs, e => e.Texte.Contains(attendu, StringComparison.Ordinal));
        Assert.Empty(liste.Personnes);
    }

    [Fact]
    public void La_nomenclature_donne_le_libelle_des_MEF()
    {
        var nomenclature = """
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_NOMENCLATURES VERSION="3.6"><DONNEES><MEFS>
              <MEF CODE_MEF="10010012110"><FORMATION>6EME</FORMATION><LIBELLE_LONG>6EME BILANGUE</LIBELLE_LONG></MEF>
              <MEF CODE_MEF="10110001110"><LIBELLE_LONG>5EME</LIBELLE_LONG></MEF>
            </MEFS></DONNEES></BEE_NOMENCLATURES>
            """;

        var liste = Lecteur().Lire(Echantillons.SiecleEleves, Echantillons.SiecleResponsables, Echantillons.Xml("Nomenclature.xml", nomenclature));

        Assert.Equal("6EME BILANGUE", liste.Classes.Single(c => c.Code == "6A").LibelleMef);
        Assert.Equal("5EME", liste.Eleves.Single(e => e.Prenom == "Noé").LibelleMef);
    }

    [Fact]
    public void Un_eleve_sans_division_est_importe_sans_classe_avec_un_avertissement()
    {
        var eleves = Echantillons.Remplacer(Echantillons.TexteXml("ElevesSansAdresses.xml"), "<STRUCTURES_ELEVE ELEVE_ID=\"100004\">.*?</STRUCTURES_ELEVE>", "");

        var liste = Lecteur().Lire(Echantillons.Xml("ElevesSansAdresses.xml", eleves), Echantillons.SiecleResponsables);

        Assert.Null(liste.Eleves.Single(e => e.Prenom == "Théo").CodeClasse);
        Assert.Contains(liste.Avertissements, a => a.Message.StartsWith("1 élève n'a pas de division", StringComparison.Ordinal));
    }

    [Fact]
    public void Un_courriel_mal_forme_n_est_pas_repris_et_ne_bloque_pas_l_import()
    {
        var responsables = Echantillons.TexteXml("ResponsablesAvecAdresses.xml").Replace("julien.martin@example.net", "julien.martin@@example", StringComparison.Ordinal);

        var liste = Lecteur().Lire(Echantillons.SiecleEleves, Echantillons.Xml("ResponsablesAvecAdresses.xml", responsables));

        Assert.Empty(liste.Erreurs);
        Assert.Null(liste.Responsables.Single(r => r.Prenom == "Julien").Courriel);
        Assert.Equal("ResponsablesAvecAdresses.xml — Ligne 11, PERSONNE_ID 500001 : le courriel « julien.martin@@example » de Julien MARTIN est mal formé : il n'est pas repris", Assert.Single(liste.Avertissements).Texte);
    }

    [Theory]
    [InlineData("ElevesSansAdresses.xml", "ElevesSansAdresses.xml : le fichier déclare une DTD")]
    [InlineData("ResponsablesAvecAdresses.xml", "ResponsablesAvecAdresses.xml : le fichier déclare une DTD")]
    public void Un_XML_avec_une_DTD_ou_une_entite_externe_est_refuse(string fichier, string attendu)
    {
        var texte = Echantillons.TexteXml(fichier);
        var racine = texte.Contains("<BEE_ELEVES", StringComparison.Ordinal) ? "BEE_ELEVES" : "BEE_RESPONSABLES";
        var piege = texte.Replace("?>", $"?>\n<!DOCTYPE {racine} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal)
            .Replace("<UAJ>0999999Z</UAJ>", "<UAJ>&xxe;</UAJ>", StringComparison.Ordinal);
        var eleves = fichier == "ElevesSansAdresses.xml" ? Echantillons.Xml(fichier, piege) : Echantillons.SiecleEleves;
        var responsables = fichier == "ElevesSansAdresses.xml" ? Echantillons.SiecleResponsables : Echantillons.Xml(fichier, piege);

        var liste = Lecteur().Lire(eleves, responsables);

        Assert.Contains(liste.Erreurs, e => e.Texte.StartsWith(attendu, StringComparison.Ordinal));
        Assert.Empty(liste.Personnes);
    }

    private static byte[] Zip(string nom, byte[] contenu) => Zip((nom, contenu));

    private static byte[] Zip(params (string Nom, byte[] Contenu)[] entrees)
    {
        using var memoire = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(memoire, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var flux = archive.CreateEntry(nom).Open();
                flux.Write(contenu);
            }
        }

        return memoire.ToArray();
    }
}
