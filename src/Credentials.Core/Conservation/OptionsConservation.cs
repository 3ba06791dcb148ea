namespace Credentials.Core.Conservation;

/// <summary>
/// Les durées de conservation (section « Conservation ») : arrêté ENT du 30 novembre 2006 (art. 6, comptes
/// supprimés dans les trois mois après la sortie), recommandation CNIL 2021 sur la journalisation (6 à 12 mois).
/// </summary>
public sealed class OptionsConservation
{
    public const string Section = "Conservation";

    /// <summary>Délai entre la sortie d'une personne (ou la fin d'un compte manuel) et la suppression de son compte.</summary>
    public TimeSpan Sortants { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Durée de vie des entrées du journal et de leurs liens aux comptes.</summary>
    public TimeSpan Journal { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Durée de vie des lignes de la boîte d'envoi (leurs corps sont effacés dès l'envoi ou l'abandon).</summary>
    public TimeSpan Messages { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Intervalle entre deux purges automatiques.</summary>
    public TimeSpan Periode { get; set; } = TimeSpan.FromDays(1);

    /// <summary>La purge automatique tourne dans l'application web (false : seulement par <c>credentials purge</c>).</summary>
    public bool Automatique { get; set; } = true;
}

/// <summary>
/// Ce que d'autres parties de l'application gardent hors de la base (dépôts d'import, copies de lots, fichiers .eml) :
/// la purge les appelle à chaque passage ; en simulation, compter sans supprimer.
/// </summary>
public interface IPurgeComplementaire
{
    string Categorie { get; }

    Task<int> PurgerAsync(DateTime maintenant, bool simulation, CancellationToken ct);
}
