using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Journal;

/// <summary>Les filtres de la page Journal (dates en heure de Paris, bornes incluses).</summary>
public sealed record FiltresJournal(DateOnly? Du, DateOnly? Au, string? Auteur, ActionJournal? Action, int Page = 1, int TaillePage = 50);

/// <summary>Un compte nommé par une entrée du journal.</summary>
public sealed record CompteJournal(long Id, string NomComplet, string Identifiant, Profil Profil);

/// <summary>Une page du journal.</summary>
public sealed record PageJournal(IReadOnlyList<Evenement> Evenements, int Total, int Page, int TaillePage, IReadOnlyList<string> Auteurs)
{
    /// <summary>Jusqu'à <see cref="LectureJournal.ComptesNommes"/> comptes nommés par entrée (les entrées sur plus de comptes les comptent).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<CompteJournal>> Comptes { get; init; } = new Dictionary<long, IReadOnlyList<CompteJournal>>();

    public int NombrePages => Math.Max(1, (Total + TaillePage - 1) / TaillePage);
}

/// <summary>Lecture du journal d'un établissement, réservée à la direction.</summary>
public sealed class LectureJournal(CredentialsDbContext db)
{
    /// <summary>Une entrée sur quelques comptes les nomme ; au-delà, elle les compte.</summary>
    public const int ComptesNommes = 5;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public async Task<PageJournal> LireAsync(Portee portee, FiltresJournal filtres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterJournal);
        var requete = db.Evenements.AsNoTracking().Where(e => e.EtablissementId == portee.EtablissementId);
        if (filtres.Du is { } du)
        {
            var debut = TimeZoneInfo.ConvertTimeToUtc(du.ToDateTime(TimeOnly.MinValue), Paris);
            requete = requete.Where(e => e.Date >= debut);
        }

        if (filtres.Au is { } au)
        {
            var fin = TimeZoneInfo.ConvertTimeToUtc(au.AddDays(1).ToDateTime(TimeOnly.MinValue), Paris);
            requete = requete.Where(e => e.Date < fin);
        }

        if (!string.IsNullOrWhiteSpace(filtres.Auteur))
        {
            requete = requete.Where(e => e.Auteur == filtres.Auteur);
        }

        if (filtres.Action is { } action)
        {
            requete = requete.Where(e => e.Action == action);
        }

        var taille = Math.Clamp(filtres.TaillePage, 10, 200);
        var total = await requete.CountAsync(ct);
        var page = Math.Clamp(filtres.Page, 1, Math.Max(1, (total + taille - 1) / taille));
        var evenements = await requete.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Skip((page - 1) * taille).Take(taille).ToListAsync(ct);
        var auteurs = await db.Evenements.AsNoTracking().Where(e => e.EtablissementId == portee.EtablissementId)
            .Select(e => e.Auteur).Distinct().OrderBy(a => a).ToListAsync(ct);
        var petites = evenements.Where(e => e.NombreComptes is > 0 and <= ComptesNommes).Select(e => e.Id).ToList();
        var liens = await db.EvenementComptes.AsNoTracking()
            .Where(l => petites.Contains(l.EvenementId))
            .Join(db.Comptes.Where(c => c.EtablissementId == portee.EtablissementId), l => l.CompteId, c => c.Id, (l, c) => new { l.EvenementId, c.Id, c.Prenom, c.Nom, c.Identifiant, c.Profil })
            .ToListAsync(ct);
        var comptes = liens.GroupBy(l => l.EvenementId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<CompteJournal>)g.OrderBy(l => l.Nom).ThenBy(l => l.Prenom).Select(l => new CompteJournal(l.Id, $"{l.Prenom} {l.Nom}", l.Identifiant, l.Profil)).ToList());
        return new PageJournal(evenements, total, page, taille, auteurs) { Comptes = comptes };
    }
}
