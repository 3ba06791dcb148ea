using System.Text;
using Credentials.Core.Imports;

namespace Credentials.Tests.Imports;

public class LecteurOndeTests
{
    private static readonly LecteurOnde Lecteur = new(new OptionsImport());

    private static string Eleves => Echantillons.TexteCsv("onde_eleves.csv");

    private static string Responsables => Echantillons.TexteCsv("onde_responsables.csv");

    private static ListeImport Lire(string eleves, string responsables, Encoding? encodage = null) =>
        Lecteur.Lire(Echantillons.Csv("onde_eleves.csv", eleves, encodage), Echantillons.Csv("onde_responsables.csv", responsables, encodage));

    [Fact]
    public void Les_echantillons_donnent_6_eleves_8_responsables_dont_6_avec_courriel_et_10_liens()
    {
        var liste = Lecteur.Lire(Echantillons.OndeEleves, Echantillons.OndeResponsables);

        Assert.Empty(liste.Erreurs);
        Assert.Empty(liste.Avertissements);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Equal(8, liste.Responsables.Count());
        Assert.Equal(6, liste.Responsables.Count(r => r.Courriel is not null));
        Assert.Equal(10, liste.Liens.Count);
        Assert.Contains(liste.Responsables, r => r.Nom == "DELACŒUR");
        Assert.Contains(liste.Responsables, r => r.Courriel == "olivier.rousseau@example.com");
        Assert.Contains(liste.Eleves, e => e.Nom == "ROUSSEAU-PRÉVOST" && e.Prenom == "Élodie");
    }

    [Fact]
    public void Une_classe_a_plusieurs_niveaux_garde_son_identifiant_et_ses_niveaux()
    {
        var liste = Lecteur.Lire(Echantillons.OndeEleves, Echantillons.OndeResponsables);

        var classe = Assert.Single(liste.Classes, c => c.Code == "CM1-CM2 B");
        Assert.Equal(("412346", "CM1-CM2"), (classe.CleImport, classe.Niveau));
        Assert.Equal("CM2", liste.Eleves.Single(e => e.Prenom == "Élodie").CodeMef);
        Assert.Equal("CM1", liste.Eleves.Single(e => e.Prenom == "Noé").CodeMef);
    }

    [Fact]
    public void L_eleve_est_reconnu_par_son_INE_sinon_par_nom_prenom_et_date_de_naissance()
    {
        var sansIne = Eleves.Replace(";0999000003C;", ";;", StringComparison.Ordinal);

        var liste = Lire(sansIne, Responsables);

        Assert.Equal("0999000001A", liste.Eleves.Single(e => e.Prenom == "Léa").Cle);
        var chloe = liste.Eleves.Single(e => e.Prenom == "Chloé");
        Assert.StartsWith("h-", chloe.Cle, StringComparison.Ordinal);
        Assert.Equal(chloe.Cle, Lire(sansIne, Responsables).Eleves.Single(e => e.Prenom == "Chloé").Cle);
        Assert.Contains(liste.Liens, l => l.CleEleve == chloe.Cle);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("windows-1252")]
    public void L_encodage_est_detecte(string encodage)
    {
        Encoding e = encodage switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            _ => Echantillons.Windows1252,
        };
        var preambule = e.GetPreamble();
        var eleves = FichierImport.DepuisOctets("e.csv", [.. preambule, .. e.GetBytes(Eleves)]);
        var responsables = FichierImport.DepuisOctets("r.csv", [.. preambule, .. e.GetBytes(Responsables)]);

        var liste = Lecteur.Lire(eleves, responsables);

        Assert.Empty(liste.Erreurs);
        Assert.Contains(liste.Responsables, r => r.Nom == "DELACŒUR");
        Assert.Contains(liste.Eleves, e => e.Prenom == "Élodie");
    }

    [Fact]
    public void Les_anciens_en_tetes_et_les_cellules_entre_guillemets_sur_plusieurs_lignes_sont_lus()
    {
        var eleves = Eleves
            .Replace("Nom élève;", " Nom Elève ;", StringComparison.Ordinal)
            .Replace("Prénom élève;", "Prénom Elève*;", StringComparison.Ordinal)
            .Replace(";Libellé classe;Identifiant classe;", ";Classe;Identifiant classe;", StringComparison.Ordinal)
            .Replace("12 RUE DES ÉCOLES;", "\"12 RUE DES ÉCOLES\r\nBÂTIMENT \"\"B\"\"\";", StringComparison.Ordinal);

        var liste = Lire(eleves, Responsables);

        Assert.Empty(liste.Erreurs);
        Assert.Equal(6, liste.Eleves.Count());
        Assert.Equal(["CM1-CM2 B", "CM2 A"], liste.Classes.Select(c => c.Code));
        Assert.Equal(3, liste.Eleves.Single(e => e.Prenom == "Noé").Ou.Ligne);
    }

    [Fact]
    public void Une_colonne_manquante_est_signalee_par_son_nom()
    {
        var lignes = Eleves.Split("\r\n").Select(l => string.Join(';', l.Split(';').Where((_, i) => i != 3)));

        var liste = Lire(string.Join("\r\n", lignes), Responsables);

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Equal("onde_eleves.csv : la colonne « Date naissance » est absente : ce fichier n'est pas l'extraction ONDE des élèves attendue", erreur.Texte);
        Assert.Empty(liste.Personnes);
    }

    [Fact]
    public void Une_date_impossible_est_signalee_avec_sa_ligne()
    {
        var eleves = Eleves.TrimEnd() + "\r\n" + string.Join("\r\n", Enumerable.Range(1, 4).Select(i =>
            $"DURAND;;Enfant{i};0{i}/01/2014;F;;;;;;;;;;CYCLE III;CM2;CM2 A;412345;Non;Oui;Oui;"))
            + "\r\nBERNARD;;Paul;31/02/2012;M;;;;;;;;;;CYCLE III;CM2;CM2 A;412345;Non;Oui;Oui;\r\n";

        var liste = Lire(eleves, Responsables);

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Equal("onde_eleves.csv — Ligne 12 : la date de naissance « 31/02/2012 » n'existe pas", erreur.Texte);
    }

    [Fact]
    public void Un_responsable_dont_l_enfant_est_absent_des_eleves_est_une_erreur()
    {
        var responsables = Responsables.Replace(";;N'DIAYE;Théo;CM2 A;", ";;N'DIAYE;Léo;CM2 A;", StringComparison.Ordinal);

        var liste = Lire(Eleves, responsables);

        var erreur = Assert.Single(liste.Erreurs);
        Assert.Equal("onde_responsables.csv — Ligne 6 : l'enfant « Léo N'DIAYE » (CM2 A) de Aïssatou N'DIAYE n'est pas dans le fichier des élèves : les deux extractions sont-elles du même jour ?", erreur.Texte);
    }

    [Fact]
    public void Des_homonymes_ne_sont_pas_devines_mais_departages_par_la_classe()
    {
        var eleves = Eleves.TrimEnd() + "\r\nLEFÈVRE;;Chloé;02/02/2015;F;0999000099Z;;;;;;;;;CYCLE III;CM1;CM1-CM2 B;412346;Non;Oui;Oui;\r\n";
        var sansClasse = Responsables.Replace(";;LEFÈVRE;Chloé;CM2 A;", ";;LEFÈVRE;Chloé;;", StringComparison.Ordinal);

        var departages = Lire(eleves, Responsables);
        var ambigus = Lire(eleves, sansClasse);

        Assert.Empty(departages.Avertissements);
        Assert.Equal(2, departages.Liens.Count(l => l.CleEleve == "0999000003C"));
        Assert.Empty(ambigus.Erreurs);
        Assert.Equal(2, ambigus.Avertissements.Count);
        Assert.Contains("2 élèves s'appellent « Chloé LEFÈVRE » : Hélène LEFÈVRE n'est rattaché(e) à aucun d'eux, faites-le à la main", ambigus.Avertissements[0].Texte);
        Assert.DoesNotContain(ambigus.Liens, l => l.CleEleve is "0999000003C" or "0999000099Z");
        Assert.Contains(ambigus.Ignores, i => i.Personne == "Hélène LEFÈVRE");
    }

    [Fact]
    public void Les_fichiers_inverses_sont_reconnus()
    {
        var liste = Lecteur.Lire(Echantillons.OndeResponsables, Echantillons.OndeEleves);

        Assert.Equal(2, liste.Erreurs.Count);
        Assert.Contains(liste.Erreurs, e => e.Texte == "onde_responsables.csv : ce fichier est l'extraction des responsables, pas celle des élèves : vérifiez quel fichier va dans quelle case");
    }

    [Fact]
    public void Un_responsable_est_le_meme_d_une_ligne_a_l_autre_et_d_un_import_a_l_autre()
    {
        var premiere = Lecteur.Lire(Echantillons.OndeEleves, Echantillons.OndeResponsables);
        var seconde = Lire(Eleves, Responsables.Replace("0600000003", "0611111111", StringComparison.Ordinal));

        Assert.Equal(premiere.Responsables.Select(r => r.Cle), seconde.Responsables.Select(r => r.Cle));
        Assert.Equal(8, premiere.Responsables.Select(r => r.Cle).Distinct().Count());
    }
}
