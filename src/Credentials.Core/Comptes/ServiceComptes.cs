using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Comptes;

/// <summary>Un compte laissé de côté par une action, et pourquoi.</summary>
public sealed record CompteIgnore(long CompteId, string NomComplet, string Identifiant, string Raison);

/// <summary>Ce qu'une action sur une sélection a produit : les fiches à imprimer ou envoyer, et ce qui a été ignoré.</summary>
public sealed record ResultatLot(IReadOnlyList<FicheCompte> Fiches, IReadOnlyList<CompteIgnore> Ignores)
{
    public int NouveauxMotsDePasse { get; init; }

    public int Rappels => Fiches.Count(f => f.Variante == VarianteFiche.Rappel);

    /// <summary>
    /// L'entrée du journal qui consigne l'action (pour réimprimer les mêmes comptes) ; 0 tant qu'elle n'est
    /// pas enregistrée (lu après <see cref="ServiceComptes.EnregistrerAsync"/> pour un lot préparé).
    /// </summary>
    public long EvenementId => Evenement?.Id ?? 0;

    public Evenement? Evenement { get; init; }
}

/// <summary>Les codes de renouvellement émis, en clair une seule fois.</summary>
public sealed record CodeEmis(long CompteId, string NomComplet, string Identifiant, string Code, DateTime ExpireLe);

/// <summary>Combien de comptes une action toucherait, par état : de quoi écrire la confirmation.</summary>
public sealed record ApercuSelection(int Total, int NonNotifies, int NonActives, int Actives, int Bloques)
{
    /// <summary>Parmi les bloqués, ceux que l'établissement a bloqués (les autres sont seulement sortis) ; compté par la confirmation.</summary>
    public int BloquesParEtablissement { get; init; }

    /// <summary>Additionne des comptages par état et blocage (les comptes bloqués comptent aussi dans leur état).</summary>
    public static ApercuSelection Compter(IReadOnlyCollection<(EtatCompte Etat, bool Bloque, int Nombre)> comptages) => new(
        comptages.Sum(c => c.Nombre),
        comptages.Where(c => c.Etat == EtatCompte.NonNotifie).Sum(c => c.Nombre),
        comptages.Where(c => c.Etat == EtatCompte.NotifieNonActive).Sum(c => c.Nombre),
        comptages.Where(c => c.Etat == EtatCompte.Active).Sum(c => c.Nombre),
        comptages.Where(c => c.Bloque).Sum(c => c.Nombre));
}

/// <summary>
/// Le service des identifiants : il applique les règles d'état de <see cref="Compte"/> à une sélection,
/// en un lot (une requête pour charger, un enregistrement pour tout écrire, journal compris), et produit
/// les fiches que les documents et les courriels mettent en forme. La console et la CLI l'appellent tous deux.
/// </summary>
public sealed class ServiceComptes(CredentialsDbContext db, OutilsSecrets outils)
{
    public async Task<ApercuSelection> ApercuAsync(Portee portee, CriteresComptes criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var parEtat = await db.Comptes.AsNoTracking().Filtrer(portee, criteres)
            .GroupBy(c => new { c.Etat, c.Bloque, ParEtablissement = c.BloqueLe != null })
            .Select(g => new { g.Key.Etat, g.Key.Bloque, g.Key.ParEtablissement, Nombre = g.Count() })
            .ToListAsync(ct);
        return ApercuSelection.Compter(parEtat.Select(g => (g.Etat, g.Bloque, g.Nombre)).ToList())
            with { BloquesParEtablissement = parEtat.Where(g => g.ParEtablissement).Sum(g => g.Nombre) };
    }

    /// <summary>(Re)notifie la sélection : chaque compte suit sa règle d'état ; les comptes bloqués sont ignorés.</summary>
    public Task<ResultatLot> NotifierAsync(Portee portee, DemandeNotification demande, CancellationToken ct = default) =>
        AppliquerAsync(portee, demande.Criteres, ActionJournal.Notification, demande.Canal, demande.Reinitialiser, (compte, o) => compte.Notifier(demande.Reinitialiser, o), enregistrer: true, ct);

    /// <summary>
    /// Comme <see cref="NotifierAsync"/>, sans enregistrer : les changements d'état et l'entrée du journal
    /// restent dans le contexte pour que l'appelant y ajoute les siens (les courriels de la boîte d'envoi)
    /// et enregistre le tout en une transaction avec <see cref="EnregistrerAsync"/>.
    /// </summary>
    public Task<ResultatLot> PreparerNotificationAsync(Portee portee, DemandeNotification demande, CancellationToken ct = default) =>
        AppliquerAsync(portee, demande.Criteres, ActionJournal.Notification, demande.Canal, demande.Reinitialiser, (compte, o) => compte.Notifier(demande.Reinitialiser, o), enregistrer: false, ct);

    /// <summary>
    /// Comme la notification préparée ci-dessus, les comptes étant rattachés à une entrée du journal déjà ouverte
    /// (un publipostage de plusieurs profils est une seule action).
    /// </summary>
    public Task<ResultatLot> PreparerNotificationAsync(Portee portee, CriteresComptes criteres, Evenement entree, CancellationToken ct = default) =>
        AppliquerAsync(portee, criteres, entree.Action, entree.Canal ?? Canal.Courrier, false, (compte, o) => compte.Notifier(false, o), enregistrer: false, ct, entree);

    /// <summary>Réinitialise sans enregistrer (le document est construit avant, puis tout est enregistré ensemble).</summary>
    public Task<ResultatLot> PreparerReinitialisationAsync(Portee portee, CriteresComptes criteres, Canal canal, CancellationToken ct = default) =>
        AppliquerAsync(portee, criteres, ActionJournal.ReinitialisationMotDePasse, canal, true, (compte, o) => compte.ReinitialiserMotDePasse(o), enregistrer: false, ct);

    /// <summary>Réinitialise les mots de passe de la sélection (nouveau mot de passe provisoire pour chacun).</summary>
    public Task<ResultatLot> ReinitialiserAsync(Portee portee, CriteresComptes criteres, Canal canal, CancellationToken ct = default) =>
        AppliquerAsync(portee, criteres, ActionJournal.ReinitialisationMotDePasse, canal, true, (compte, o) => compte.ReinitialiserMotDePasse(o), enregistrer: true, ct);

    /// <summary>Les fiches de la sélection sans rien changer (listes PDF et CSV) ; la divulgation est consignée.</summary>
    public async Task<IReadOnlyList<FicheCompte>> ListerAsync(Portee portee, DemandeListe demande, CancellationToken ct = default)
    {
        var (fiches, _) = await PreparerListeAsync(portee, demande, ct);
        await EnregistrerAsync(ct);
        return fiches;
    }

    /// <summary>Comme <see cref="ListerAsync"/>, sans enregistrer l'entrée du journal (rendue avec les fiches).</summary>
    public async Task<(IReadOnlyList<FicheCompte> Fiches, Evenement Evenement)> PreparerListeAsync(Portee portee, DemandeListe demande, CancellationToken ct = default)
    {
        var (criteres, canal) = (demande.Criteres, demande.Format);
        portee.Exiger(canal == Canal.Csv ? Operation.ExporterCsv : Operation.ListerPdf);

        var comptes = await Charger(portee, criteres, suivre: false).ToListAsync(ct);
        var fiches = await AvecEnfantsAsync(portee, comptes.Select(c => Fiche(c, c.Etat == EtatCompte.Active ? VarianteFiche.Rappel : VarianteFiche.Identifiants, c.MotDePasseProvisoire(outils))).ToList(), ct);
        var evenement = EcritureJournal.Consigner(db, portee, outils.Maintenant, canal == Canal.Csv ? ActionJournal.ExportCsv : ActionJournal.ListeComptes, canal, comptes.Select(c => c.Id).ToList());
        return (fiches, evenement);
    }

    /// <summary>
    /// Bloque (au nom de l'auteur de la portée, avec un motif facultatif) ou débloque la sélection ; les comptes
    /// déjà dans l'état voulu sont signalés. Seul le blocage de l'établissement change : un compte sorti le reste.
    /// </summary>
    public async Task<ResultatLot> BloquerAsync(Portee portee, DemandeBlocage demande, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Bloquer);
        var (criteres, bloquer, motif) = (demande.Criteres, demande.Bloquer, demande.Motif);
        var comptes = await Charger(portee, criteres, suivre: true).ToListAsync(ct);
        var ignores = new List<CompteIgnore>();
        var changes = new List<long>();
        foreach (var compte in comptes)
        {
            var resultat = bloquer ? compte.Bloquer(portee.Auteur, motif, outils.Maintenant) : compte.Debloquer();
            if (resultat.Refus is { } refus)
            {
                ignores.Add(new CompteIgnore(compte.Id, compte.NomComplet, compte.Identifiant, refus.Message));
            }
            else
            {
                changes.Add(compte.Id);
            }
        }

        EcritureJournal.Consigner(db, portee, outils.Maintenant, bloquer ? ActionJournal.Blocage : ActionJournal.Deblocage, null, changes);
        await EnregistrerAsync(ct);
        return new ResultatLot(comptes.Where(c => changes.Contains(c.Id)).Select(c => Fiche(c, VarianteFiche.Rappel, null)).ToList(), ignores);
    }

    /// <summary>Émet un code de renouvellement pour chaque compte activé de la sélection.</summary>
    public async Task<(IReadOnlyList<CodeEmis> Codes, IReadOnlyList<CompteIgnore> Ignores)> GenererCodesAsync(Portee portee, CriteresComptes criteres, CancellationToken ct = default)
    {
        // Renewal codes only exist for activated accounts, which a teacher may not reset.
        portee.Exiger(Operation.GenererCodes);
        var comptes = await Charger(portee, criteres, suivre: true).ToListAsync(ct);
        var codes = new List<CodeEmis>();
        var ignores = new List<CompteIgnore>();
        foreach (var compte in comptes)
        {
            var resultat = compte.GenererCodeRenouvellement(outils);
            if (resultat.Refus is { } refus)
            {
                ignores.Add(new CompteIgnore(compte.Id, compte.NomComplet, compte.Identifiant, refus.Message));
            }
            else
            {
                codes.Add(new CodeEmis(compte.Id, compte.NomComplet, compte.Identifiant, resultat.Code!, resultat.ExpireLe!.Value));
            }
        }

        EcritureJournal.Consigner(db, portee, outils.Maintenant, ActionJournal.CodeRenouvellement, null, codes.Select(c => c.CompteId).ToList());
        await EnregistrerAsync(ct);
        return (codes, ignores);
    }

    private async Task<ResultatLot> AppliquerAsync(
        Portee portee,
        CriteresComptes criteres,
        ActionJournal action,
        Canal canal,
        bool reinitialise,
        Func<Compte, OutilsSecrets, ResultatNotification> transition,
        bool enregistrer,
        CancellationToken ct,
        Evenement? entree = null)
    {
        portee.Exiger(Operation.Notifier);
        var comptes = await Charger(portee, criteres, suivre: true).ToListAsync(ct);
        var fiches = new List<FicheCompte>(comptes.Count);
        var ignores = new List<CompteIgnore>();
        var nouveaux = 0;
        foreach (var compte in comptes)
        {
            if (reinitialise && compte.Etat == EtatCompte.Active && !portee.Peut(Operation.ReinitialiserCompteActive))
            {
                ignores.Add(new CompteIgnore(compte.Id, compte.NomComplet, compte.Identifiant, "Compte déjà activé : seule la direction ou le secrétariat peut en réinitialiser le mot de passe."));
                continue;
            }

            var resultat = transition(compte, outils);
            if (resultat.Refus is { } refus)
            {
                ignores.Add(new CompteIgnore(compte.Id, compte.NomComplet, compte.Identifiant, refus.Message));
                continue;
            }

            nouveaux += resultat.NouveauMotDePasse ? 1 : 0;
            fiches.Add(Fiche(compte, resultat.Variante, resultat.MotDePasse));
        }

        fiches = await AvecEnfantsAsync(portee, fiches, ct);
        var ids = fiches.Select(f => f.CompteId).ToList();
        var evenement = entree is null
            ? EcritureJournal.Consigner(db, portee, outils.Maintenant, action, canal, ids, reinitialise ? "avec réinitialisation des mots de passe" : null)
            : EcritureJournal.Rattacher(db, entree, ids);
        if (enregistrer)
        {
            await EnregistrerAsync(ct);
        }

        // The journal entry's id is known once saved (by us, or by the caller who enqueues e-mails first):
        // the lot keeps the entry, not a copy of its id taken before saving.
        return new ResultatLot(fiches, ignores) { NouveauxMotsDePasse = nouveaux, Evenement = evenement };
    }

    /// <summary>
    /// Les fiches des responsables nomment leurs enfants et leurs classes (« Perceval CARON (3D) ») : une requête pour
    /// tout le lot, à travers le même filtre que le reste (un enseignant n'y voit que les enfants de ses classes).
    /// </summary>
    private async Task<List<FicheCompte>> AvecEnfantsAsync(Portee portee, List<FicheCompte> fiches, CancellationToken ct)
    {
        var responsables = fiches.Where(f => f.Profil == Profil.Responsable).Select(f => f.CompteId).ToList();
        if (responsables.Count == 0)
        {
            return fiches;
        }

        var eleves = db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = Profil.Eleve });
        var liens = await db.Responsabilites.AsNoTracking()
            .Where(r => responsables.Contains(r.ResponsableId))
            .Join(eleves, r => r.EleveId, e => e.Id, (r, e) => new { r.ResponsableId, e.Prenom, e.Nom, Classe = e.Classe != null ? e.Classe.Code : null })
            .ToListAsync(ct);
        var enfants = liens.GroupBy(l => l.ResponsableId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.OrderBy(l => l.Classe, StringComparer.Ordinal).ThenBy(l => l.Prenom, StringComparer.Ordinal)
                .Select(l => l.Classe is null ? $"{l.Prenom} {l.Nom}" : $"{l.Prenom} {l.Nom} ({l.Classe})").ToList());
        return fiches.Select(f => enfants.TryGetValue(f.CompteId, out var e) ? f with { Enfants = e } : f).ToList();
    }

    private IQueryable<Compte> Charger(Portee portee, CriteresComptes criteres, bool suivre)
    {
        var requete = db.Comptes.Include(c => c.Classe).Filtrer(portee, criteres).Trier(criteres);
        return suivre ? requete : requete.AsNoTracking();
    }

    /// <summary>
    /// Enregistre le contexte en une transaction, les comptes modifiés et les liens du journal par paquets
    /// (<see cref="EcritureEnLot"/>) ; un conflit de concurrence devient une <see cref="ErreurMetier"/>.
    /// </summary>
    public async Task EnregistrerAsync(CancellationToken ct = default)
    {
        try
        {
            await EcritureEnLot.EnregistrerAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ErreurMetier("Des comptes ont été modifiés par quelqu'un d'autre pendant l'opération : rien n'a été changé. Recommencez.", CodeErreur.Concurrence);
        }
    }

    /// <summary>La fiche d'un compte, telle que les documents la montrent.</summary>
    public static FicheCompte Fiche(Compte compte, VarianteFiche variante, string? motDePasse) => new(
        compte.Id,
        compte.Profil,
        compte.Nom,
        compte.Prenom,
        compte.Identifiant,
        compte.Etat,
        variante,
        compte.Etat == EtatCompte.NotifieNonActive ? motDePasse : null,
        compte.Etat == EtatCompte.NotifieNonActive ? compte.MotDePasseProvisoireExpireLe : null,
        compte.Classe?.Code,
        compte.CodeMef ?? compte.Classe?.CodeMef,
        compte.LibelleMef ?? compte.Classe?.LibelleMef,
        compte.Courriel,
        compte.DateCreation,
        compte.DateNotification,
        compte.DateDerniereConnexion,
        compte.Bloque)
    {
        Civilite = compte.Civilite,
        Langue = compte.Langue,
    };
}
