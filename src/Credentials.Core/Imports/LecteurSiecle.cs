using System.Globalization;
using System.Xml.Linq;
using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>
/// Lit les « Exports XML génériques » de SIECLE : ElevesSansAdresses / ElevesAvecAdresses, ResponsablesAvecAdresses
/// (ou SansAdresses) et, facultatif, Nomenclature pour les libellés des MEF ; chacun en .xml ou dans le .zip de SIECLE
/// (une archive qui les réunit peut être donnée pour chacun : chaque lecture y prend le sien).
/// </summary>
public sealed class LecteurSiecle(OptionsImport options, TimeProvider horloge)
{
    private const string Inactifs = "Inactifs";

    private static readonly HashSet<string> ElementsEleves = ["PARAMETRES", "ELEVE", "STRUCTURES_ELEVE"];
    private static readonly HashSet<string> ElementsResponsables = ["PARAMETRES", "PERSONNE", "RESPONSABLE_ELEVE"];
    private static readonly HashSet<string> ElementsNomenclature = ["MEF"];
    private static readonly HashSet<string> Sautes = ["OPTIONS", "ADRESSES", "MATIERES", "MODALITES_ELECTION", "PROGRAMMES"];

    private static readonly ExportArchive ArchiveEleves = new("Eleves", "l'export des élèves (ElevesSansAdresses ou ElevesAvecAdresses)");
    private static readonly ExportArchive ArchiveResponsables = new("Responsables", "l'export des responsables (ResponsablesAvecAdresses ou ResponsablesSansAdresses)");
    private static readonly ExportArchive ArchiveNomenclature = new("Nomenclature", "la nomenclature (Nomenclature)");

    /// <summary>Lit la paire de fichiers ; <paramref name="responsables"/> peut manquer (les élèves seuls sont alors importés).</summary>
    public ListeImport Lire(FichierImport eleves, FichierImport? responsables, FichierImport? nomenclature = null)
    {
        var rapport = new RapportLecture();
        var fichiers = new[] { eleves, responsables, nomenclature }.OfType<FichierImport>().Select(f => f.Nom).ToList();
        var aujourdhui = DateOnly.FromDateTime(Libelles.HeureLocale(horloge.GetUtcNow().UtcDateTime));

        var lectureEleves = LireEleves(eleves, rapport);
        var lectureResponsables = responsables is null ? null : LireResponsables(responsables, rapport);
        var mefs = nomenclature is null ? [] : LireNomenclature(nomenclature, rapport);
        if (lectureEleves is null || (responsables is not null && lectureResponsables is null))
        {
            return Echec(fichiers, rapport);
        }

        if (lectureResponsables is not null)
        {
            ComparerEnTetes(lectureEleves.EnTete, lectureResponsables.EnTete, eleves.Nom, responsables!.Nom, rapport);
        }

        var assemblage = new Assemblage(lectureEleves, mefs, aujourdhui, rapport);
        assemblage.Eleves();
        if (lectureResponsables is not null)
        {
            assemblage.Responsables(lectureResponsables);
        }

        var profils = new HashSet<Profil> { Profil.Eleve };
        if (responsables is not null)
        {
            profils.Add(Profil.Responsable);
        }

        return new ListeImport
        {
            Source = SourceImport.Siecle,
            Fichiers = fichiers,
            Uai = lectureEleves.EnTete.Uai,
            AnneeScolaire = lectureEleves.EnTete.Annee,
            ProfilsCouverts = profils,
            Personnes = assemblage.Personnes,
            Sortis = assemblage.Sortis,
            Liens = assemblage.Liens,
            Classes = assemblage.Classes(),
            Ignores = rapport.Ignores,
            Erreurs = rapport.Erreurs,
            Avertissements = rapport.Avertissements,
        };
    }

    private static ListeImport Echec(IReadOnlyList<string> fichiers, RapportLecture rapport) => new()
    {
        Source = SourceImport.Siecle,
        Fichiers = fichiers,
        Erreurs = rapport.Erreurs,
        Avertissements = rapport.Avertissements,
    };

    private LectureEleves? LireEleves(FichierImport fichier, RapportLecture rapport)
    {
        var lecture = new LectureEleves(fichier.Nom);
        return LireExport(fichier, "BEE_ELEVES", ArchiveEleves, ElementsEleves, lecture, (e, ligne) =>
        {
            if (e.Name.LocalName == "ELEVE")
            {
                LireEleve(e, ligne, lecture, rapport);
            }
            else
            {
                LireStructures(e, lecture);
            }
        }, rapport);
    }

    private LectureResponsables? LireResponsables(FichierImport fichier, RapportLecture rapport)
    {
        var lecture = new LectureResponsables(fichier.Nom);
        return LireExport(fichier, "BEE_RESPONSABLES", ArchiveResponsables, ElementsResponsables, lecture, (e, ligne) =>
        {
            if (e.Name.LocalName == "PERSONNE")
            {
                LirePersonne(e, ligne, lecture, rapport);
            }
            else
            {
                LireLien(e, ligne, lecture, rapport);
            }
        }, rapport);
    }

    /// <summary>Lit un export (élèves ou responsables) : PARAMETRES ici, les autres éléments par <paramref name="traiter"/>.</summary>
    private T? LireExport<T>(FichierImport fichier, string racine, ExportArchive archive, IReadOnlySet<string> elements, T lecture, Action<XElement, int> traiter, RapportLecture rapport)
        where T : LectureExport
    {
        var octets = ContenuFichier.Lire(fichier, options, rapport, archive);
        if (octets is null)
        {
            return null;
        }

        var ok = LecteurXml.Parcourir(octets, fichier.Nom, racine, elements, Sautes, (e, ligne) =>
        {
            if (e.Name.LocalName == "PARAMETRES")
            {
                lecture.EnTete = LireEnTete(e, fichier.Nom, ligne, rapport);
            }
            else
            {
                traiter(e, ligne);
            }
        }, rapport);
        return ok && VerifierEnTete(lecture.EnTete, fichier.Nom, rapport) ? lecture : null;
    }

    private Dictionary<string, string> LireNomenclature(FichierImport fichier, RapportLecture rapport)
    {
        var mefs = new Dictionary<string, string>(StringComparer.Ordinal);
        var octets = ContenuFichier.Lire(fichier, options, rapport, ArchiveNomenclature);
        if (octets is null)
        {
            return mefs;
        }

        LecteurXml.Parcourir(octets, fichier.Nom, "BEE_NOMENCLATURES", ElementsNomenclature, Sautes, (e, _) =>
        {
            var code = LecteurXml.Attribut(e, "CODE_MEF");
            var libelle = LecteurXml.Valeur(e, "LIBELLE_LONG") ?? LecteurXml.Valeur(e, "LIBELLE_EDITION") ?? LecteurXml.Valeur(e, "FORMATION");
            if (code is not null && libelle is not null)
            {
                mefs.TryAdd(code, libelle);
            }
        }, rapport);
        return mefs;
    }

    private static EnTeteSiecle LireEnTete(XElement e, string fichier, int ligne, RapportLecture rapport)
    {
        var uai = LecteurXml.Valeur(e, "UAJ");
        var annee = LecteurXml.Valeur(e, "ANNEE_SCOLAIRE");
        int? an = null;
        if (int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is > 1990 and < 2200)
        {
            an = a;
        }
        else if (annee is not null)
        {
            rapport.Erreur(new Localisation(fichier, ligne, "ANNEE_SCOLAIRE"), $"l'année scolaire « {annee} » n'est pas une année (AAAA attendu)");
        }

        return new EnTeteSiecle(uai is null ? null : Etablissement.NormaliserUai(uai), an, true);
    }

    private static bool VerifierEnTete(EnTeteSiecle enTete, string fichier, RapportLecture rapport)
    {
        if (!enTete.Lu)
        {
            rapport.Erreur(new Localisation(fichier), "le fichier n'a pas de PARAMETRES (UAJ, ANNEE_SCOLAIRE) : ce n'est pas un export SIECLE complet");
            return false;
        }

        if (enTete.Uai is null)
        {
            rapport.Erreur(new Localisation(fichier, null, "PARAMETRES"), "l'UAI de l'établissement (UAJ) est absent");
        }

        if (enTete.Annee is null)
        {
            rapport.Erreur(new Localisation(fichier, null, "PARAMETRES"), "l'année scolaire (ANNEE_SCOLAIRE) est absente ou illisible");
        }

        return enTete.Uai is not null && enTete.Annee is not null;
    }

    private static void ComparerEnTetes(EnTeteSiecle eleves, EnTeteSiecle responsables, string fichierEleves, string fichierResponsables, RapportLecture rapport)
    {
        if (eleves.Uai != responsables.Uai)
        {
            rapport.Erreur(new Localisation(fichierResponsables), $"ce fichier est celui de l'établissement {responsables.Uai}, alors que « {fichierEleves} » est celui de {eleves.Uai}");
        }

        if (eleves.Annee != responsables.Annee)
        {
            rapport.Erreur(new Localisation(fichierResponsables), $"ce fichier est de l'année scolaire {TexteImport.Annee(responsables.Annee!.Value)}, alors que « {fichierEleves} » est de {TexteImport.Annee(eleves.Annee!.Value)} : exportez les deux le même jour");
        }
    }

    /// <summary>
    /// L'identifiant d'un ELEVE ou d'une PERSONNE et sa localisation ; null (avec une erreur) s'il manque ou s'il a
    /// déjà été vu : un identifiant en double rend le fichier incohérent.
    /// </summary>
    private static (string? Id, Localisation Ou) Identifier<T>(XElement e, string attribut, int ligne, string fichier, Dictionary<string, T> deja, Func<T, Localisation> ouDe, RapportLecture rapport)
    {
        var id = LecteurXml.Attribut(e, attribut);
        var ou = new Localisation(fichier, ligne, id is null ? e.Name.LocalName : $"{attribut} {id}");
        if (id is null)
        {
            rapport.Erreur(ou, $"l'élément {e.Name.LocalName} n'a pas de {attribut}");
            return (null, ou);
        }

        if (deja.TryGetValue(id, out var premier))
        {
            rapport.Erreur(ou, $"l'identifiant {attribut} {id} figure deux fois (lignes {ouDe(premier).Ligne} et {ligne}) : le fichier est incohérent, exportez-le à nouveau");
            return (null, ou);
        }

        return (id, ou);
    }

    /// <summary>NOM, sinon NOM_USAGE, sinon NOM_DE_FAMILLE (l'ordre de SACoche).</summary>
    private static string? Nom(XElement e) =>
        TexteImport.Nettoyer(LecteurXml.Valeur(e, "NOM") ?? LecteurXml.Valeur(e, "NOM_USAGE") ?? LecteurXml.Valeur(e, "NOM_DE_FAMILLE"));

    private static void LireEleve(XElement e, int ligne, LectureEleves lecture, RapportLecture rapport)
    {
        var (id, ou) = Identifier(e, "ELEVE_ID", ligne, lecture.Fichier, lecture.Eleves, x => x.Ou, rapport);
        if (id is null)
        {
            return;
        }

        var nom = Nom(e);
        var prenom = TexteImport.Nettoyer(LecteurXml.Valeur(e, "PRENOM"));
        rapport.VerifierDecodage(ou, nom, prenom);
        var valide = true;
        if (nom is null)
        {
            rapport.Erreur(ou, "l'élève n'a ni NOM, ni NOM_USAGE, ni NOM_DE_FAMILLE");
            valide = false;
        }

        if (prenom is null)
        {
            rapport.Erreur(ou, $"l'élève {nom} n'a pas de prénom (PRENOM)");
            valide = false;
        }

        valide &= Date(e, "DATE_NAISS", "la date de naissance", ou, rapport, out var naissance);
        valide &= Date(e, "DATE_SORTIE", "la date de sortie", ou, rapport, out var sortie);
        var courriel = rapport.Courriel(LecteurXml.Valeur(e, "MEL"), ou, $"{prenom} {nom}");

        if (valide)
        {
            lecture.Eleves.Add(id, new EleveSiecle(id, ou, LecteurXml.Valeur(e, "ID_NATIONAL")?.ToUpperInvariant(), nom!, prenom!, naissance, LecteurXml.Valeur(e, "CODE_MEF"), sortie, courriel));
        }
    }

    private static void LireStructures(XElement e, LectureEleves lecture)
    {
        var id = LecteurXml.Attribut(e, "ELEVE_ID");
        if (id is null)
        {
            return;
        }

        var divisions = e.Elements("STRUCTURE")
            .Where(s => LecteurXml.Valeur(s, "TYPE_STRUCTURE") == "D")
            .Select(s => LecteurXml.Valeur(s, "CODE_STRUCTURE"))
            .OfType<string>()
            .ToList();
        if (divisions.Count > 0)
        {
            lecture.Divisions.TryAdd(id, divisions);
        }
    }

    private static void LirePersonne(XElement e, int ligne, LectureResponsables lecture, RapportLecture rapport)
    {
        var (id, ou) = Identifier(e, "PERSONNE_ID", ligne, lecture.Fichier, lecture.Personnes, x => x.Ou, rapport);
        if (id is null)
        {
            return;
        }

        var nom = Nom(e);
        if (nom is null)
        {
            rapport.Erreur(ou, "le responsable n'a ni NOM, ni NOM_USAGE, ni NOM_DE_FAMILLE");
            return;
        }

        var prenom = TexteImport.Nettoyer(LecteurXml.Valeur(e, "PRENOM")) ?? "";
        rapport.VerifierDecodage(ou, nom, prenom);
        var courriel = rapport.Courriel(LecteurXml.Valeur(e, "MEL"), ou, $"{prenom} {nom}");

        lecture.Personnes.Add(id, new PersonneSiecle(id, ou, TexteImport.Civilite(LecteurXml.Valeur(e, "LC_CIVILITE")), nom, prenom, courriel));
    }

    private static void LireLien(XElement e, int ligne, LectureResponsables lecture, RapportLecture rapport)
    {
        var eleve = LecteurXml.Valeur(e, "ELEVE_ID");
        var personne = LecteurXml.Valeur(e, "PERSONNE_ID");
        var ou = new Localisation(lecture.Fichier, ligne, "RESPONSABLE_ELEVE");
        if (eleve is null || personne is null)
        {
            rapport.Erreur(ou, "le lien responsable-élève n'a pas d'ELEVE_ID ou de PERSONNE_ID");
            return;
        }

        var legal = LecteurXml.Valeur(e, "RESP_LEGAL");
        var rang = legal is null ? 0 : int.TryParse(legal, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 2 ? r : -1;
        if (rang < 0)
        {
            rapport.Avertir(ou, $"RESP_LEGAL « {legal} » inconnu (0, 1 ou 2 attendu) : la personne {personne} est traitée comme simple contact de l'élève {eleve}");
            rang = 0;
        }

        lecture.Liens.Add(new LienSiecle(eleve, personne, rang, Parente(LecteurXml.Valeur(e, "CODE_PARENTE")), ou));
    }

    /// <summary>Les codes CODE_PARENTE de SIECLE, et les anciens codes AAF 1 à 7 qui circulent encore.</summary>
    private static LienParente Parente(string? code) => code?.TrimStart('0') switch
    {
        "10" or "2" => LienParente.Mere,
        "20" or "1" => LienParente.Pere,
        "37" => LienParente.Fratrie,
        "38" => LienParente.Ascendant,
        "39" or "4" => LienParente.AutreMembreFamille,
        "41" => LienParente.Educateur,
        "42" => LienParente.AssistantFamilial,
        "50" or "3" => LienParente.Tuteur,
        "51" or "5" => LienParente.AideSocialeEnfance,
        "70" or "7" => LienParente.EleveLuiMeme,
        "90" or "6" => LienParente.AutreLien,
        _ => LienParente.Inconnu,
    };

    private static bool Date(XElement e, string element, string quoi, Localisation ou, RapportLecture rapport, out DateOnly? date)
    {
        if (TexteImport.LireDate(LecteurXml.Valeur(e, element), quoi, out date, out var erreur))
        {
            return true;
        }

        rapport.Erreur(ou, erreur!);
        return false;
    }

    /// <summary>Joint les élèves à leur division, écarte les partis, puis garde les responsables légaux d'élèves présents.</summary>
    private sealed class Assemblage(LectureEleves lecture, Dictionary<string, string> mefs, DateOnly aujourdhui, RapportLecture rapport)
    {
        private readonly HashSet<string> presents = new(StringComparer.Ordinal);
        private readonly HashSet<string> partis = new(StringComparer.Ordinal);
        private readonly List<(string Code, string? Mef)> divisions = [];

        public List<PersonneImportee> Personnes { get; } = [];

        public List<PersonneImportee> Sortis { get; } = [];

        public List<LienImporte> Liens { get; } = [];

        public void Eleves()
        {
            var sansDivision = 0;
            var parIne = new Dictionary<string, EleveSiecle>(StringComparer.Ordinal);
            foreach (var eleve in lecture.Eleves.Values)
            {
                if (eleve.Ine is { } ine && !parIne.TryAdd(ine, eleve))
                {
                    var autre = parIne[ine];
                    rapport.Avertir(eleve.Ou, $"{eleve.Prenom} {eleve.Nom} a le même INE ({ine}) que {autre.Prenom} {autre.Nom} (ligne {autre.Ou.Ligne}) : les deux élèves sont importés, corrigez l'anomalie dans SIECLE");
                }

                var division = lecture.Divisions.GetValueOrDefault(eleve.Id);
                if (division is { Count: > 1 })
                {
                    rapport.Avertir(eleve.Ou, $"{eleve.Prenom} {eleve.Nom} est dans plusieurs divisions ({string.Join(", ", division)}) : « {division[0]} » est retenue");
                }

                var code = division?[0];
                var personne = new PersonneImportee
                {
                    Profil = Profil.Eleve,
                    Cle = eleve.Id,
                    Ine = eleve.Ine,
                    Nom = eleve.Nom,
                    Prenom = eleve.Prenom,
                    DateNaissance = eleve.Naissance,
                    Courriel = eleve.Courriel,
                    CodeClasse = code,
                    CodeMef = eleve.CodeMef,
                    LibelleMef = eleve.CodeMef is null ? null : mefs.GetValueOrDefault(eleve.CodeMef),
                    Ou = eleve.Ou,
                };

                if (eleve.Sortie is { } sortie && sortie < aujourdhui)
                {
                    partis.Add(eleve.Id);
                    Sortis.Add(personne with { DateSortie = sortie });
                    continue;
                }

                if (string.Equals(code, Inactifs, StringComparison.OrdinalIgnoreCase))
                {
                    partis.Add(eleve.Id);
                    Sortis.Add(personne with { MotifSortie = $"classé(e) dans la division « {code} »" });
                    continue;
                }

                if (code is null)
                {
                    sansDivision++;
                }
                else
                {
                    divisions.Add((code, eleve.CodeMef));
                }

                presents.Add(eleve.Id);
                Personnes.Add(personne);
            }

            if (sansDivision > 0)
            {
                rapport.Avertir(new Localisation(lecture.Fichier), $"{Libelles.Accorder(sansDivision, "élève n'a", "élèves n'ont")} pas de division (STRUCTURE de type D) : importé(s) sans classe, la classe déjà connue est gardée");
            }
        }

        public void Responsables(LectureResponsables responsables)
        {
            var retenus = new Dictionary<string, List<LienSiecle>>(StringComparer.Ordinal);
            var rangs = new Dictionary<(string Eleve, int Rang), LienSiecle>();
            var dejaLies = new HashSet<(string, string)>();
            var contacts = new HashSet<string>(StringComparer.Ordinal);
            var parentsDePartis = new Dictionary<string, int>(StringComparer.Ordinal);
            if (SansLienUtile(responsables))
            {
                return;
            }

            foreach (var lien in responsables.Liens)
            {
                if (!responsables.Personnes.TryGetValue(lien.PersonneId, out var personne))
                {
                    rapport.Erreur(lien.Ou, $"le lien désigne la personne PERSONNE_ID {lien.PersonneId}, absente de la liste des personnes du fichier");
                    continue;
                }

                if (!presents.Contains(lien.EleveId) && !partis.Contains(lien.EleveId))
                {
                    rapport.Erreur(lien.Ou, $"{personne.Prenom} {personne.Nom} (PERSONNE_ID {lien.PersonneId}) est rattaché(e) à l'élève ELEVE_ID {lien.EleveId}, absent du fichier des élèves : les deux fichiers viennent-ils du même export ?");
                    continue;
                }

                if (!dejaLies.Add((lien.EleveId, lien.PersonneId)))
                {
                    continue;
                }

                if (lien.RangLegal == 0)
                {
                    contacts.Add(lien.PersonneId);
                    continue;
                }

                if (partis.Contains(lien.EleveId))
                {
                    parentsDePartis[lien.PersonneId] = parentsDePartis.GetValueOrDefault(lien.PersonneId) + 1;
                    continue;
                }

                if (rangs.TryGetValue((lien.EleveId, lien.RangLegal), out var premier))
                {
                    var autre = responsables.Personnes[premier.PersonneId];
                    var eleve = lecture.Eleves[lien.EleveId];
                    rapport.Avertir(lien.Ou, $"{eleve.Prenom} {eleve.Nom} a deux responsables légaux de rang {lien.RangLegal} ({autre.Prenom} {autre.Nom} et {personne.Prenom} {personne.Nom}) : seul le premier est rattaché, corrigez l'anomalie dans SIECLE");
                    continue;
                }

                rangs.Add((lien.EleveId, lien.RangLegal), lien);
                if (!retenus.TryGetValue(lien.PersonneId, out var liste))
                {
                    retenus[lien.PersonneId] = liste = [];
                }

                liste.Add(lien);
            }

            foreach (var personne in responsables.Personnes.Values)
            {
                var nomComplet = personne.Prenom.Length == 0 ? personne.Nom : $"{personne.Prenom} {personne.Nom}";
                if (!retenus.TryGetValue(personne.Id, out var liens))
                {
                    var raison = parentsDePartis.TryGetValue(personne.Id, out var n)
                        ? n == 1 ? "son enfant a quitté l'établissement" : "ses enfants ont tous quitté l'établissement"
                        : contacts.Contains(personne.Id)
                            ? "simple contact (RESP_LEGAL 0), pas responsable légal : pas de compte"
                            : "rattaché(e) à aucun élève";
                    rapport.Ignorer(personne.Ou, Profil.Responsable, nomComplet, raison);
                    continue;
                }

                Personnes.Add(new PersonneImportee
                {
                    Profil = Profil.Responsable,
                    Cle = personne.Id,
                    Nom = personne.Nom,
                    Prenom = personne.Prenom,
                    Civilite = personne.Civilite,
                    Courriel = personne.Courriel,
                    Ou = personne.Ou,
                });
                Liens.AddRange(liens.Select(l => new LienImporte(l.EleveId, l.PersonneId, l.Parente, l.RangLegal, l.Ou)));
            }
        }

        /// <summary>
        /// Un fichier de responsables dont aucun lien ne mène à un élève du fichier des élèves : une seule erreur, pas
        /// une par personne (sinon tous les responsables déjà importés seraient marqués sortis).
        /// </summary>
        private bool SansLienUtile(LectureResponsables responsables)
        {
            var ou = new Localisation(responsables.Fichier);
            if (responsables.Personnes.Count > 0 && responsables.Liens.Count == 0)
            {
                rapport.Erreur(ou, $"le fichier contient {Libelles.Accorder(responsables.Personnes.Count, "personne", "personnes")} mais aucun lien responsable-élève (RESPONSABLE_ELEVE) : ce n'est pas un export des responsables complet, exportez à nouveau « ResponsablesAvecAdresses »");
                return true;
            }

            if (responsables.Liens.Count > 0 && !responsables.Liens.Any(l => presents.Contains(l.EleveId) || partis.Contains(l.EleveId)))
            {
                rapport.Erreur(ou, $"aucun des {Libelles.Accorder(responsables.Liens.Count, "lien", "liens")} responsable-élève ne désigne un élève de « {lecture.Fichier} » : les deux fichiers ne viennent pas du même export (ou du même établissement), exportez-les à nouveau le même jour");
                return true;
            }

            return false;
        }

        /// <summary>Les divisions des élèves présents ; la MEF d'une division est celle de la plupart de ses élèves.</summary>
        public List<ClasseImportee> Classes() => divisions
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var mef = g.Where(d => d.Mef is not null).GroupBy(d => d.Mef).OrderByDescending(m => m.Count()).ThenBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
                return new ClasseImportee(g.Key, null, mef, mef is null ? null : mefs.GetValueOrDefault(mef), null, null);
            })
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record EnTeteSiecle(string? Uai, int? Annee, bool Lu);

    private sealed record EleveSiecle(string Id, Localisation Ou, string? Ine, string Nom, string Prenom, DateOnly? Naissance, string? CodeMef, DateOnly? Sortie, string? Courriel);

    private sealed record PersonneSiecle(string Id, Localisation Ou, string? Civilite, string Nom, string Prenom, string? Courriel);

    private sealed record LienSiecle(string EleveId, string PersonneId, int RangLegal, LienParente Parente, Localisation Ou);

    private abstract class LectureExport(string fichier)
    {
        public string Fichier { get; } = fichier;

        public EnTeteSiecle EnTete { get; set; } = new(null, null, false);
    }

    private sealed class LectureEleves(string fichier) : LectureExport(fichier)
    {
        public Dictionary<string, EleveSiecle> Eleves { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> Divisions { get; } = new(StringComparer.Ordinal);
    }

    private sealed class LectureResponsables(string fichier) : LectureExport(fichier)
    {
        public Dictionary<string, PersonneSiecle> Personnes { get; } = new(StringComparer.Ordinal);

        public List<LienSiecle> Liens { get; } = [];
    }
}
