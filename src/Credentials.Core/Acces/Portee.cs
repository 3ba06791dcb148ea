using Credentials.Core.Domain;

namespace Credentials.Core.Acces;

/// <summary>
/// Qui agit et sur quoi il a la main : un établissement, un rôle et, pour un enseignant, ses classes.
/// Toutes les requêtes des services passent par elle : personne ne voit ce qui n'est pas à lui.
/// </summary>
public sealed record Portee(int EtablissementId, RoleConsole Role, IReadOnlySet<int>? Classes, string Auteur)
{
    /// <summary>La CLI agit comme la direction de l'établissement.</summary>
    public static Portee Cli(int etablissementId) => new(etablissementId, RoleConsole.Directeur, null, "cli");

    public bool EstEnseignant => Role == RoleConsole.Enseignant;

    public bool PeutExporterCsv => !EstEnseignant;

    public bool PeutBloquer => !EstEnseignant;

    public bool PeutGererComptes => !EstEnseignant;

    public bool PeutPublipostage => !EstEnseignant;

    public bool PeutParametrer => Role == RoleConsole.Directeur;

    public bool PeutReinitialiserCompteActive => !EstEnseignant;

    /// <summary>Lève <see cref="ErreurMetier"/> si la permission manque.</summary>
    public void Exiger(bool permission, string action)
    {
        if (!permission)
        {
            throw new ErreurMetier($"Votre rôle ({Role.Libelle()}) ne permet pas de {action}.", CodeErreur.AccesRefuse);
        }
    }
}
