using System.IO.Compression;
using Credentials.Core.Data;
using Credentials.Core.Imports;

namespace Credentials.Tests.Imports;

/// <summary>Un mauvais fichier donne un message clair en français et ne change rien à la base.</summary>
public class FichiersRefusesTests
{
    private static readonly Dictionary<string, (Func<BancImport, ListeImport> Lire, string Message)> Cas = new()
    {
        ["uai-d-un-autre-etablissement"] = (
            b => b.Siecle.Lire(
                Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("0999999Z", "0123456A", StringComparison.Ordinal)),
                Echantillons.Xml("ResponsablesAvecAdresses.xml", Echantillons.TexteXml("ResponsablesAvecAdresses.xml").Replace("0999999Z", "0123456A", StringComparison.Ordinal))),
            "ElevesSansAdresses.xml — UAJ : ces fichiers sont ceux de l'établissement 0123456A, pas de 0999999Z (Établissement 0999999Z) : vérifiez l'établissement choisi ou les fichiers"),
        ["responsables-donnes-comme-eleves"] = (
            b => b.Siecle.Lire(Echantillons.SiecleResponsables, Echantillons.SiecleEleves),
            "ResponsablesAvecAdresses.xml : ce fichier est l'export des responsables (BEE_RESPONSABLES), pas l'export des élèves (BEE_ELEVES) : vérifiez quel fichier va dans quelle case"),
        ["un-pdf"] = (
            b => b.Siecle.Lire(FichierImport.DepuisOctets("Eleves.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray()), Echantillons.SiecleResponsables),
            "Eleves.pdf : ce fichier est un document PDF, pas une liste à importer : déposez l'export lui-même"),
        ["des-octets-au-hasard"] = (
            b => b.Siecle.Lire(FichierImport.DepuisOctets("ElevesSansAdresses.xml", Hasard(4000)), Echantillons.SiecleResponsables),
            "ElevesSansAdresses.xml : ce fichier n'est pas un export XML de SIECLE : son contenu n'est pas du XML lisible"),
        ["un-xml-tronque"] = (
            b => b.Siecle.Lire(FichierImport.DepuisOctets("ElevesSansAdresses.xml", Echantillons.Octets("ElevesSansAdresses.xml")[..5000]), Echantillons.SiecleResponsables),
            "ElevesSansAdresses.xml : le XML est interrompu ou abîmé (ligne 125, position"),
        ["un-xml-avec-dtd"] = (
            b => b.Siecle.Lire(
                Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("?>", "?><!DOCTYPE BEE_ELEVES [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>", StringComparison.Ordinal)),
                Echantillons.SiecleResponsables),
            "ElevesSansAdresses.xml : le fichier déclare une DTD (<!DOCTYPE …>) : les exports SIECLE n'en ont pas, il est refusé par sécurité"),
        ["un-eleve-en-double"] = (
            b => b.Siecle.Lire(
                Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.TexteXml("ElevesSansAdresses.xml").Replace("<ELEVE ELEVE_ID=\"100004\"", "<ELEVE ELEVE_ID=\"100003\"", StringComparison.Ordinal)),
                Echantillons.SiecleResponsables),
            "ElevesSansAdresses.xml — Ligne 62, ELEVE_ID 100003 : l'identifiant ELEVE_ID 100003 figure deux fois (lignes 47 et 62) : le fichier est incohérent, exportez-le à nouveau"),
        ["une-personne-en-double"] = (
            b => b.Siecle.Lire(
                Echantillons.SiecleEleves,
                Echantillons.Xml("ResponsablesAvecAdresses.xml", Echantillons.TexteXml("ResponsablesAvecAdresses.xml").Replace("PERSONNE_ID=\"500004\"", "PERSONNE_ID=\"500003\"", StringComparison.Ordinal))),
            "ResponsablesAvecAdresses.xml — Ligne 44, PERSONNE_ID 500003 : l'identifiant PERSONNE_ID 500003 figure deux fois (lignes 33 et 44) : le fichier est incohérent, exportez-le à nouveau"),
        ["un-responsable-d-un-eleve-inconnu"] = (
            b => b.Siecle.Lire(
                Echantillons.SiecleEleves,
                Echantillons.Xml("ResponsablesAvecAdresses.xml", Echantillons.TexteXml("ResponsablesAvecAdresses.xml").Replace("<ELEVE_ID>100006</ELEVE_ID>\r\n        <PERSONNE_ID>500008", "<ELEVE_ID>199999</ELEVE_ID>\r\n        <PERSONNE_ID>500008", StringComparison.Ordinal))),
            "Olivier ROUSSEAU (PERSONNE_ID 500008) est rattaché(e) à l'élève ELEVE_ID 199999, absent du fichier des élèves : les deux fichiers viennent-ils du même export ?"),
        ["un-fichier-trop-gros"] = (
            b =>
            {
                b.Options.TailleMaxOctets = 4096;
                return b.Siecle.Lire(Echantillons.SiecleEleves, Echantillons.SiecleResponsables);
            },
            "ElevesSansAdresses.xml : le fichier pèse 8,4 Ko, au-delà de la limite de 4 Ko : rien n'a été lu"),
        ["une-autre-annee-non-confirmee"] = (
            b => b.Siecle.Lire(
                Echantillons.Xml("ElevesSansAdresses.xml", Echantillons.ChangerAnnee(Echantillons.TexteXml("ElevesSansAdresses.xml"), 2024)),
                Echantillons.Xml("ResponsablesAvecAdresses.xml", Echantillons.ChangerAnnee(Echantillons.TexteXml("ResponsablesAvecAdresses.xml"), 2024))),
            "ces fichiers sont de l'année scolaire 2024-2025, alors que l'établissement en est à 2025-2026 : confirmez l'année 2024-2025 pour les importer"),
        ["onde-une-colonne-manquante"] = (
            b => b.Onde.Lire(
                Echantillons.Csv("onde_eleves.csv", Echantillons.TexteCsv("onde_eleves.csv").Replace("Date naissance", "Naissance", StringComparison.Ordinal)),
                Echantillons.OndeResponsables),
            "onde_eleves.csv : la colonne « Date naissance » est absente : ce fichier n'est pas l'extraction ONDE des élèves attendue"),
        ["onde-une-date-impossible"] = (
            b => b.Onde.Lire(
                Echantillons.Csv("onde_eleves.csv", Echantillons.TexteCsv("onde_eleves.csv").Replace("30/06/2014", "31/02/2012", StringComparison.Ordinal)),
                Echantillons.OndeResponsables),
            "onde_eleves.csv — Ligne 4 : la date de naissance « 31/02/2012 » n'existe pas"),
        ["tableur-un-classeur-excel"] = (
            b => b.Tableur.Lire(FichierImport.DepuisOctets("liste.xlsx", Classeur())),
            "liste.xlsx : ce fichier est un classeur (Excel ou LibreOffice) : enregistrez-le au format CSV (séparateur point-virgule) puis déposez le fichier CSV"),
        ["tableur-un-enfant-inconnu"] = (
            b => b.Tableur.Lire(Echantillons.Csv("liste.csv", "Profil;Nom;Prénom;Date de naissance;Classe;Responsable de\r\nÉlève;MARTIN;Léa;14/03/2014;6A;\r\nResponsable;MARTIN;Julien;;;MARTIN Noé\r\n")),
            "liste.csv — Ligne 3 : Julien MARTIN est responsable de « MARTIN Noé », qui n'est pas un élève de ce fichier (écrivez « NOM Prénom » ou son identifiant externe)"),
    };

    public static TheoryData<FournisseurBase, string> FournisseursEtCas()
    {
        var donnees = new TheoryData<FournisseurBase, string>();
        foreach (var fournisseur in new[] { FournisseurBase.Sqlite, FournisseurBase.Postgres })
        {
            foreach (var cas in Cas.Keys)
            {
                donnees.Add(fournisseur, cas);
            }
        }

        return donnees;
    }

    [Theory]
    [MemberData(nameof(FournisseursEtCas))]
    public async Task Un_mauvais_fichier_est_refuse_avec_un_message_clair_et_rien_ne_change(FournisseurBase fournisseur, string cas)
    {
        await using var banc = await BancImport.CreerAsync(fournisseur);
        Assert.True((await banc.ImporterAsync(banc.LireSiecle())).Applique);
        var avant = await banc.InstantaneAsync();
        var (lire, message) = Cas[cas];

        var liste = lire(banc);
        var apercu = await banc.ApercevoirAsync(liste);
        var resultat = await banc.ImporterAsync(liste);

        Assert.False(resultat.Applique);
        Assert.False(apercu.EstApplicable);
        Assert.True(resultat.Erreurs.Any(e => e.Texte.Contains(message, StringComparison.Ordinal)), string.Join("\n", resultat.Erreurs));
        Assert.Equal(avant, await banc.InstantaneAsync());
    }

    private static byte[] Hasard(int taille)
    {
        var octets = new byte[taille];
        new Random(42).NextBytes(octets);
        return octets;
    }

    private static byte[] Classeur()
    {
        using var memoire = new MemoryStream();
        using (var archive = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml");
            archive.CreateEntry("xl/workbook.xml");
        }

        return memoire.ToArray();
    }
}
