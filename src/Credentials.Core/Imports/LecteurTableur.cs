using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>
/// Lit le modèle CSV de l'application (docs/guide/modele-import.md) : pour les écoles hors SIECLE et ONDE,
/// et pour les personnels, enseignants et invités. Une ligne par personne ; « Responsable de » rattache un
/// responsable aux élèves du même fichier.
/// </summary>
public sealed class LecteurTableur(OptionsImport options)
{
    private static readonly string[] Courriel = ["courriel", "email", "mel", "adressecourriel"];
    private static readonly string[] DateNaissance = ["datedenaissance", "datenaissance"];
    private static readonly string[] Identifiant = ["identifiantexterne", "cle"];

    public ListeImport Lire(FichierImport fichier)
    {
        var rapport = new RapportLecture();
        var fichiers = new List<string> { fichier.Nom };
        var t = TableauCsv.Lire(fichier, options, rapport);
        var c = t is null ? null : TrouverColonnes(t, rapport);
        if (c is null)
        {
            return new ListeImport { Source = SourceImport.Tableur, Fichiers = fichiers, Erreurs = rapport.Erreurs };
        }

        var lignes = LireLignes(t!, c, rapport);
        var profils = lignes.Select(l => l.Personne.Profil).ToHashSet();
        var (personnes, liens) = Rattacher(lignes, rapport);
        return new ListeImport
        {
            Source = SourceImport.Tableur,
            Fichiers = fichiers,
            ProfilsCouverts = profils,
            Personnes = personnes,
            Liens = liens,
            Classes = personnes
                .Where(p => p.CodeClasse is not null)
                .GroupBy(p => p.CodeClasse!, StringComparer.Ordinal)
                .Select(g => new ClasseImportee(g.Key, null, g.Select(p => p.CodeMef).OfType<string>().GroupBy(m => m).OrderByDescending(m => m.Count()).FirstOrDefault()?.Key, null, null, null))
                .OrderBy(k => k.Code, StringComparer.Ordinal)
                .ToList(),
            Ignores = rapport.Ignores,
            Erreurs = rapport.Erreurs,
            Avertissements = rapport.Avertissements,
        };
    }

    private static Colonnes? TrouverColonnes(TableauCsv t, RapportLecture rapport)
    {
        var c = new Colonnes(
            t.Colonne("profil"), t.Colonne("civilite"), t.Colonne("nom"), t.Colonne("prenom"), t.Colonne(DateNaissance),
            t.Colonne("classe"), t.Colonne("mef"), t.Colonne(Courriel), t.Colonne(Identifiant), t.Colonne("ine"),
            t.Colonne("responsablede"), t.Colonne("lien"), t.Colonne("langue"));
        var manquantes = new[] { ("Profil", c.Profil), ("Nom", c.Nom), ("Prénom", c.Prenom) }.Where(x => x.Item2 is null).Select(x => $"« {x.Item1} »").ToList();
        if (manquantes.Count == 0)
        {
            return c;
        }

        var onde = t.A("nomeleve") || t.A("nomresponsable") ? " (un fichier ONDE s'importe avec « Import ONDE »)" : "";
        rapport.Erreur(new Localisation(t.Fichier), manquantes.Count == 1
            ? $"la colonne {manquantes[0]} est absente : ce fichier ne suit pas le modèle d'import{onde}"
            : $"les colonnes {string.Join(", ", manquantes)} sont absentes : ce fichier ne suit pas le modèle d'import{onde}");
        return null;
    }

    private static List<LigneTableur> LireLignes(TableauCsv t, Colonnes c, RapportLecture rapport)
    {
        var lignes = new List<LigneTableur>();
        var parCle = new Dictionary<(Profil, string), int>();
        foreach (var ligne in t.Lignes)
        {
            var ou = new Localisation(t.Fichier, ligne.Numero);
            var profil = Profil(ligne[c.Profil]);
            var nom = TexteImport.Nettoyer(ligne[c.Nom]);
            var prenom = TexteImport.Nettoyer(ligne[c.Prenom]);
            rapport.VerifierDecodage(ou, nom, prenom);
            if (profil is null)
            {
                rapport.Erreur(ou, ligne[c.Profil] is { } p
                    ? $"le profil « {p} » est inconnu (Élève, Responsable, Enseignant, Personnel ou Invité)"
                    : "le profil est vide (Élève, Responsable, Enseignant, Personnel ou Invité)");
                continue;
            }

            if (nom is null || prenom is null)
            {
                rapport.Erreur(ou, nom is null ? "le nom est vide" : $"le prénom de {nom} est vide");
                continue;
            }

            if (!TexteImport.LireDate(ligne[c.DateNaissance], "la date de naissance", out var naissance, out var erreur))
            {
                rapport.Erreur(ou, erreur!);
                continue;
            }

            var courriel = rapport.Courriel(ligne[c.Courriel], ou, $"{prenom} {nom}");

            var externe = ligne[c.Identifiant];
            var ine = ligne[c.Ine]?.ToUpperInvariant();
            string cle;
            if (externe is not null || (profil == Domain.Profil.Eleve && ine is not null))
            {
                cle = externe ?? ine!;
            }
            else if (profil == Domain.Profil.Eleve)
            {
                if (naissance is null)
                {
                    rapport.Erreur(ou, $"l'élève {prenom} {nom} n'a ni date de naissance ni identifiant externe : impossible de le reconnaître d'un import à l'autre");
                    continue;
                }

                cle = TexteImport.CleEleve(nom, prenom, naissance.Value);
            }
            else
            {
                cle = TexteImport.CleSynthetique("t-", profil.Value.ToString(), TexteImport.CleNom(nom), TexteImport.CleNom(prenom), naissance?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? courriel);
            }

            if (parCle.TryGetValue((profil.Value, cle), out var premiere))
            {
                rapport.Erreur(ou, externe is null
                    ? $"{prenom} {nom} figure deux fois (lignes {premiere} et {ligne.Numero}) : s'il s'agit de deux personnes, donnez-leur un « Identifiant externe »"
                    : $"l'identifiant externe « {externe} » figure deux fois (lignes {premiere} et {ligne.Numero})");
                continue;
            }

            parCle.Add((profil.Value, cle), ligne.Numero);
            var classe = TexteImport.Nettoyer(ligne[c.Classe]);
            if (classe is not null && profil != Domain.Profil.Eleve)
            {
                rapport.Avertir(ou, $"seul un élève a une classe : la classe « {classe} » de {prenom} {nom} n'est pas reprise");
                classe = null;
            }

            lignes.Add(new LigneTableur(
                new PersonneImportee
                {
                    Profil = profil.Value,
                    Cle = cle,
                    Ine = ine,
                    Nom = nom,
                    Prenom = prenom,
                    DateNaissance = naissance,
                    Civilite = TexteImport.Civilite(ligne[c.Civilite]),
                    Courriel = courriel,
                    Langue = Langue(ligne[c.Langue], ou, rapport),
                    CodeClasse = classe,
                    CodeMef = profil == Domain.Profil.Eleve ? ligne[c.Mef] : null,
                    Ou = ou,
                },
                externe,
                ligne[c.ResponsableDe],
                Lien(ligne[c.Lien], ou, rapport)));
        }

        return lignes;
    }

    /// <summary>La colonne « Langue » : un code proposé (« uk »), « fr » ou vide pour le français seul.</summary>
    private static string? Langue(string? valeur, Localisation ou, RapportLecture rapport)
    {
        var code = TexteImport.Nettoyer(valeur)?.ToLowerInvariant();
        if (code is null or "fr")
        {
            return null;
        }

        if (Documents.TextesLangue.EstProposee(code))
        {
            return code;
        }

        rapport.Avertir(ou, $"la langue « {valeur!.Trim()} » n'est pas proposée ({string.Join(", ", Documents.TextesLangue.Codes)}) : le courrier sera en français seul");
        return null;
    }

    private static (List<PersonneImportee>, List<LienImporte>) Rattacher(List<LigneTableur> lignes, RapportLecture rapport)
    {
        var eleves = lignes.Where(l => l.Personne.Profil == Domain.Profil.Eleve).ToList();
        var parDesignation = eleves
            .SelectMany(e => new[]
            {
                e.Externe,
                TexteImport.CleNom(e.Personne.Nom + e.Personne.Prenom),
                TexteImport.CleNom(e.Personne.Prenom + e.Personne.Nom),
            }.OfType<string>().Distinct().Select(d => (d, e)))
            .ToLookup(x => x.d, x => x.e);
        var personnes = new List<PersonneImportee>();
        var liens = new List<LienImporte>();
        foreach (var ligne in lignes)
        {
            var p = ligne.Personne;
            if (p.Profil != Domain.Profil.Responsable)
            {
                if (ligne.ResponsableDe is not null)
                {
                    rapport.Avertir(p.Ou, $"seul un responsable a des enfants : « Responsable de » de {p.NomComplet} n'est pas repris");
                }

                personnes.Add(p);
                continue;
            }

            var enfants = (ligne.ResponsableDe ?? "").Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var trouves = new List<PersonneImportee>();
            foreach (var enfant in enfants)
            {
                var candidats = parDesignation[enfant].Concat(parDesignation[TexteImport.CleNom(enfant)]).Distinct().ToList();
                if (candidats.Count == 1)
                {
                    trouves.Add(candidats[0].Personne);
                }
                else
                {
                    rapport.Erreur(p.Ou, candidats.Count == 0
                        ? $"{p.NomComplet} est responsable de « {enfant} », qui n'est pas un élève de ce fichier (écrivez « NOM Prénom » ou son identifiant externe)"
                        : $"{p.NomComplet} est responsable de « {enfant} », mais plusieurs élèves de ce fichier portent ce nom : utilisez leur identifiant externe");
                }
            }

            if (enfants.Length == 0)
            {
                rapport.Ignorer(p.Ou, Domain.Profil.Responsable, p.NomComplet, "la colonne « Responsable de » est vide : un responsable a au moins un enfant");
                continue;
            }

            personnes.Add(p);
            liens.AddRange(trouves.DistinctBy(e => e.Cle).Select(e => new LienImporte(e.Cle, p.Cle, ligne.Lien, 0, p.Ou)));
        }

        return (personnes, liens);
    }

    private static Profil? Profil(string? texte) => TexteImport.CleNom(texte) switch
    {
        "eleve" or "eleves" => Domain.Profil.Eleve,
        "responsable" or "responsables" or "parent" or "parents" or "responsablelegal" => Domain.Profil.Responsable,
        "enseignant" or "enseignants" or "enseignante" or "professeur" or "professeure" => Domain.Profil.Enseignant,
        "personnel" or "personnels" => Domain.Profil.Personnel,
        "invite" or "invites" or "invitee" => Domain.Profil.Invite,
        _ => null,
    };

    private static LienParente Lien(string? texte, Localisation ou, RapportLecture rapport)
    {
        if (texte is null)
        {
            return LienParente.Inconnu;
        }

        var cle = TexteImport.CleNom(texte) is "tutrice" ? "tuteur" : TexteImport.CleNom(texte);
        foreach (var lien in Enum.GetValues<LienParente>())
        {
            if (TexteImport.CleNom(lien.Libelle()) == cle)
            {
                return lien;
            }
        }

        rapport.Avertir(ou, $"le lien « {texte} » est inconnu (Mère, Père, Tuteur, Ascendant…) : il est enregistré comme non précisé");
        return LienParente.Inconnu;
    }

    private sealed record LigneTableur(PersonneImportee Personne, string? Externe, string? ResponsableDe, LienParente Lien);

    private sealed record Colonnes(int? Profil, int? Civilite, int? Nom, int? Prenom, int? DateNaissance, int? Classe, int? Mef, int? Courriel, int? Identifiant, int? Ine, int? ResponsableDe, int? Lien, int? Langue);
}

/// <summary>Le modèle CSV vide que la page d'import propose au téléchargement.</summary>
public static class ModeleImport
{
    public const string NomFichier = "modele-import.csv";

    public const string TypeContenu = "text/csv; charset=utf-8";

    /// <summary>Le modèle en UTF-8 avec BOM et fins de ligne CRLF, pour qu'Excel l'ouvre avec ses accents.</summary>
    public static byte[] Octets()
    {
        using var flux = typeof(ModeleImport).Assembly.GetManifestResourceStream("Credentials.Core.Imports.modele-import.csv")
            ?? throw new InvalidOperationException("Embedded resource modele-import.csv is missing.");
        using var lecteur = new StreamReader(flux);
        var texte = lecteur.ReadToEnd().ReplaceLineEndings("\r\n");
        return [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(texte)];
    }

    /// <summary>Les en-têtes du modèle, dans l'ordre.</summary>
    public static IReadOnlyList<string> Colonnes()
    {
        var texte = System.Text.Encoding.UTF8.GetString(Octets()).TrimStart('\uFEFF');
        return texte.Split("\r\n")[0].Split(';');
    }
}
