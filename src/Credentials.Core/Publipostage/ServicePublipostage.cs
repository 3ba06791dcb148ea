using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Publipostage;

/// <summary>Les filtres du publipostage (seed 002) : plusieurs profils à la fois.</summary>
public sealed record CriteresPublipostage
{
    public IReadOnlyCollection<Profil> Profils { get; init; } = Enum.GetValues<Profil>();

    /// <summary>Les élèves de ces classes et leurs responsables (les autres profils n'ont pas de classe).</summary>
    public IReadOnlyCollection<string> Classes { get; init; } = [];

    /// <summary>null : tous ; true : les comptes activés ; false : ceux qui ne le sont pas encore.</summary>
    public bool? Actives { get; init; }

    /// <summary>null : tous ; true : ceux qui ont une adresse électronique ; false : ceux qui n'en ont pas.</summary>
    public bool? AvecCourriel { get; init; }

    public DateOnly? CreesDepuis { get; init; }

    public DateOnly? CreesAvant { get; init; }

    /// <summary>Les critères d'un profil : la même description pour compter, afficher, notifier et exporter.</summary>
    public CriteresComptes Pour(Profil profil) => new()
    {
        Profil = profil,
        Classes = Classes,
        Etats = Actives switch
        {
            true => [EtatCompte.Active],
            false => [EtatCompte.NonNotifie, EtatCompte.NotifieNonActive],
            null => [],
        },
        AvecCourriel = AvecCourriel,
        CreesDepuis = CreesDepuis is { } depuis ? Libelles.DebutDuJour(depuis) : null,
        CreesAvant = CreesAvant is { } avant ? Libelles.DebutDuJour(avant) : null,
    };
}

/// <summary>Combien de comptes un publipostage touche, par profil, et combien n'ont pas d'adresse électronique.</summary>
public sealed record ApercuPublipostage(IReadOnlyList<(Profil Profil, int Total, int SansCourriel)> ParProfil)
{
    public int Total => ParProfil.Sum(p => p.Total);

    public int SansCourriel => ParProfil.Sum(p => p.SansCourriel);
}

/// <summary>Ce qu'un publipostage va faire, profil par profil et état par état, avant de le confirmer.</summary>
public sealed record ConfirmationPublipostage(IReadOnlyList<(Profil Profil, ApercuSelection Apercu, int AvecAdresse)> ParProfil, IReadOnlyList<LignePublipostage> Bloques)
{
    /// <summary>Au plus tant de comptes bloqués sont nommés (les autres sont comptés).</summary>
    public const int BloquesNommes = 50;

    public int Total => ParProfil.Sum(p => p.Apercu.Total);

    public int NombreBloques => ParProfil.Sum(p => p.Apercu.Bloques);

    /// <summary>Les comptes qui recevront un courrier : tous sauf les bloqués.</summary>
    public int Courriers => Total - NombreBloques;

    /// <summary>Les comptes non bloqués qui ont une adresse : ceux qui recevront un courriel.</summary>
    public int Courriels => ParProfil.Sum(p => p.AvecAdresse);
}

/// <summary>Une ligne du tableau de publipostage.</summary>
public sealed record LignePublipostage(long Id, string Nom, string Prenom, Profil Profil, string Identifiant, string? Courriel, string? Classe, DateTime DateCreation, EtatCompte Etat, bool Bloque);

/// <summary>
/// Le publipostage : des comptes de plusieurs profils, filtrés ensemble, pour un seul PDF de fiches (notifiés dans une
/// seule transaction) ou un CSV de publipostage pour un traitement de texte. Réservé à la direction et au
/// secrétariat ; chaque profil passe par <see cref="RequeteComptes.Filtrer"/> comme partout ailleurs.
/// </summary>
public sealed class ServicePublipostage(CredentialsDbContext db, ServiceComptes credentials, TimeProvider horloge)
{
    public async Task<ApercuPublipostage> ApercuAsync(Portee portee, CriteresPublipostage criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var parProfil = new List<(Profil, int, int)>();
        foreach (var profil in Profils(criteres))
        {
            var comptes = db.Comptes.AsNoTracking().Filtrer(portee, criteres.Pour(profil));
            var total = await comptes.CountAsync(ct);
            var sansCourriel = await comptes.CountAsync(c => c.Courriel == null || c.Courriel == "", ct);
            parProfil.Add((profil, total, sansCourriel));
        }

        return new ApercuPublipostage(parProfil);
    }

    /// <summary>Une page du tableau, tous profils confondus, par nom puis prénom.</summary>
    public async Task<(IReadOnlyList<LignePublipostage> Lignes, int Total)> PageAsync(Portee portee, CriteresPublipostage criteres, int page, int taille, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var cles = new List<(long Id, string Nom, string Prenom)>();
        foreach (var profil in Profils(criteres))
        {
            var lignes = await db.Comptes.AsNoTracking().Filtrer(portee, criteres.Pour(profil)).Select(c => new { c.Id, c.Nom, c.Prenom }).ToListAsync(ct);
            cles.AddRange(lignes.Select(l => (l.Id, l.Nom, l.Prenom)));
        }

        var ids = cles.OrderBy(c => c.Nom, StringComparer.Ordinal).ThenBy(c => c.Prenom, StringComparer.Ordinal).ThenBy(c => c.Id)
            .Skip((Math.Max(1, page) - 1) * taille).Take(taille).Select(c => c.Id).ToList();
        var comptes = await db.Comptes.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new LignePublipostage(c.Id, c.Nom, c.Prenom, c.Profil, c.Identifiant, c.Courriel, c.Classe != null ? c.Classe.Code : null, c.DateCreation, c.Etat, c.Bloque))
            .ToListAsync(ct);
        return (ids.Select(id => comptes.Single(c => c.Id == id)).ToList(), cles.Count);
    }

    /// <summary>L'étape de confirmation : comptes par profil et par état, comptes bloqués nommés ; rien n'est changé.</summary>
    public async Task<ConfirmationPublipostage> ConfirmationAsync(Portee portee, CriteresPublipostage criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var parProfil = new List<(Profil, ApercuSelection, int)>();
        var bloques = new List<LignePublipostage>();
        foreach (var profil in Profils(criteres))
        {
            var selection = criteres.Pour(profil);
            var apercu = await credentials.ApercuAsync(portee, selection, ct);
            var avecAdresse = criteres.AvecCourriel == false
                ? 0
                : await db.Comptes.AsNoTracking().Filtrer(portee, selection with { AvecCourriel = true }).CountAsync(c => !c.Bloque, ct);
            parProfil.Add((profil, apercu, avecAdresse));
            if (apercu.Bloques > 0 && bloques.Count < ConfirmationPublipostage.BloquesNommes)
            {
                bloques.AddRange(await db.Comptes.AsNoTracking().Filtrer(portee, selection).Where(c => c.Bloque)
                    .OrderBy(c => c.Nom).ThenBy(c => c.Prenom).Take(ConfirmationPublipostage.BloquesNommes - bloques.Count)
                    .Select(c => new LignePublipostage(c.Id, c.Nom, c.Prenom, c.Profil, c.Identifiant, c.Courriel, c.Classe != null ? c.Classe.Code : null, c.DateCreation, c.Etat, c.Bloque))
                    .ToListAsync(ct));
            }
        }

        return new ConfirmationPublipostage(parProfil, bloques);
    }

    /// <summary>
    /// (Re)notifie tous les comptes filtrés, profil après profil, sous une seule entrée « Publipostage » du journal, sans
    /// enregistrer : l'appelant construit le document puis enregistre le tout en une transaction
    /// (<see cref="ServiceComptes.EnregistrerAsync"/>).
    /// </summary>
    public async Task<ResultatLot> PreparerNotificationAsync(Portee portee, CriteresPublipostage criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var entree = EcritureJournal.Consigner(db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.Publipostage, Canal.Courrier, [], "Générer en PDF");
        var fiches = new List<FicheCompte>();
        var ignores = new List<CompteIgnore>();
        var nouveaux = 0;
        foreach (var profil in Profils(criteres))
        {
            var lot = await credentials.PreparerNotificationAsync(portee, criteres.Pour(profil), entree, ct);
            fiches.AddRange(lot.Fiches);
            ignores.AddRange(lot.Ignores);
            nouveaux += lot.NouveauxMotsDePasse;
        }

        return new ResultatLot(fiches, ignores) { NouveauxMotsDePasse = nouveaux, Evenement = entree };
    }

    /// <summary>
    /// (Re)notifie par courriel les comptes filtrés qui ont une adresse valable, tous profils en une campagne et une
    /// transaction ; les autres restent à imprimer (le bilan les compte).
    /// </summary>
    public Task<BilanCourriels> EnvoyerAsync(Portee portee, CriteresPublipostage criteres, ServiceCourriels courriels, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var selections = Profils(criteres).Select(criteres.Pour).ToList();
        return courriels.NotifierAsync(portee, selections, reinitialiser: false, "Publipostage par courriel", ct);
    }

    /// <summary>Les fiches des comptes filtrés, sans rien changer, pour le CSV de publipostage (consigné au journal).</summary>
    public async Task<IReadOnlyList<FicheCompte>> ListerAsync(Portee portee, CriteresPublipostage criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Publipostage);
        var fiches = new List<FicheCompte>();
        foreach (var profil in Profils(criteres))
        {
            fiches.AddRange(await credentials.ListerAsync(portee, new DemandeListe(criteres.Pour(profil), Canal.Csv), ct));
        }

        return fiches;
    }

    private static IEnumerable<Profil> Profils(CriteresPublipostage criteres) =>
        Enum.GetValues<Profil>().Where(p => criteres.Profils.Contains(p));

}
