using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>
/// Lit les deux extractions CSV d'ONDE (écoles primaires) : « Élèves » et « Responsables ». Les colonnes sont
/// retrouvées par leur en-tête ; les responsables sont rattachés aux élèves par le nom et le prénom de chaque enfant
/// (et sa classe quand elle est indiquée) : un rattachement douteux est signalé, jamais deviné.
/// </summary>
public sealed class LecteurOnde(OptionsImport options)
{
    private static readonly string[] NomEleve = ["nomeleve", "nomdefamilleeleve", "nom"];
    private static readonly string[] NomUsageEleve = ["nomdusageeleve", "nomusageeleve"];
    private static readonly string[] PrenomEleve = ["prenomeleve", "prenom"];
    private static readonly string[] DateNaissance = ["datenaissance", "datedenaissance"];
    private static readonly string[] LibelleClasse = ["libelleclasse", "classe"];
    private static readonly string[] IdentifiantClasse = ["identifiantclasse"];

    private static readonly string[] CiviliteResponsable = ["civiliteresponsable", "civilite"];
    private static readonly string[] NomResponsable = ["nomresponsable", "nomdefamilleresponsable"];
    private static readonly string[] NomUsageResponsable = ["nomusageresponsable", "nomdusageresponsable"];
    private static readonly string[] PrenomResponsable = ["prenomresponsable"];
    private static readonly string[] Courriel = ["courriel", "courrielresponsable", "email", "mel"];
    private static readonly string[] Adresse = ["adresseresponsable"];
    private static readonly string[] CodePostal = ["cpresponsable"];
    private static readonly string[] Commune = ["communeresponsable"];
    private static readonly string[] NomUsageEnfant = ["nomdusageenfant", "nomusageenfant"];
    private static readonly string[] NomEnfant = ["nomdefamilleenfant", "nomenfant"];
    private static readonly string[] PrenomEnfant = ["prenomenfant"];
    private static readonly string[] ClasseEnfant = ["classesenfants", "classesenfant", "classeenfant"];

    /// <summary>L'ordre des niveaux du premier degré, pour écrire « CM1-CM2 » et non « CM2-CM1 ».</summary>
    private static readonly string[] OrdreNiveaux = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"];

    /// <summary>Lit les deux extractions ; sans celle des responsables, seuls les élèves sont importés (leurs liens sont gardés).</summary>
    public ListeImport Lire(FichierImport eleves, FichierImport? responsables)
    {
        var rapport = new RapportLecture();
        var fichiers = new List<string> { eleves.Nom };
        if (responsables is not null)
        {
            fichiers.Add(responsables.Nom);
        }

        var tableEleves = TableauCsv.Lire(eleves, options, rapport);
        var tableResponsables = responsables is null ? null : TableauCsv.Lire(responsables, options, rapport);
        var colonnesEleves = tableEleves is null ? null : TrouverColonnesEleves(tableEleves, rapport);
        var colonnesResponsables = tableResponsables is null ? null : TrouverColonnesResponsables(tableResponsables, rapport);
        if (colonnesEleves is null || (responsables is not null && colonnesResponsables is null))
        {
            return new ListeImport { Source = SourceImport.Onde, Fichiers = fichiers, Erreurs = rapport.Erreurs };
        }

        var lus = LireEleves(tableEleves!, colonnesEleves, rapport);
        var (responsablesLus, liens) = colonnesResponsables is null ? ([], []) : LireResponsables(tableResponsables!, colonnesResponsables, lus, rapport);
        var profils = new HashSet<Profil> { Profil.Eleve };
        if (responsables is not null)
        {
            profils.Add(Profil.Responsable);
        }

        return new ListeImport
        {
            Source = SourceImport.Onde,
            Fichiers = fichiers,
            ProfilsCouverts = profils,
            Personnes = [.. lus.Select(e => e.Personne), .. responsablesLus],
            Liens = liens,
            Classes = Classes(lus),
            Ignores = rapport.Ignores,
            Erreurs = rapport.Erreurs,
            Avertissements = rapport.Avertissements,
        };
    }

    private static ColonnesEleves? TrouverColonnesEleves(TableauCsv t, RapportLecture rapport)
    {
        if (t.A("nomresponsable") || t.A("prenomresponsable"))
        {
            rapport.Erreur(new Localisation(t.Fichier), "ce fichier est l'extraction des responsables, pas celle des élèves : vérifiez quel fichier va dans quelle case");
            return null;
        }

        var colonnes = new ColonnesEleves(
            t.Colonne(NomEleve), t.Colonne(NomUsageEleve), t.Colonne(PrenomEleve), t.Colonne(DateNaissance),
            t.Colonne("ine"), t.Colonne("niveau"), t.Colonne(LibelleClasse), t.Colonne(IdentifiantClasse));
        var manquantes = new List<string>();
        if (colonnes.Nom is null)
        {
            manquantes.Add("Nom élève");
        }

        if (colonnes.Prenom is null)
        {
            manquantes.Add("Prénom élève");
        }

        if (colonnes.DateNaissance is null)
        {
            manquantes.Add("Date naissance");
        }

        if (colonnes.LibelleClasse is null && colonnes.IdentifiantClasse is null)
        {
            manquantes.Add("Libellé classe");
        }

        return Manquantes(t, manquantes, "des élèves", rapport) ? null : colonnes;
    }

    private static ColonnesResponsables? TrouverColonnesResponsables(TableauCsv t, RapportLecture rapport)
    {
        if (!t.A("nomresponsable") && (t.A("nomeleve") || t.A("prenomeleve")))
        {
            rapport.Erreur(new Localisation(t.Fichier), "ce fichier est l'extraction des élèves, pas celle des responsables : vérifiez quel fichier va dans quelle case");
            return null;
        }

        var prenoms = t.Colonnes(PrenomEnfant);
        var noms = t.Colonnes(NomEnfant);
        var usages = t.Colonnes(NomUsageEnfant);
        var classes = t.Colonnes(ClasseEnfant);
        var enfants = prenoms.Select((p, i) => new ColonnesEnfant(
            p, i < noms.Count ? noms[i] : null, i < usages.Count ? usages[i] : null, i < classes.Count ? classes[i] : null)).ToList();
        var colonnes = new ColonnesResponsables(
            t.Colonne(CiviliteResponsable), t.Colonne(NomResponsable), t.Colonne(NomUsageResponsable), t.Colonne(PrenomResponsable),
            t.Colonne(Courriel), t.Colonne(Adresse), t.Colonne(CodePostal), t.Colonne(Commune), enfants);
        var manquantes = new List<string>();
        if (colonnes.Nom is null)
        {
            manquantes.Add("Nom responsable");
        }

        if (colonnes.Prenom is null)
        {
            manquantes.Add("Prénom responsable");
        }

        if (enfants.Count == 0)
        {
            manquantes.Add("Prénom enfant");
        }
        else if (noms.Count == 0 && usages.Count == 0)
        {
            manquantes.Add("Nom de famille enfant");
        }

        return Manquantes(t, manquantes, "des responsables", rapport) ? null : colonnes;
    }

    private static bool Manquantes(TableauCsv t, List<string> manquantes, string quoi, RapportLecture rapport)
    {
        if (manquantes.Count == 0)
        {
            return false;
        }

        var liste = string.Join(", ", manquantes.Select(m => $"« {m} »"));
        rapport.Erreur(new Localisation(t.Fichier), manquantes.Count == 1
            ? $"la colonne {liste} est absente : ce fichier n'est pas l'extraction ONDE {quoi} attendue"
            : $"les colonnes {liste} sont absentes : ce fichier n'est pas l'extraction ONDE {quoi} attendue");
        return true;
    }

    private static List<EleveOnde> LireEleves(TableauCsv t, ColonnesEleves c, RapportLecture rapport)
    {
        var eleves = new List<EleveOnde>();
        var parCle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ligne in t.Lignes)
        {
            var ou = new Localisation(t.Fichier, ligne.Numero);
            var famille = TexteImport.Nettoyer(ligne[c.Nom]);
            var usage = TexteImport.Nettoyer(ligne[c.NomUsage]);
            var prenom = TexteImport.Nettoyer(ligne[c.Prenom]);
            rapport.VerifierDecodage(ou, famille, usage, prenom);
            if (famille is null && usage is null)
            {
                rapport.Erreur(ou, "le nom de l'élève est vide");
                continue;
            }

            if (prenom is null)
            {
                rapport.Erreur(ou, $"le prénom de l'élève {usage ?? famille} est vide");
                continue;
            }

            if (!TexteImport.LireDate(ligne[c.DateNaissance], "la date de naissance", out var naissance, out var erreur))
            {
                rapport.Erreur(ou, erreur!);
                continue;
            }

            var ine = ligne[c.Ine]?.ToUpperInvariant();
            var nom = usage ?? famille!;
            if (ine is null && naissance is null)
            {
                rapport.Erreur(ou, $"{prenom} {nom} n'a ni INE ni date de naissance : impossible de le reconnaître d'un import à l'autre");
                continue;
            }

            var cle = ine ?? TexteImport.CleEleve(famille ?? usage!, prenom, naissance!.Value);
            if (parCle.TryGetValue(cle, out var premiere))
            {
                rapport.Erreur(ou, ine is null
                    ? $"{prenom} {nom}, né(e) le {TexteImport.Date(naissance!.Value)}, figure deux fois (lignes {premiere} et {ligne.Numero})"
                    : $"l'INE {ine} figure deux fois (lignes {premiere} et {ligne.Numero})");
                continue;
            }

            parCle.Add(cle, ligne.Numero);
            var libelle = TexteImport.Nettoyer(ligne[c.LibelleClasse]);
            var identifiant = ligne[c.IdentifiantClasse];
            var niveau = ligne[c.Niveau]?.ToUpperInvariant();
            eleves.Add(new EleveOnde(
                new PersonneImportee
                {
                    Profil = Profil.Eleve,
                    Cle = cle,
                    Ine = ine,
                    Nom = nom,
                    Prenom = prenom,
                    DateNaissance = naissance,
                    CodeClasse = libelle ?? identifiant,
                    CodeMef = niveau,
                    LibelleMef = niveau,
                    Ou = ou,
                },
                [.. new[] { famille, usage }.Select(TexteImport.CleNom).Where(n => n.Length > 0)],
                identifiant,
                niveau));
        }

        var sansClasse = eleves.Count(e => e.Personne.CodeClasse is null);
        if (sansClasse > 0)
        {
            rapport.Avertir(new Localisation(t.Fichier), $"{Libelles.Accorder(sansClasse, "élève n'a", "élèves n'ont")} pas de classe : importé(s) sans classe, la classe déjà connue est gardée");
        }

        return eleves;
    }

    private static (List<PersonneImportee>, List<LienImporte>) LireResponsables(TableauCsv t, ColonnesResponsables c, List<EleveOnde> eleves, RapportLecture rapport)
    {
        var parPrenom = eleves.ToLookup(e => TexteImport.CleNom(e.Personne.Prenom));
        var responsables = new Dictionary<string, PersonneImportee>(StringComparer.Ordinal);
        var liens = new List<LienImporte>();
        var dejaLies = new HashSet<(string, string)>();
        foreach (var ligne in t.Lignes)
        {
            var ou = new Localisation(t.Fichier, ligne.Numero);
            var famille = TexteImport.Nettoyer(ligne[c.Nom]);
            var usage = TexteImport.Nettoyer(ligne[c.NomUsage]);
            var prenom = TexteImport.Nettoyer(ligne[c.Prenom]) ?? "";
            rapport.VerifierDecodage(ou, famille, usage, prenom);
            if (famille is null && usage is null)
            {
                rapport.Erreur(ou, "le nom du responsable est vide");
                continue;
            }

            var courriel = rapport.Courriel(ligne[c.Courriel], ou, $"{prenom} {usage ?? famille}");

            var adresse = string.Join(' ', new[] { ligne[c.Adresse], ligne[c.CodePostal], ligne[c.Commune] }.OfType<string>());
            var cle = TexteImport.CleSynthetique("r-", TexteImport.CleNom(famille ?? usage), TexteImport.CleNom(prenom), courriel ?? TexteImport.CleNom(adresse));
            var personne = responsables.TryGetValue(cle, out var deja) ? deja : new PersonneImportee
            {
                Profil = Profil.Responsable,
                Cle = cle,
                Nom = usage ?? famille!,
                Prenom = prenom,
                Civilite = TexteImport.Civilite(ligne[c.Civilite]),
                Courriel = courriel,
                Ou = ou,
            };

            var nouveauxLiens = 0;
            foreach (var enfant in c.Enfants)
            {
                var eleve = Rattacher(ligne, enfant, personne, parPrenom, ou, rapport);
                if (eleve is not null && dejaLies.Add((eleve.Personne.Cle, cle)))
                {
                    liens.Add(new LienImporte(eleve.Personne.Cle, cle, LienParente.Inconnu, 0, ou));
                    nouveauxLiens++;
                }
            }

            if (deja is null && nouveauxLiens > 0)
            {
                responsables.Add(cle, personne);
            }
            else if (deja is null)
            {
                rapport.Ignorer(ou, Profil.Responsable, personne.NomComplet, "aucun de ses enfants n'a pu être reconnu dans le fichier des élèves");
            }
        }

        return ([.. responsables.Values], liens);
    }

    /// <summary>L'élève que désigne un groupe « enfant » de la ligne : unique par le nom et le prénom, puis par la classe.</summary>
    private static EleveOnde? Rattacher(LigneCsv ligne, ColonnesEnfant c, PersonneImportee responsable, ILookup<string, EleveOnde> parPrenom, Localisation ou, RapportLecture rapport)
    {
        var prenom = TexteImport.Nettoyer(ligne[c.Prenom]);
        var famille = TexteImport.Nettoyer(ligne[c.Nom]);
        var usage = TexteImport.Nettoyer(ligne[c.NomUsage]);
        var classe = TexteImport.Nettoyer(ligne[c.Classe]);
        if (prenom is null && famille is null && usage is null)
        {
            return null;
        }

        var designation = $"« {prenom} {usage ?? famille} »{(classe is null ? "" : $" ({classe})")}";
        var noms = new[] { famille, usage }.Select(TexteImport.CleNom).Where(n => n.Length > 0).ToHashSet();
        var candidats = parPrenom[TexteImport.CleNom(prenom)].Where(e => e.Noms.Any(noms.Contains)).ToList();
        if (candidats.Count == 0)
        {
            rapport.Erreur(ou, $"l'enfant {designation} de {responsable.NomComplet} n'est pas dans le fichier des élèves : les deux extractions sont-elles du même jour ?");
            return null;
        }

        if (classe is null)
        {
            if (candidats.Count == 1)
            {
                return candidats[0];
            }

            rapport.Avertir(ou, $"{candidats.Count} élèves s'appellent {designation} : {responsable.NomComplet} n'est rattaché(e) à aucun d'eux, faites-le à la main");
            return null;
        }

        var cleClasse = TexteImport.CleNom(classe);
        var memeClasse = candidats.Where(e => e.Classes.Contains(cleClasse)).ToList();
        if (memeClasse.Count == 1)
        {
            return memeClasse[0];
        }

        if (memeClasse.Count == 0 && candidats.Count == 1)
        {
            rapport.Avertir(ou, $"l'enfant {designation} de {responsable.NomComplet} est en « {candidats[0].Personne.CodeClasse} » d'après le fichier des élèves : rattaché(e) quand même");
            return candidats[0];
        }

        rapport.Avertir(ou, $"plusieurs élèves correspondent à {designation} : {responsable.NomComplet} n'est rattaché(e) à aucun d'eux, faites-le à la main");
        return null;
    }

    private static List<ClasseImportee> Classes(List<EleveOnde> eleves) => eleves
        .Where(e => e.Personne.CodeClasse is not null)
        .GroupBy(e => e.Personne.CodeClasse!, StringComparer.Ordinal)
        .Select(g =>
        {
            var niveaux = g.Select(e => e.Niveau).OfType<string>().Distinct()
                .OrderBy(n => Array.IndexOf(OrdreNiveaux, n) is var i && i >= 0 ? i : int.MaxValue)
                .ThenBy(n => n, StringComparer.Ordinal)
                .ToList();
            return new ClasseImportee(g.Key, null, null, null, niveaux.Count == 0 ? null : string.Join('-', niveaux), g.Select(e => e.IdentifiantClasse).FirstOrDefault(i => i is not null));
        })
        .OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToList();

    private sealed record EleveOnde(PersonneImportee Personne, HashSet<string> Noms, string? IdentifiantClasse, string? Niveau)
    {
        public HashSet<string> Classes { get; } = new[] { Personne.CodeClasse, IdentifiantClasse }.Select(TexteImport.CleNom).Where(c => c.Length > 0).ToHashSet();
    }

    private sealed record ColonnesEleves(int? Nom, int? NomUsage, int? Prenom, int? DateNaissance, int? Ine, int? Niveau, int? LibelleClasse, int? IdentifiantClasse);

    private sealed record ColonnesEnfant(int Prenom, int? Nom, int? NomUsage, int? Classe);

    private sealed record ColonnesResponsables(int? Civilite, int? Nom, int? NomUsage, int? Prenom, int? Courriel, int? Adresse, int? CodePostal, int? Commune, List<ColonnesEnfant> Enfants);
}
