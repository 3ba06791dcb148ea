using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;

namespace Credentials.Core.Journal;

/// <summary>
/// Consigne au journal qui a divulgué ou changé quels identifiants. Ajoute au contexte sans
/// enregistrer : l'entrée part dans la même transaction que le changement qu'elle décrit.
/// </summary>
public static class EcritureJournal
{
    public static Evenement Consigner(
        CredentialsDbContext db,
        Portee portee,
        DateTime date,
        ActionJournal action,
        Canal? canal,
        IReadOnlyCollection<long> comptes,
        string? details = null)
    {
        var evenement = new Evenement(portee.EtablissementId, date, portee.Auteur, action, canal, comptes.Count, details);
        db.Evenements.Add(evenement);
        db.EvenementComptes.AddRange(comptes.Distinct().Select(id => new EvenementCompte(evenement, id)));
        return evenement;
    }

    /// <summary>
    /// Comme <see cref="Consigner"/>, mais écrit l'entrée et ses comptes tout de suite, par des <c>INSERT</c> groupés et
    /// sans les suivre : pour une opération qui n'enregistre rien d'autre par <c>SaveChanges</c> (un import qui ne fait
    /// qu'ajouter). À appeler dans la transaction de l'opération.
    /// </summary>
    public static async Task<Evenement> EcrireAsync(
        CredentialsDbContext db,
        Portee portee,
        DateTime date,
        ActionJournal action,
        Canal? canal,
        IReadOnlyCollection<long> comptes,
        string? details,
        CancellationToken ct)
    {
        var distincts = comptes.Distinct().ToList();
        var evenement = new Evenement(portee.EtablissementId, date, portee.Auteur, action, canal, distincts.Count, details);
        await EcritureEnLot.InsererAsync(db, [evenement], [], ct);
        await EcritureEnLot.InsererLiensAsync(db, distincts.Select(id => new EvenementCompte(evenement, id)).ToList(), ct);
        return evenement;
    }

    /// <summary>Ajoute des comptes à une entrée déjà ouverte (une action sur plusieurs profils).</summary>
    public static Evenement Rattacher(CredentialsDbContext db, Evenement evenement, IReadOnlyCollection<long> comptes)
    {
        var nouveaux = comptes.Distinct().ToList();
        evenement.AjouterComptes(nouveaux.Count);
        db.EvenementComptes.AddRange(nouveaux.Select(id => new EvenementCompte(evenement, id)));
        return evenement;
    }
}
