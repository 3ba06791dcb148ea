using Credentials.Core.Domain;

namespace Credentials.Core.Acces;

/// <summary>
/// Qui agit et sur quoi il a la main : un établissement, un rôle et, pour un enseignant, ses classes.
/// Toutes les requêtes des services passent par elle : personne ne voit ce qui n'est pas à lui.
/// </summary>
public sealed record Portee(int EtablissementId, RoleConsole Role, IReadOnlySet<int>? Classes, string Auteur)
{
    /// <summary>La CLI : l'opérateur du serveur, qui a la main sur tout l'établissement désigné.</summary>
    public static Portee Cli(int etablissementId) => new(etablissementId, RoleConsole.Operateur, null, "cli");

    public bool EstEnseignant => Role == RoleConsole.Enseignant;

    /// <summary>La matrice (<see cref="Autorisations"/>) permet-elle l'opération à ce rôle ?</summary>
    public bool Peut(Operation operation) => Autorisations.EtendueDe(Role, operation) != Etendue.Aucune;

    /// <summary>Lève <see cref="ErreurMetier"/> (<see cref="CodeErreur.AccesRefuse"/>) si la matrice refuse l'opération à ce rôle.</summary>
    public void Exiger(Operation operation) => Autorisations.Exiger(Role, operation);
}
