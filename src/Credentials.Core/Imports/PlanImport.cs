using System.Security.Cryptography;
using System.Text;
using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>Ce que la base contient déjà pour l'établissement : chargé une fois, indexé en mémoire.</summary>
internal sealed class EtatExistant(List<Classe> classes, List<Compte> comptes, List<Responsabilite> liens)
{
    public List<Classe> Classes { get; } = classes;

    public List<Compte> Comptes { get; } = comptes;

    public List<Responsabilite> Liens { get; } = liens;

    public static EtatExistant Vide() => new([], [], []);
}

internal sealed record Modification(Compte Compte, PersonneImportee Personne, List<Changement> Changements);

internal sealed record Sortie(Compte Compte, DateTime Date, string Raison);

internal sealed record LienACreer(PersonneImportee Responsable, PersonneImportee Eleve, LienParente Lien, int RangLegal);

/// <summary>
/// Le plan d'un import : la comparaison de la liste lue avec la base. Calculé pour l'aperçu, puis recalculé dans la
/// transaction de l'application, sur les données du moment, et appliqué tel quel.
/// </summary>
internal sealed class PlanImport
{
    private readonly Dictionary<int, Classe> classesParId;
    private readonly Dictionary<string, Classe> classesParCode;
    private readonly Dictionary<(Profil, string), Compte> comptesParCle = [];
    private readonly HashSet<long> reclames = [];
    private readonly Dictionary<(Profil, string), Compte> rapproches = [];

    private PlanImport(ListeImport liste, EtatExistant etat, DateTime maintenant)
    {
        Liste = liste;
        Etat = etat;
        Maintenant = maintenant;
        classesParId = etat.Classes.ToDictionary(c => c.Id);
        classesParCode = etat.Classes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var compte in etat.Comptes.Where(c => c.CleImport is not null).OrderBy(c => c.Id))
        {
            comptesParCle.TryAdd((compte.Profil, compte.CleImport!), compte);
        }
    }

    /// <summary>Le changement qui demande un nouvel identifiant, attribué à l'application.</summary>
    public const string ChampIdentifiant = "Identifiant";

    public ListeImport Liste { get; }

    public EtatExistant Etat { get; }

    public DateTime Maintenant { get; }

    public List<ClasseImportee> ClassesACreer { get; } = [];

    public List<(Classe Classe, ClasseImportee Donnees, List<Changement> Changements)> ClassesAModifier { get; } = [];

    public List<PersonneImportee> ACreer { get; } = [];

    public List<Modification> AModifier { get; } = [];

    public List<(Compte Compte, PersonneImportee Personne)> Inchanges { get; } = [];

    public List<Sortie> Sortants { get; } = [];

    public List<IgnoreImport> Ignores { get; } = [];

    public List<LienACreer> LiensACreer { get; } = [];

    public List<(Responsabilite Lien, LienImporte Donnees)> LiensAModifier { get; } = [];

    public List<Responsabilite> LiensASupprimer { get; } = [];

    public static PlanImport Calculer(ListeImport liste, EtatExistant etat, DateTime maintenant)
    {
        var plan = new PlanImport(liste, etat, maintenant);
        plan.Ignores.AddRange(liste.Ignores);
        plan.PlanifierClasses();
        plan.Rapprocher();
        plan.PlanifierComptes();
        plan.PlanifierSorties();
        plan.PlanifierLiens();
        return plan;
    }

    /// <summary>Vrai si appliquer ce plan change des lignes qui existent déjà (comptes, sorties, classes, liens), pas seulement en ajoute.</summary>
    public bool ModifieLesLignesExistantes => ClassesAModifier.Count + AModifier.Count + Sortants.Count + LiensAModifier.Count + LiensASupprimer.Count > 0;

    /// <summary>
    /// Compare un compte à ce que le fichier en dit et, si <paramref name="appliquer"/>, reporte les différences.
    /// Une seule fonction pour l'aperçu et l'application : ils ne peuvent pas diverger. Ce que le fichier ne dit pas
    /// (courriel, classe, date de naissance absents) ne vient jamais effacer ce que la base sait.
    /// </summary>
    public List<Changement> Comparer(Compte compte, PersonneImportee p, bool appliquer, IReadOnlyDictionary<string, Classe>? classes = null)
    {
        var changements = new List<Changement>();
        var naissance = p.DateNaissance ?? compte.DateNaissance;
        var civilite = p.Civilite ?? compte.Civilite;
        Comparer(changements, "Nom", compte.Nom, p.Nom);
        Comparer(changements, "Prénom", compte.Prenom, p.Prenom);
        Comparer(changements, "Date de naissance", Date(compte.DateNaissance), Date(naissance));
        Comparer(changements, "Civilité", compte.Civilite, civilite);
        var identite = changements.Count > 0;

        // A login never handed out may still follow a corrected name (« gragory » → « gregory »); once notified, never.
        var racine = Identifiants.Racine(p.Prenom, p.Nom);
        if (identite && compte.Etat == EtatCompte.NonNotifie && racine != compte.IdentifiantRacine)
        {
            changements.Add(new Changement(ChampIdentifiant, compte.Identifiant, $"{racine} (ou {racine}2, 3… s'il est pris)"));
        }

        var courriel = p.Courriel ?? compte.Courriel;
        var courrielChange = Comparer(changements, "Courriel", compte.Courriel, courriel);
        var langue = p.Langue ?? compte.Langue;
        var langueChange = Comparer(changements, "Langue", compte.Langue, langue);

        var classeActuelle = compte.ClasseId is { } id ? classesParId.GetValueOrDefault(id) : null;
        var codeClasse = p.CodeClasse ?? classeActuelle?.Code;
        var codeMef = p.CodeMef ?? compte.CodeMef;
        var libelleMef = p.LibelleMef ?? (codeMef == compte.CodeMef ? compte.LibelleMef : null);
        var scolarite = Comparer(changements, "Classe", classeActuelle?.Code, codeClasse)
            | Comparer(changements, "MEF", compte.CodeMef, codeMef)
            | Comparer(changements, "Libellé MEF", compte.LibelleMef, libelleMef);

        var ine = p.Ine ?? compte.Ine;
        var cles = Comparer(changements, "INE", compte.Ine, ine)
            | Comparer(changements, "Identifiant dans l'annuaire", compte.CleImport, p.Cle);

        var retour = compte.DateSortie is not null;
        if (retour)
        {
            changements.Add(new Changement("Sortie", Libelles.Date(compte.DateSortie), "de retour dans l'établissement"));
        }

        if (appliquer)
        {
            if (identite)
            {
                compte.ModifierIdentite(p.Nom, p.Prenom, naissance, civilite);
            }

            if (courrielChange)
            {
                compte.ModifierCourriel(courriel);
            }

            if (langueChange)
            {
                compte.DefinirLangue(langue);
            }

            if (scolarite)
            {
                var classe = codeClasse is null ? null : (classes ?? classesParCode).GetValueOrDefault(codeClasse);
                compte.Scolariser(classe, codeMef, libelleMef);
            }

            if (cles)
            {
                compte.DefinirCleImport(p.Cle, ine);
            }

            if (retour)
            {
                compte.Reintegrer();
            }
        }

        return changements;
    }

    /// <summary>Le compte existant que désigne une personne du fichier (après rapprochement), ou null s'il est à créer.</summary>
    public Compte? CompteDe(Profil profil, string cle) => rapproches.GetValueOrDefault((profil, cle));

    /// <summary>Une empreinte du plan : deux plans de même empreinte font exactement les mêmes changements.</summary>
    public string Empreinte()
    {
        var lignes = new List<string>();
        lignes.AddRange(ClassesACreer.Select(c => $"C+|{c}"));
        lignes.AddRange(ClassesAModifier.Select(c => $"C~|{c.Classe.Id}|{string.Join(';', c.Changements)}"));
        lignes.AddRange(ACreer.Select(p => $"+|{p}"));
        lignes.AddRange(AModifier.Select(m => $"~|{m.Compte.Id}|{string.Join(';', m.Changements)}"));
        // The reason, not the date: an account absent from the file leaves "now", which differs between preview and apply.
        lignes.AddRange(Sortants.Select(s => $"-|{s.Compte.Id}|{s.Raison}"));
        lignes.AddRange(LiensACreer.Select(l => $"L+|{l.Responsable.Profil}:{l.Responsable.Cle}|{l.Eleve.Cle}|{l.Lien}|{l.RangLegal}"));
        lignes.AddRange(LiensAModifier.Select(l => $"L~|{l.Lien.Id}|{l.Donnees.Lien}|{l.Donnees.RangLegal}"));
        lignes.AddRange(LiensASupprimer.Select(l => $"L-|{l.Id}"));
        lignes.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lignes)));
        return Convert.ToHexStringLower(hash)[..20];
    }

    private static bool Comparer(List<Changement> changements, string champ, string? avant, string? apres)
    {
        if (string.Equals(avant, apres, StringComparison.Ordinal))
        {
            return false;
        }

        changements.Add(new Changement(champ, avant, apres));
        return true;
    }

    private static string? Date(DateOnly? date) => date is { } d ? TexteImport.Date(d) : null;

    private void PlanifierClasses()
    {
        foreach (var c in Liste.Classes)
        {
            if (!classesParCode.TryGetValue(c.Code, out var classe))
            {
                ClassesACreer.Add(c);
                continue;
            }

            var changements = new List<Changement>();
            Comparer(changements, "Libellé", classe.Libelle, c.Libelle ?? classe.Libelle);
            Comparer(changements, "MEF", classe.CodeMef, c.CodeMef ?? classe.CodeMef);
            Comparer(changements, "Libellé MEF", classe.LibelleMef, c.LibelleMef ?? classe.LibelleMef);
            Comparer(changements, "Niveau", classe.Niveau, c.Niveau ?? classe.Niveau);
            Comparer(changements, "Identifiant dans l'annuaire", classe.CleImport, c.CleImport ?? classe.CleImport);
            if (changements.Count > 0)
            {
                ClassesAModifier.Add((classe, c, changements));
            }
        }
    }

    /// <summary>
    /// Retrouve le compte de chaque personne : par sa clé d'abord ; sinon un élève par son INE (passage d'un format
    /// à l'autre) ; sinon un responsable par son nom et un enfant commun (clé ONDE changée avec le courriel).
    /// </summary>
    private void Rapprocher()
    {
        var personnes = Liste.Personnes.Concat(Liste.Sortis).ToList();
        foreach (var p in personnes)
        {
            if (comptesParCle.TryGetValue((p.Profil, p.Cle), out var compte))
            {
                Reclamer(p, compte);
            }
        }

        var parIne = Etat.Comptes
            .Where(c => c.Profil == Profil.Eleve && c.Ine is not null && !reclames.Contains(c.Id))
            .GroupBy(c => c.Ine!)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single());
        foreach (var p in personnes.Where(p => p.Profil == Profil.Eleve && p.Ine is not null && !rapproches.ContainsKey((p.Profil, p.Cle))))
        {
            if (parIne.TryGetValue(p.Ine!, out var compte) && !reclames.Contains(compte.Id))
            {
                Reclamer(p, compte);
            }
        }

        var comptesParId = Etat.Comptes.ToDictionary(c => c.Id);
        var responsablesDe = Etat.Liens.ToLookup(l => l.EleveId, l => l.ResponsableId);
        var enfantsDansFichier = Liste.Liens.ToLookup(l => l.CleResponsable, l => l.CleEleve);
        foreach (var p in Liste.Personnes.Where(p => p.Profil == Profil.Responsable && !rapproches.ContainsKey((p.Profil, p.Cle))))
        {
            var nom = (TexteImport.CleNom(p.Nom), TexteImport.CleNom(p.Prenom));
            var candidats = enfantsDansFichier[p.Cle]
                .Select(e => CompteDe(Profil.Eleve, e))
                .OfType<Compte>()
                .SelectMany(e => responsablesDe[e.Id])
                .Distinct()
                .Select(comptesParId.GetValueOrDefault)
                .OfType<Compte>()
                .Where(c => c.Origine == OrigineCompte.AnnuaireFederateur && !reclames.Contains(c.Id)
                    && (TexteImport.CleNom(c.Nom), TexteImport.CleNom(c.Prenom)) == nom)
                .ToList();
            if (candidats.Count == 1)
            {
                Reclamer(p, candidats[0]);
            }
        }
    }

    private void Reclamer(PersonneImportee p, Compte compte)
    {
        reclames.Add(compte.Id);
        rapproches[(p.Profil, p.Cle)] = compte;
    }

    private void PlanifierComptes()
    {
        foreach (var p in Liste.Personnes)
        {
            var compte = CompteDe(p.Profil, p.Cle);
            if (compte is null)
            {
                ACreer.Add(p);
                continue;
            }

            var changements = Comparer(compte, p, appliquer: false);
            if (changements.Count == 0)
            {
                Inchanges.Add((compte, p));
            }
            else
            {
                AModifier.Add(new Modification(compte, p, changements));
            }
        }
    }

    private void PlanifierSorties()
    {
        foreach (var p in Liste.Sortis)
        {
            var raison = p.DateSortie is { } d ? $"a quitté l'établissement le {TexteImport.Date(d)}" : p.MotifSortie ?? "a quitté l'établissement";
            var compte = CompteDe(p.Profil, p.Cle);
            if (compte is null)
            {
                Ignores.Add(new IgnoreImport(p.Ou, p.Profil, p.NomComplet, raison));
            }
            else if (compte.DateSortie is null)
            {
                Sortants.Add(new Sortie(compte, p.DateSortie?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? Maintenant, raison));
            }
        }

        foreach (var compte in Etat.Comptes)
        {
            if (compte.Origine == OrigineCompte.AnnuaireFederateur && Liste.ProfilsCouverts.Contains(compte.Profil)
                && !compte.Externe && compte.DateSortie is null && !reclames.Contains(compte.Id))
            {
                Sortants.Add(new Sortie(compte, Maintenant, "absent(e) du fichier"));
            }
        }
    }

    private void PlanifierLiens()
    {
        var personnes = Liste.Personnes.ToDictionary(p => (p.Profil, p.Cle));
        var existants = Etat.Liens.ToDictionary(l => (l.ResponsableId, l.EleveId));
        var voulus = new HashSet<(long, long)>();
        foreach (var lien in Liste.Liens)
        {
            if (!personnes.TryGetValue((Profil.Responsable, lien.CleResponsable), out var responsable)
                || !personnes.TryGetValue((Profil.Eleve, lien.CleEleve), out var eleve))
            {
                continue;
            }

            var compteResponsable = CompteDe(Profil.Responsable, lien.CleResponsable);
            var compteEleve = CompteDe(Profil.Eleve, lien.CleEleve);
            if (compteResponsable is null || compteEleve is null)
            {
                LiensACreer.Add(new LienACreer(responsable, eleve, lien.Lien, lien.RangLegal));
                continue;
            }

            var paire = (compteResponsable.Id, compteEleve.Id);
            if (!voulus.Add(paire))
            {
                continue;
            }

            if (!existants.TryGetValue(paire, out var existant))
            {
                LiensACreer.Add(new LienACreer(responsable, eleve, lien.Lien, lien.RangLegal));
            }
            else if (existant.Lien != lien.Lien || existant.RangLegal != lien.RangLegal)
            {
                LiensAModifier.Add((existant, lien));
            }
        }

        // A pupil present in the file has exactly the imported guardians the file gives; links to guardians
        // created by hand, the links of pupils who left, and all links when the file has no guardians, are kept.
        if (!Liste.ProfilsCouverts.Contains(Profil.Responsable))
        {
            return;
        }

        var presents = Liste.Personnes.Where(p => p.Profil == Profil.Eleve).Select(p => CompteDe(p.Profil, p.Cle)?.Id).OfType<long>().ToHashSet();
        var importes = Etat.Comptes.Where(c => c.Origine == OrigineCompte.AnnuaireFederateur).Select(c => c.Id).ToHashSet();
        LiensASupprimer.AddRange(Etat.Liens.Where(l =>
            presents.Contains(l.EleveId) && importes.Contains(l.ResponsableId) && !voulus.Contains((l.ResponsableId, l.EleveId))));
    }
}
