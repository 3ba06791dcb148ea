using System.Diagnostics;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Exploitation;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Credentials.Core.Imports;

/// <summary>
/// Compare une liste lue (SIECLE, ONDE, tableur) aux comptes d'un établissement : l'aperçu dit ce qui changerait ;
/// l'application recalcule ce plan dans une transaction et l'applique en entier ou pas du tout. Un import ne touche
/// jamais à l'état d'un compte, à son identifiant ni à ses mots de passe ; un compte absent du fichier est marqué
/// sorti (gardé, bloqué), jamais supprimé.
/// </summary>
public sealed class ServiceImport(CredentialsDbContext db, TimeProvider horloge, OptionsImport options, ILogger<ServiceImport> logger)
{
    /// <summary>Ce que l'import ferait, sans rien écrire.</summary>
    public async Task<ApercuImport> ApercevoirAsync(ListeImport liste, DemandeImport demande, CancellationToken ct = default)
    {
        Exiger(demande);
        var preparation = await PreparerAsync(liste, demande, ct);
        return preparation.Plan is null ? preparation.Refus! : Apercu(preparation, preparation.Plan, []);
    }

    /// <summary>
    /// Applique l'import dans une seule transaction : tout ou rien. Le plan est recalculé sur les données du moment ;
    /// si <paramref name="empreinteApprouvee"/> est donnée (celle de l'aperçu montré) et que le plan a changé depuis,
    /// rien n'est appliqué et le nouveau plan est renvoyé pour être revu.
    /// </summary>
    public async Task<ResultatImport> AppliquerAsync(ListeImport liste, DemandeImport demande, string? empreinteApprouvee = null, CancellationToken ct = default)
    {
        Exiger(demande);
        var chrono = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var preparation = await PreparerAsync(liste, demande, ct);
            if (preparation.Plan is not { } plan)
            {
                return new ResultatImport(false, preparation.Refus!, null, []);
            }

            if (empreinteApprouvee is not null && empreinteApprouvee != plan.Empreinte())
            {
                var change = new ErreurImport(Localisation.Aucune, "les comptes de l'établissement ont changé depuis l'aperçu : rien n'a été appliqué, vérifiez le nouvel aperçu puis confirmez");
                return new ResultatImport(false, Apercu(preparation, plan, [change]), null, []);
            }

            var etablissement = preparation.Etablissement ?? await CreerEtablissementAsync(demande, ct);
            var (crees, evenement, apercu) = await ExecuterAsync(plan, etablissement, preparation, demande, ct);
            await transaction.CommitAsync(ct);
            Metriques.ImportsAppliques.Add(1);
            logger.LogInformation(
                "Import {Source} applied to {Uai} by {Auteur} in {Elapsed} ms: {Created} created, {Updated} updated, {Unchanged} unchanged, {Left} marked left, {Ignored} ignored",
                liste.Source, etablissement.Uai, demande.Auteur, chrono.ElapsedMilliseconds, apercu.ACreer.Count, apercu.AModifier.Count, apercu.Inchanges.Count, apercu.Sortants.Count, apercu.Ignores.Count);
            return new ResultatImport(true, apercu, evenement?.Id, crees);
        }
        catch (DbUpdateException ex)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "Import {Source} to {Uai} rolled back: concurrent change", liste.Source, demande.Uai);
            var erreur = new ErreurImport(
                Localisation.Aucune,
                "des comptes de l'établissement ont été modifiés pendant l'import (par une autre personne ou un autre import) : rien n'a été appliqué, recommencez");
            return new ResultatImport(false, Refus(liste, demande, [erreur]), null, []);
        }
    }

    /// <summary>L'année scolaire en cours selon l'horloge : de septembre à août (2025 = 2025-2026).</summary>
    public int AnneeScolaireCourante()
    {
        var aujourdhui = Libelles.HeureLocale(horloge.GetUtcNow().UtcDateTime);
        return aujourdhui.Month >= 9 ? aujourdhui.Year : aujourdhui.Year - 1;
    }

    private async Task<Preparation> PreparerAsync(ListeImport liste, DemandeImport demande, CancellationToken ct)
    {
        var erreurs = new List<ErreurImport>(liste.Erreurs);
        var uai = Etablissement.NormaliserUai(demande.Uai);
        var ouEntete = new Localisation(liste.Fichiers.Count > 0 ? liste.Fichiers[0] : "", null, "PARAMETRES");
        if (!Etablissement.UaiValide(uai))
        {
            erreurs.Add(new ErreurImport(Localisation.Aucune, $"l'UAI « {demande.Uai} » n'est pas valide (7 chiffres et une lettre, par exemple 0450750W)"));
            return new Preparation(uai, null, null, null, Refus(liste, demande, erreurs));
        }

        // Read without EF's query pipeline, as the school's accounts below: its first query cost a CLI import 0.2 s.
        var etablissement = (await LectureDirecte.ListerAsync<Etablissement>(db, nameof(Etablissement.Uai), uai, ct)).SingleOrDefault();
        if (etablissement is null && !demande.CreerEtablissement)
        {
            erreurs.Add(new ErreurImport(Localisation.Aucune, $"aucun établissement n'a l'UAI {uai} : créez-le d'abord"));
        }

        if (liste.Uai is { } uaiFichier && uaiFichier != uai)
        {
            erreurs.Add(new ErreurImport(ouEntete with { Element = "UAJ" }, $"ces fichiers sont ceux de l'établissement {uaiFichier}, pas de {uai}{(etablissement is null ? "" : $" ({etablissement.Nom})")} : vérifiez l'établissement choisi ou les fichiers"));
        }

        var attendue = demande.AnneeConfirmee ?? etablissement?.AnneeScolaire ?? AnneeScolaireCourante();
        int? aConfirmer = null;
        if (liste.AnneeScolaire is { } anneeFichier && anneeFichier != attendue)
        {
            var fichier = TexteImport.Annee(anneeFichier);
            if (demande.AnneeConfirmee is { } confirmee)
            {
                erreurs.Add(new ErreurImport(ouEntete with { Element = "ANNEE_SCOLAIRE" }, $"ces fichiers sont de l'année scolaire {fichier}, pas de {TexteImport.Annee(confirmee)} comme confirmé"));
            }
            else
            {
                aConfirmer = anneeFichier;
                var reference = etablissement?.AnneeScolaire is null ? "l'année scolaire en cours est" : "l'établissement en est à";
                erreurs.Add(new ErreurImport(ouEntete with { Element = "ANNEE_SCOLAIRE" }, $"ces fichiers sont de l'année scolaire {fichier}, alors que {reference} {TexteImport.Annee(attendue)} : confirmez l'année {fichier} pour les importer"));
            }
        }

        erreurs.AddRange(VerifierLongueurs(liste));
        if (erreurs.Count > 0)
        {
            return new Preparation(uai, etablissement, null, null, Refus(liste, demande, erreurs, etablissement, aConfirmer));
        }

        var etat = etablissement is null ? EtatExistant.Vide() : await ChargerAsync(etablissement.Id, ct);
        var annee = liste.AnneeScolaire ?? demande.AnneeConfirmee ?? etablissement?.AnneeScolaire ?? AnneeScolaireCourante();
        var plan = PlanImport.Calculer(liste, etat, horloge.GetUtcNow().UtcDateTime);
        return new Preparation(uai, etablissement, annee, plan, null);
    }

    /// <summary>
    /// Les classes, les comptes et les liens de l'établissement, lus sans suivi par <see cref="LectureDirecte"/>, même pour
    /// l'application : un réimport ne change le plus souvent rien, et suivre des milliers de comptes coûtait leurs copies
    /// et trois comparaisons complètes ; <see cref="ExecuterAsync"/> attache ce qu'il change.
    /// </summary>
    private async Task<EtatExistant> ChargerAsync(int etablissementId, CancellationToken ct)
    {
        return new EtatExistant(
            await LectureDirecte.ListerAsync<Classe>(db, nameof(Classe.EtablissementId), etablissementId, ct),
            await LectureDirecte.ListerAsync<Compte>(db, nameof(Compte.EtablissementId), etablissementId, ct),
            await LectureDirecte.ListerParParentAsync<Responsabilite, Compte>(db, nameof(Responsabilite.EleveId), nameof(Compte.EtablissementId), etablissementId, ct));
    }

    private async Task<Etablissement> CreerEtablissementAsync(DemandeImport demande, CancellationToken ct)
    {
        var uai = Etablissement.NormaliserUai(demande.Uai);
        var etablissement = new Etablissement(uai, string.IsNullOrWhiteSpace(demande.NomEtablissement) ? $"Établissement {uai}" : demande.NomEtablissement);
        await EcritureEnLot.InsererAsync(db, [etablissement], [nameof(Etablissement.Uai)], ct);
        return etablissement;
    }

    /// <summary>
    /// Écrit le plan. Les lignes nouvelles (classes, comptes, liens, entrée du journal) sont insérées sans être suivies
    /// (<see cref="EcritureEnLot.InsererAsync{T}"/>), et la version de l'établissement écrite par un <c>UPDATE</c>
    /// vérifié : un premier import ou un réimport qui ne fait qu'ajouter ne met jamais en route le suivi des
    /// modifications d'EF ni <c>SaveChanges</c>, qu'un processus neuf payait 0,3 s. Seul ce que l'import change dans
    /// des lignes existantes (comptes, sorties, classes, liens) passe par le suivi, ces lignes attachées d'abord.
    /// </summary>
    private async Task<(List<CompteCree>, Evenement?, ApercuImport)> ExecuterAsync(PlanImport plan, Etablissement etablissement, Preparation preparation, DemandeImport demande, CancellationToken ct)
    {
        var maintenant = plan.Maintenant;
        var annee = preparation.Annee!.Value;
        var anneeLue = preparation.Etablissement?.AnneeScolaire;

        // The school's version moves first, checked against the one read: two imports of one school cannot both commit
        // (on PostgreSQL the second waits for the first's row lock, then finds the version moved).
        var versionLue = etablissement.Version;
        etablissement.DefinirAnneeScolaire(annee);
        await EcritureEnLot.MettreAJourAsync(db, etablissement, versionLue, [nameof(Etablissement.AnneeScolaire)], ct);

        // What this import changes in existing rows goes through EF's tracking, and only then: an import that only adds (or
        // the same files again, which write nothing more) never starts it. The school and its classes (read untracked,
        // PreparerAsync) are attached first, as a tracking query would leave them, so that a changed account placed in one
        // of them is not taken for a new row; the accounts this import changes are attached before they change, with the
        // values read as originals (the version check of EcritureEnLot).
        var suivi = plan.ModifieLesLignesExistantes;
        if (suivi)
        {
            db.Attach(etablissement);
            db.AttachRange(plan.Etat.Classes);
            db.AttachRange(plan.AModifier.Select(m => m.Compte).Concat(plan.Sortants.Select(s => s.Compte)).Distinct());
        }

        // Classes first: accounts are then placed in classes that have an id.
        var classes = plan.Etat.Classes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var nouvellesClasses = new List<Classe>(plan.ClassesACreer.Count);
        foreach (var c in plan.ClassesACreer)
        {
            var classe = new Classe(etablissement, c.Code);
            classe.Decrire(c.Libelle, c.CodeMef, c.LibelleMef, c.Niveau, c.CleImport);
            nouvellesClasses.Add(classe);
            classes[c.Code] = classe;
        }

        await EcritureEnLot.InsererAsync(db, nouvellesClasses, [nameof(Classe.Code)], ct);
        if (suivi)
        {
            db.AttachRange(nouvellesClasses);
        }

        foreach (var (classe, c, _) in plan.ClassesAModifier)
        {
            classe.Decrire(c.Libelle ?? classe.Libelle, c.CodeMef ?? classe.CodeMef, c.LibelleMef ?? classe.LibelleMef, c.Niveau ?? classe.Niveau, c.CleImport);
        }

        // One attribution for corrected and new logins: a corrected name cannot take a login a new account gets.
        var attribution = new AttributionIdentifiants();
        var renommes = plan.AModifier.Where(m => m.Changements.Any(c => c.Champ == PlanImport.ChampIdentifiant)).ToList();
        await attribution.PreparerAsync(db, renommes.Select(m => (m.Personne.Prenom, m.Personne.Nom)), ct);
        var nouveaux = await CreerComptesAsync(plan, etablissement, classes, attribution, maintenant, ct);

        // The changed accounts are written below in one grouped UPDATE per batch (EcritureEnLot), with the journal.
        foreach (var m in plan.AModifier)
        {
            plan.Comparer(m.Compte, m.Personne, appliquer: true, classes);
        }

        foreach (var m in renommes)
        {
            m.Compte.CorrigerIdentifiant(attribution.Attribuer(m.Personne.Prenom, m.Personne.Nom));
        }

        foreach (var s in plan.Sortants)
        {
            s.Compte.MarquerSorti(s.Date);
        }

        Compte CompteDe(PersonneImportee p) => plan.CompteDe(p.Profil, p.Cle) ?? nouveaux[(p.Profil, p.Cle)];
        var liens = plan.LiensACreer.Select(l => new Responsabilite(CompteDe(l.Responsable), CompteDe(l.Eleve), l.Lien, l.RangLegal)).ToList();

        // A pair (guardian, pupil) is unique; no link removed below has the pair of a new one.
        await EcritureEnLot.InsererAsync(db, liens, [nameof(Responsabilite.ResponsableId), nameof(Responsabilite.EleveId)], ct);

        foreach (var (lien, donnees) in plan.LiensAModifier)
        {
            db.Attach(lien);
            lien.Modifier(donnees.Lien, donnees.RangLegal);
        }

        var touches = nouveaux.Values.Select(c => c.Id)
            .Concat(plan.AModifier.Select(m => m.Compte.Id))
            .Concat(plan.Sortants.Select(s => s.Compte.Id))
            .ToList();
        var apercu = Apercu(preparation, plan, [], applique: true);
        Evenement? evenement = null;

        // A re-import that changes nothing leaves no trace in the journal (the school's version still moved, above).
        if (apercu.ADesChangements || anneeLue != annee)
        {
            var resume = apercu.Resume;
            var auteur = Portee.Cli(etablissement.Id) with { Auteur = demande.Auteur };
            var canal = plan.Liste.Source switch { SourceImport.Siecle => Canal.Siecle, SourceImport.Onde => Canal.Onde, _ => Canal.Tableur };
            evenement = await EcritureJournal.EcrireAsync(db, auteur, maintenant, ActionJournal.Import, canal, touches, resume.Length <= 4000 ? resume : resume[..3999] + "…", ct);
        }

        if (suivi)
        {
            db.Responsabilites.RemoveRange(plan.LiensASupprimer);
            await EcritureEnLot.EnregistrerAsync(db, ct);
        }

        var crees = nouveaux.Values.Select(c => new CompteCree(c.Id, c.Profil, c.Identifiant, c.Nom, c.Prenom)).ToList();
        return (crees, evenement, apercu);
    }

    /// <summary>Crée les comptes par lots : une requête d'identifiants pour tous, une insertion groupée par lot.</summary>
    private async Task<Dictionary<(Profil, string), Compte>> CreerComptesAsync(
        PlanImport plan, Etablissement etablissement, Dictionary<string, Classe> classes, AttributionIdentifiants attribution, DateTime maintenant, CancellationToken ct)
    {
        var nouveaux = new Dictionary<(Profil, string), Compte>();
        await attribution.PreparerAsync(db, plan.ACreer.Select(p => (p.Prenom, p.Nom)), ct);
        foreach (var lot in plan.ACreer.Chunk(Math.Max(1, options.TailleLot)))
        {
            var comptes = new List<Compte>(lot.Length);
            foreach (var p in lot)
            {
                var compte = new Compte(etablissement, p.Profil, p.Nom, p.Prenom, attribution.Attribuer(p.Prenom, p.Nom), OrigineCompte.AnnuaireFederateur, maintenant);
                compte.ModifierIdentite(p.Nom, p.Prenom, p.DateNaissance, p.Civilite);
                compte.ModifierCourriel(p.Courriel);
                if (p.Langue is not null)
                {
                    compte.DefinirLangue(p.Langue);
                }

                if (p.CodeClasse is not null || p.CodeMef is not null)
                {
                    compte.Scolariser(p.CodeClasse is null ? null : classes.GetValueOrDefault(p.CodeClasse), p.CodeMef, p.LibelleMef);
                }

                compte.DefinirCleImport(p.Cle, p.Ine);
                comptes.Add(compte);
                nouveaux[(p.Profil, p.Cle)] = compte;
            }

            // Grouped INSERT … RETURNING: EF's one INSERT per row cost about 0.5 ms each, and tracking them as much again.
            await EcritureEnLot.InsererAsync(db, comptes, [nameof(Compte.Identifiant)], ct);
        }

        return nouveaux;
    }

    /// <summary>Les longueurs que la base impose, vérifiées avant d'écrire (PostgreSQL refuserait l'enregistrement au milieu de la transaction).</summary>
    private static IEnumerable<ErreurImport> VerifierLongueurs(ListeImport liste)
    {
        foreach (var p in liste.Personnes.Concat(liste.Sortis))
        {
            foreach (var (champ, valeur, max) in new[]
            {
                ("le nom", p.Nom, 100), ("le prénom", p.Prenom, 100), ("le courriel", p.Courriel, 254),
                ("l'identifiant", p.Cle, 100), ("l'INE", p.Ine, 20), ("le code MEF", p.CodeMef, 20),
                ("le libellé de MEF", p.LibelleMef, 200), ("la civilité", p.Civilite, 10), ("la classe", p.CodeClasse, 50),
            })
            {
                if (valeur is not null && valeur.Length > max)
                {
                    yield return new ErreurImport(p.Ou, $"{champ} de {p.NomComplet} dépasse {max} caractères");
                }
            }
        }

        foreach (var c in liste.Classes.Where(c => c.Libelle?.Length > 200 || c.Niveau?.Length > 50 || c.CleImport?.Length > 50))
        {
            yield return new ErreurImport(new Localisation(liste.Fichiers.Count > 0 ? liste.Fichiers[0] : ""), $"la description de la classe « {c.Code} » est trop longue");
        }
    }

    /// <summary>
    /// Ce que le plan fait, pour l'aperçu ou le compte rendu. Un plan appliqué n'a pas d'<see cref="ApercuImport.Empreinte"/> :
    /// elle ne sert qu'à confirmer un aperçu, et la calculer sur 6 500 personnes coûtait 0,1 s à l'import.
    /// </summary>
    private static ApercuImport Apercu(Preparation preparation, PlanImport plan, List<ErreurImport> erreurs, bool applique = false)
    {
        var liste = plan.Liste;
        return new ApercuImport
        {
            Source = liste.Source,
            Fichiers = liste.Fichiers,
            Uai = preparation.Uai,
            NomEtablissement = preparation.Etablissement?.Nom,
            EtablissementACreer = preparation.Etablissement is null,
            AnneeScolaire = preparation.Annee,
            ACreer = plan.ACreer.Select(p => new CompteACreer(p.Profil, p.Cle, p.Nom, p.Prenom, p.DateNaissance, p.CodeClasse, p.Courriel)).ToList(),
            AModifier = plan.AModifier.Select(m => new CompteAModifier(m.Compte.Id, m.Compte.Identifiant, m.Compte.Profil, m.Personne.Nom, m.Personne.Prenom, m.Changements)).ToList(),
            Inchanges = plan.Inchanges.Select(i => new CompteInchange(i.Compte.Id, i.Compte.Identifiant, i.Compte.Profil)).ToList(),
            Sortants = plan.Sortants.Select(s => new CompteSortant(s.Compte.Id, s.Compte.Identifiant, s.Compte.Profil, s.Compte.Nom, s.Compte.Prenom, s.Date, s.Raison)).ToList(),
            Classes = [
                .. plan.ClassesACreer.Select(c => new ClasseAImporter(c.Code, true, [])),
                .. plan.ClassesAModifier.Select(c => new ClasseAImporter(c.Classe.Code, false, c.Changements)),
            ],
            LiensACreer = plan.LiensACreer.Count,
            LiensAModifier = plan.LiensAModifier.Count,
            LiensASupprimer = plan.LiensASupprimer.Count,
            Ignores = plan.Ignores,
            Erreurs = erreurs,
            Avertissements = liste.Avertissements,
            Empreinte = applique ? "" : plan.Empreinte(),
        };
    }

    private static ApercuImport Refus(ListeImport liste, DemandeImport demande, List<ErreurImport> erreurs, Etablissement? etablissement = null, int? aConfirmer = null) => new()
    {
        Source = liste.Source,
        Fichiers = liste.Fichiers,
        Uai = Etablissement.NormaliserUai(demande.Uai),
        NomEtablissement = etablissement?.Nom,
        AnneeScolaire = liste.AnneeScolaire,
        AnneeAConfirmer = aConfirmer,
        // A refused file shows its errors, not the people it would have ignored.
        Erreurs = erreurs,
        Avertissements = liste.Avertissements,
    };

    private sealed record Preparation(string Uai, Etablissement? Etablissement, int? Annee, PlanImport? Plan, ApercuImport? Refus);

    /// <summary>La case « importer » de la matrice pour ce rôle ; seul l'opérateur (la CLI) crée un établissement.</summary>
    private static void Exiger(DemandeImport demande)
    {
        Autorisations.Exiger(demande.Role, Operation.Importer);
        if (demande.CreerEtablissement && demande.Role != RoleConsole.Operateur)
        {
            throw new ErreurMetier("Seul l'opérateur du serveur (la CLI) peut créer un établissement.", CodeErreur.AccesRefuse);
        }
    }

}
