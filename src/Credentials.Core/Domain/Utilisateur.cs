using Microsoft.AspNetCore.Identity;

namespace Credentials.Core.Domain;

/// <summary>Un utilisateur de la console (directeur, secrétaire, enseignant).</summary>
public class Utilisateur : IdentityUser
{
    public string NomAffiche { get; set; } = "";

    public List<Affectation> Affectations { get; } = [];
}

/// <summary>L'appartenance d'un utilisateur à un établissement, avec son rôle et, pour un enseignant, ses classes.</summary>
public class Affectation
{
    private Affectation()
    {
    }

    public Affectation(string utilisateurId, int etablissementId, RoleConsole role)
    {
        UtilisateurId = utilisateurId;
        EtablissementId = etablissementId;
        Role = role;
    }

    public int Id { get; private set; }

    public string UtilisateurId { get; private set; } = "";

    public int EtablissementId { get; private set; }

    public Etablissement Etablissement { get; private set; } = null!;

    public RoleConsole Role { get; private set; }

    public List<AffectationClasse> Classes { get; } = [];

    public void ChangerRole(RoleConsole role) => Role = role;
}

/// <summary>Une classe confiée à un enseignant.</summary>
public class AffectationClasse
{
    private AffectationClasse()
    {
    }

    public AffectationClasse(int classeId) => ClasseId = classeId;

    public int AffectationId { get; private set; }

    public int ClasseId { get; private set; }

    public Classe Classe { get; private set; } = null!;
}
