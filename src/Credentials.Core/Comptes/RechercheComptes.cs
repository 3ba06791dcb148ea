using System.Linq.Expressions;
using System.Reflection;
using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Comptes;

/// <summary>Une ligne du tableau des comptes.</summary>
public sealed record LigneCompte(
    long Id,
    string Nom,
    string Prenom,
    string? Classe,
    string? CodeMef,
    string? LibelleMef,
    string Identifiant,
    EtatCompte Etat,
    bool Bloque,
    OrigineCompte Origine,
    DateTime? DateNotification,
    DateTime? DateDerniereConnexion,
    string? Courriel,
    string? EtablissementRattachement,
    DateTime? DateSortie)
{
    public DateTime? BloqueLe { get; init; }

    public string? BloquePar { get; init; }

    public string? MotifBlocage { get; init; }

    /// <summary>« bloqué par X le JJ/MM/AAAA (motif) », « sorti(e) le JJ/MM/AAAA » : la bulle de l'état dans la liste.</summary>
    public string Inaccessibilite => Libelles.Inaccessibilite(BloqueLe, BloquePar, MotifBlocage, DateSortie);

    public string NomComplet => $"{Prenom} {Nom}";
}

/// <summary>Un enfant d'un responsable, dans la liste des responsables.</summary>
public sealed record EnfantResponsable(long Id, string NomComplet, string? Classe);

/// <summary>Une page de résultats et le total de la recherche.</summary>
public sealed record PageComptes(IReadOnlyList<LigneCompte> Lignes, int Total, int Page, int TaillePage)
{
    public int NombrePages => Math.Max(1, (Total + TaillePage - 1) / TaillePage);
}

/// <summary>Le détail d'un compte : identité, scolarité, responsables ou enfants, historique.</summary>
public sealed record DetailCompte(
    Compte Compte,
    IReadOnlyList<(Compte Personne, LienParente Lien, int RangLegal)> Liens,
    IReadOnlyList<Evenement> Historique);

/// <summary>Les lectures de la console : pages de comptes, listes de classes et de MEF, détail d'un compte.</summary>
public sealed class RechercheComptes(CredentialsDbContext db)
{
    public const int TailleMax = 200;

    public async Task<PageComptes> RechercherAsync(Portee portee, CriteresComptes criteres, int page, int taillePage, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        taillePage = Math.Clamp(taillePage, 10, TailleMax);
        var requete = db.Comptes.AsNoTracking().Filtrer(portee, criteres);
        // The rows skipped must fit an int, whatever page a link asks for.
        page = Math.Clamp(page, 1, int.MaxValue / taillePage);
        // A name or a state may match thousands: the page brings the total in the same statement. A class or a list of
        // accounts fits on one page, whose rows give the total: counted apart, only when the page is full.
        var compter = criteres.Classes.Count == 0 && criteres.Ids is null;
        var lues = await PageAsync(requete, criteres, page, taillePage, compter, ct);
        var lignes = lues.ConvertAll(l => l.Ligne);
        if (compter && lues.Count > 0)
        {
            return new PageComptes(lignes, lues[0].Total, page, taillePage);
        }

        // A page that is not full is the last one.
        if ((lignes.Count > 0 && lignes.Count < taillePage) || (lignes.Count == 0 && page == 1))
        {
            return new PageComptes(lignes, (page - 1) * taillePage + lignes.Count, page, taillePage);
        }

        // A full page of a class, or a page past the end (a stale or edited link), which shows the last page.
        var total = await requete.CountAsync(ct);
        var derniere = Math.Max(1, (total + taillePage - 1) / taillePage);
        if (page > derniere)
        {
            page = derniere;
            lignes = (await PageAsync(requete, criteres, page, taillePage, compter: false, ct)).ConvertAll(l => l.Ligne);
        }

        return new PageComptes(lignes, total, page, taillePage);
    }

    /// <summary>
    /// Les comptes de la page et le total de la recherche, en une seule requête SQL : les identifiants de la page
    /// d'abord, lus dans l'index (établissement, profil, nom, prénom, id) qui porte aussi le nom replié et l'état, puis
    /// ces lignes seules ; chacune porte le total si on le demande, que le moteur compte une fois (sous-requête sans
    /// corrélation).
    /// </summary>
    /// <remarks>
    /// En une fois, PostgreSQL lisait chaque ligne parcourue pour en tester le nom : 1 250 lignes pour trouver les 50
    /// premiers « mar » d'un collège de 2 000 élèves, la moitié de son temps sur la recherche (docs/performance.md,
    /// session 12). Le total dans la même requête épargne un aller-retour à chaque page pleine (session 13).
    /// </remarks>
    private Task<List<LigneEtTotal>> PageAsync(IQueryable<Compte> requete, CriteresComptes criteres, int page, int taillePage, bool compter, CancellationToken ct)
    {
        // Skip and Take inside the lambda: their counts stay SQL parameters (one statement for every page, prepared
        // once), where a query built apart and nested would carry them as constants.
        var tries = requete.Trier(criteres);
        var saut = (page - 1) * taillePage;
        return db.Comptes.AsNoTracking()
            .Where(c => tries.Skip(saut).Take(taillePage).Select(t => t.Id).Contains(c.Id))
            .Trier(criteres)
            .Select(compter ? AvecTotal(requete) : SansTotal)
            .ToListAsync(ct);
    }

    // Built once: a lambda written in the query is a new expression tree on each call, each of its 18 properties
    // looked up by reflection (docs/performance.md, session 12).
    private static readonly Expression<Func<Compte, LigneCompte>> EnLigne = c => new LigneCompte(
        c.Id, c.Nom, c.Prenom, c.Classe != null ? c.Classe.Code : null, c.CodeMef, c.LibelleMef, c.Identifiant,
        c.Etat, c.Bloque, c.Origine, c.DateNotification, c.DateDerniereConnexion, c.Courriel, c.EtablissementRattachement, c.DateSortie)
    {
        BloqueLe = c.BloqueLe,
        BloquePar = c.BloquePar,
        MotifBlocage = c.MotifBlocage,
    };

    private sealed record LigneEtTotal(LigneCompte Ligne, int Total);

    private static readonly ConstructorInfo NouvelleLigne = typeof(LigneEtTotal).GetConstructors().Single();

    /// <summary>Une ligne et le nombre de comptes de la requête, une sous-requête sans corrélation.</summary>
    private static Expression<Func<Compte, LigneEtTotal>> AvecTotal(IQueryable<Compte> requete) =>
        AvecUnTotal(Expression.Call(Compter, requete.Expression));

    // Queryable.Count<Compte>, found once: named in Expression.Call, it was looked up among all of Queryable's methods
    // on each page.
    private static readonly MethodInfo Compter = new Func<IQueryable<Compte>, int>(Queryable.Count).Method;

    private static readonly Expression<Func<Compte, LigneEtTotal>> SansTotal = AvecUnTotal(Expression.Constant(0));

    private static Expression<Func<Compte, LigneEtTotal>> AvecUnTotal(Expression total) =>
        Expression.Lambda<Func<Compte, LigneEtTotal>>(Expression.New(NouvelleLigne, EnLigne.Body, total), EnLigne.Parameters);

    /// <summary>
    /// Les enfants de ces responsables que la portée peut voir (un enseignant : ceux de ses classes seulement),
    /// par responsable, dans l'ordre des prénoms.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EnfantResponsable>>> EnfantsAsync(Portee portee, IReadOnlyCollection<long> responsables, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        if (responsables.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<EnfantResponsable>>();
        }

        var ids = responsables.ToList();
        var eleves = db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes { Profil = Profil.Eleve });
        var liens = await db.Responsabilites.AsNoTracking()
            .Where(r => ids.Contains(r.ResponsableId) && eleves.Any(e => e.Id == r.EleveId))
            .Select(r => new { r.ResponsableId, r.Eleve.Id, r.Eleve.Prenom, r.Eleve.Nom, Classe = r.Eleve.Classe != null ? r.Eleve.Classe.Code : null })
            .ToListAsync(ct);
        return liens.GroupBy(l => l.ResponsableId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<EnfantResponsable>)g.OrderBy(l => l.Prenom, StringComparer.CurrentCulture).Select(l => new EnfantResponsable(l.Id, $"{l.Prenom} {l.Nom}", l.Classe)).ToList());
    }

    /// <summary>Les classes que la portée peut voir, dans l'ordre des codes.</summary>
    public async Task<IReadOnlyList<Classe>> ClassesAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var requete = db.Classes.AsNoTracking().Where(c => c.EtablissementId == portee.EtablissementId);
        if (portee.Classes is { } autorisees)
        {
            var ids = autorisees.ToList();
            requete = requete.Where(c => ids.Contains(c.Id));
        }

        return await requete.OrderBy(c => c.Code).ToListAsync(ct);
    }

    /// <summary>Les MEF des élèves visibles (code et libellé).</summary>
    public async Task<IReadOnlyList<(string Code, string? Libelle)>> MefsAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var mefs = await db.Comptes.AsNoTracking().Filtrer(portee, new CriteresComptes())
            .Where(c => c.CodeMef != null)
            .Select(c => new { c.CodeMef, c.LibelleMef })
            .Distinct()
            .ToListAsync(ct);
        return mefs.OrderBy(m => m.LibelleMef ?? m.CodeMef).Select(m => (m.CodeMef!, m.LibelleMef)).ToList();
    }

    /// <summary>Le compte s'il est dans la portée (sinon null : on ne dit pas s'il existe ailleurs).</summary>
    public async Task<DetailCompte?> DetailAsync(Portee portee, Profil profil, long id, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var compte = await db.Comptes.AsNoTracking().Include(c => c.Classe)
            .Filtrer(portee, new CriteresComptes { Profil = profil, Ids = [id] })
            .SingleOrDefaultAsync(ct);
        if (compte is null)
        {
            return null;
        }

        // A guardian's children as far as the scope goes: a teacher does not see the sibling in another class.
        var elevesVisibles = db.Comptes.Filtrer(portee, new CriteresComptes { Profil = Profil.Eleve });
        var liens = profil == Profil.Responsable
            ? await db.Responsabilites.AsNoTracking().Where(r => r.ResponsableId == id && elevesVisibles.Any(e => e.Id == r.EleveId)).Include(r => r.Eleve).ThenInclude(e => e.Classe)
                .OrderBy(r => r.Eleve.Prenom).Select(r => new { Personne = r.Eleve, r.Lien, r.RangLegal }).ToListAsync(ct)
            : await db.Responsabilites.AsNoTracking().Where(r => r.EleveId == id).Include(r => r.Responsable)
                .OrderBy(r => r.RangLegal == 0 ? 99 : r.RangLegal).Select(r => new { Personne = r.Responsable, r.Lien, r.RangLegal }).ToListAsync(ct);

        var historique = await db.EvenementComptes.AsNoTracking()
            .Where(e => e.CompteId == id)
            .Select(e => e.Evenement)
            .OrderByDescending(e => e.Date)
            .Take(100)
            .ToListAsync(ct);

        return new DetailCompte(compte, liens.Select(l => (l.Personne, l.Lien, l.RangLegal)).ToList(), historique);
    }

    /// <summary>Les comptes d'une entrée du journal (pour réimprimer ce qui vient d'être fait), dans la portée.</summary>
    public async Task<IReadOnlyList<long>> ComptesDeEvenementAsync(Portee portee, long evenementId, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        return await db.EvenementComptes.AsNoTracking()
            .Where(e => e.EvenementId == evenementId && e.Evenement.EtablissementId == portee.EtablissementId && e.Evenement.Auteur == portee.Auteur)
            .Select(e => e.CompteId)
            .ToListAsync(ct);
    }
}
