using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Constructeurs;

/// <summary>
/// Builds a <see cref="Compte"/> with defaults a test does not have to spell: Léa MARTIN, pupil of a « Collège Test »
/// (0999999Z), from the directory, created at <see cref="OutilsDeTest.Rentree"/>, identifiant from her name. A test
/// names only what it is about: <c>new CompteBuilder().Dans(etablissement).Invite().Nomme("DUPONT", "Marie").Construire()</c>.
/// </summary>
public sealed class CompteBuilder
{
    private Etablissement? etablissement;
    private Profil profil = Profil.Eleve;
    private string nom = "MARTIN";
    private string prenom = "Léa";
    private string? identifiant;
    private OrigineCompte origine = OrigineCompte.AnnuaireFederateur;
    private DateTime creeLe = OutilsDeTest.Rentree.UtcDateTime;
    private string? courriel;
    private Classe? classe;

    public CompteBuilder Dans(Etablissement valeur)
    {
        etablissement = valeur;
        return this;
    }

    public CompteBuilder DeProfil(Profil valeur)
    {
        profil = valeur;
        return this;
    }

    public CompteBuilder Eleve() => DeProfil(Profil.Eleve);

    public CompteBuilder Responsable() => DeProfil(Profil.Responsable);

    public CompteBuilder Invite() => DeProfil(Profil.Invite);

    public CompteBuilder Nomme(string nomDeFamille, string prenomUsuel)
    {
        nom = nomDeFamille;
        prenom = prenomUsuel;
        return this;
    }

    /// <summary>Without it: <see cref="Identifiants.Racine(string, string)"/> of the name (« lea.martin »).</summary>
    public CompteBuilder Identifiant(string valeur)
    {
        identifiant = valeur;
        return this;
    }

    /// <summary>Created by hand in the console (<see cref="OrigineCompte.CreationManuelle"/>) rather than imported.</summary>
    public CompteBuilder CreeALaMain()
    {
        origine = OrigineCompte.CreationManuelle;
        return this;
    }

    public CompteBuilder CreeLe(DateTime valeur)
    {
        creeLe = valeur;
        return this;
    }

    public CompteBuilder Courriel(string? valeur)
    {
        courriel = valeur;
        return this;
    }

    public CompteBuilder EnClasse(Classe? valeur)
    {
        classe = valeur;
        return this;
    }

    public Compte Construire()
    {
        var compte = new Compte(
            etablissement ?? new Etablissement("0999999Z", "Collège Test"),
            profil,
            nom,
            prenom,
            identifiant ?? Identifiants.Racine(prenom, nom),
            origine,
            creeLe);
        if (courriel is not null)
        {
            compte.ModifierCourriel(courriel);
        }

        if (classe is not null)
        {
            compte.Scolariser(classe, null, null);
        }

        return compte;
    }
}
