using Credentials.Core.Domain;
using Credentials.Core.Relances;
using Credentials.Web.Infrastructure;

namespace Credentials.Web.Features.Relances;

/// <summary>Le formulaire « Relances et courriels », tel qu'il est posté (un champ de délais par profil).</summary>
public sealed class FormulaireEnvois
{
    public int Version { get; set; }

    public ModeCourriel Mode { get; set; } = ModeCourriel.Lien;

    public string? DureeLienJours { get; set; }

    public string? RelancesResponsable { get; set; }

    public string? RelancesEleve { get; set; }

    public string? RelancesEnseignant { get; set; }

    public string? RelancesPersonnel { get; set; }

    public string? RelancesInvite { get; set; }

    private Dictionary<Profil, string?> Relances => new()
    {
        [Profil.Responsable] = RelancesResponsable,
        [Profil.Eleve] = RelancesEleve,
        [Profil.Enseignant] = RelancesEnseignant,
        [Profil.Personnel] = RelancesPersonnel,
        [Profil.Invite] = RelancesInvite,
    };

    /// <summary>Un champ par profil, avec le nom que le service donne à ses erreurs.</summary>
    public IEnumerable<ChampTexte> ChampsRelances => Relances.Select(r => new ChampTexte(
        ReglagesEnvois.ChampRelances(r.Key),
        $"Relances des {r.Key.Pluriel()} (jours après la notification)",
        r.Value,
        Aide: r.Key == Profil.Responsable ? "Par exemple « 7, 21 » : au plus 3 délais croissants. Vide : aucune relance." : null)
    {
        LongueurMax = 40,
    });

    public static FormulaireEnvois Depuis(Etablissement e)
    {
        string Jours(Profil p) => string.Join(", ", e.CalendrierRelances.Pour(p));
        return new()
        {
            Version = e.Version,
            Mode = e.ModeCourriel,
            DureeLienJours = e.DureeLienActivationJours.ToString(Libelles.Culture),
            RelancesResponsable = Jours(Profil.Responsable),
            RelancesEleve = Jours(Profil.Eleve),
            RelancesEnseignant = Jours(Profil.Enseignant),
            RelancesPersonnel = Jours(Profil.Personnel),
            RelancesInvite = Jours(Profil.Invite),
        };
    }

    public SaisieEnvois Saisie() => new(Mode, DureeLienJours, Relances);
}

/// <summary>La page « Relances » : le calendrier, les comptes à relancer sur papier, les vagues passées.</summary>
public sealed record RelancesModel(CalendrierRelances Calendrier, IReadOnlyList<CompteARelancer> SurPapier, IReadOnlyList<VagueRelances> Vagues);
