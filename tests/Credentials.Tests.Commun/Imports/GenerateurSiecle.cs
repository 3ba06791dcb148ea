using System.Globalization;
using System.Text;
using System.Xml;

namespace Credentials.Tests.Imports;

/// <summary>
/// Fabrique un export SIECLE fictif (élèves + responsables) d'une taille donnée, avec ce qu'ont les vrais :
/// accents et Œ, homonymes, fratries, contacts non légaux, élèves partis. Familles de un ou deux enfants,
/// deux responsables légaux chacune : <c>responsables / 2</c> familles pour <c>eleves</c> élèves présents.
/// </summary>
public static class GenerateurSiecle
{
    private static readonly string[] Noms =
    [
        "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRÉ", "LEFEBVRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ",
        "N'DIAYE", "DELACŒUR", "GÉRARD", "BOUCHER", "HÉBERT", "CÔTÉ", "NGUYEN", "DIALLO", "ROUSSEAU-PRÉVOST", "LE GALL",
    ];

    private static readonly string[] PrenomsEnfants =
    [
        "Léa", "Noé", "Chloé", "Théo", "Inès", "Élodie", "Hugo", "Zoé", "Louis", "Jade", "Gabriel", "Louise", "Raphaël",
        "Emma", "Arthur", "Alice", "Jules", "Lina", "Maël", "Anaïs", "Lucas", "Rose", "Nathan", "Mila", "Éloïse", "Adam",
    ];

    private static readonly string[] PrenomsAdultes =
    [
        "Julien", "Claire", "Hélène", "Raphaël", "Aïssatou", "Jean-Baptiste", "Nathalie", "Olivier", "Marie-José", "Sandrine",
        "Stéphane", "Céline", "François", "Sophie", "Jérôme", "Valérie", "Frédéric", "Isabelle", "Cédric", "Amélie",
    ];

    private static readonly string[] Niveaux = ["6", "5", "4", "3"];

    static GenerateurSiecle() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Les deux fichiers, encodés en ISO-8859-15 comme ceux de SIECLE.</summary>
    public static (byte[] Eleves, byte[] Responsables) Generer(int eleves, int responsables, int annee = 2025, string uai = "0999999Z", int graine = 1, int partis = 30, int contacts = 200)
    {
        var familles = responsables / 2;
        var fratries = eleves - familles;
        if (familles <= 0 || fratries < 0 || fratries > familles)
        {
            throw new ArgumentException("Need responsables / 2 <= eleves <= responsables.");
        }

        var hasard = new Random(graine);
        var listeEleves = new List<Eleve>();
        var personnes = new List<Personne>();
        var liens = new List<(int Eleve, int Personne, int Rang, string Parente)>();
        for (var f = 0; f < familles + partis; f++)
        {
            var nom = Noms[hasard.Next(Noms.Length)];
            var parti = f >= familles;
            var enfants = !parti && f < fratries ? 2 : 1;
            var mere = Ajouter(personnes, hasard, "MME", nom);
            var pere = parti ? null : Ajouter(personnes, hasard, "M.", nom);
            for (var e = 0; e < enfants; e++)
            {
                var id = 100000 + listeEleves.Count;
                var niveau = hasard.Next(Niveaux.Length);
                listeEleves.Add(new Eleve(
                    id,
                    nom,
                    PrenomsEnfants[hasard.Next(PrenomsEnfants.Length)],
                    new DateOnly(annee - 11 - niveau, 1 + hasard.Next(12), 1 + hasard.Next(28)),
                    $"{Niveaux[niveau]}{(char)('A' + hasard.Next(6))}",
                    $"10{niveau}1001211{niveau}",
                    parti ? new DateOnly(annee, 10, 1 + hasard.Next(15)) : null));
                liens.Add((id, mere.Id, 1, "10"));
                if (pere is not null)
                {
                    liens.Add((id, pere.Id, 2, "20"));
                }

                if (contacts > 0 && hasard.Next(eleves) < contacts)
                {
                    var grandParent = Ajouter(personnes, hasard, "MME", Noms[hasard.Next(Noms.Length)]);
                    liens.Add((id, grandParent.Id, 0, "38"));
                }
            }
        }

        return (Xml(w => EcrireEleves(w, listeEleves, annee, uai)), Xml(w => EcrireResponsables(w, personnes, liens, annee, uai)));
    }

    private static Personne Ajouter(List<Personne> personnes, Random hasard, string civilite, string nom)
    {
        var id = 500000 + personnes.Count;
        var prenom = PrenomsAdultes[hasard.Next(PrenomsAdultes.Length)];
        var courriel = hasard.Next(4) == 0 ? null : $"{prenom.ToLowerInvariant()}.{id}@Example.net";
        var personne = new Personne(id, civilite, nom, prenom, courriel);
        personnes.Add(personne);
        return personne;
    }

    private static byte[] Xml(Action<XmlWriter> ecrire)
    {
        using var memoire = new MemoryStream();
        using (var w = XmlWriter.Create(memoire, new XmlWriterSettings { Encoding = Encoding.GetEncoding("ISO-8859-15"), Indent = true }))
        {
            ecrire(w);
        }

        return memoire.ToArray();
    }

    private static void Parametres(XmlWriter w, int annee, string uai)
    {
        w.WriteStartElement("PARAMETRES");
        w.WriteElementString("UAJ", uai);
        w.WriteElementString("ANNEE_SCOLAIRE", annee.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("DATE_EXPORT", $"03/11/{annee}");
        w.WriteEndElement();
    }

    private static void EcrireEleves(XmlWriter w, List<Eleve> eleves, int annee, string uai)
    {
        w.WriteStartElement("BEE_ELEVES");
        w.WriteAttributeString("VERSION", "3.6");
        Parametres(w, annee, uai);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("ELEVES");
        foreach (var e in eleves)
        {
            w.WriteStartElement("ELEVE");
            w.WriteAttributeString("ELEVE_ID", e.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("ID_NATIONAL", $"0{e.Id:D9}X");
            w.WriteElementString("NOM_DE_FAMILLE", e.Nom);
            w.WriteElementString("PRENOM", e.Prenom);
            w.WriteElementString("DATE_NAISS", e.Naissance.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            w.WriteElementString("CODE_MEF", e.Mef);
            if (e.Sortie is { } sortie)
            {
                w.WriteElementString("DATE_SORTIE", sortie.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("STRUCTURES");
        foreach (var e in eleves)
        {
            w.WriteStartElement("STRUCTURES_ELEVE");
            w.WriteAttributeString("ELEVE_ID", e.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("STRUCTURE");
            w.WriteElementString("CODE_STRUCTURE", e.Division);
            w.WriteElementString("TYPE_STRUCTURE", "D");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void EcrireResponsables(XmlWriter w, List<Personne> personnes, List<(int Eleve, int Personne, int Rang, string Parente)> liens, int annee, string uai)
    {
        w.WriteStartElement("BEE_RESPONSABLES");
        w.WriteAttributeString("VERSION", "3.6");
        Parametres(w, annee, uai);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("PERSONNES");
        foreach (var p in personnes)
        {
            w.WriteStartElement("PERSONNE");
            w.WriteAttributeString("PERSONNE_ID", p.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("LC_CIVILITE", p.Civilite);
            w.WriteElementString("NOM_DE_FAMILLE", p.Nom);
            w.WriteElementString("PRENOM", p.Prenom);
            if (p.Courriel is not null)
            {
                w.WriteElementString("MEL", p.Courriel);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("RESPONSABLES");
        foreach (var (eleve, personne, rang, parente) in liens)
        {
            w.WriteStartElement("RESPONSABLE_ELEVE");
            w.WriteElementString("ELEVE_ID", eleve.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("PERSONNE_ID", personne.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("RESP_LEGAL", rang.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("CODE_PARENTE", parente);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private sealed record Eleve(int Id, string Nom, string Prenom, DateOnly Naissance, string Division, string Mef, DateOnly? Sortie);

    private sealed record Personne(int Id, string Civilite, string Nom, string Prenom, string? Courriel);
}
