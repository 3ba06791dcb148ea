using Credentials.Core.Secrets;

namespace Credentials.Core.Domain;

/// <summary>Durées de validité des secrets (section de configuration « Comptes »).</summary>
public sealed class OptionsComptes
{
    public const string Section = "Comptes";

    /// <summary>Un mot de passe provisoire reste valable toute la rentrée (4 mois par défaut).</summary>
    public TimeSpan DureeMotDePasseProvisoire { get; set; } = TimeSpan.FromDays(120);

    /// <summary>Un code de renouvellement sert vite ou pas du tout (7 jours par défaut).</summary>
    public TimeSpan DureeCodeRenouvellement { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Un lien « choisir un nouveau mot de passe » envoyé à l'adresse du titulaire : une heure.</summary>
    public TimeSpan DureeLienNouveauMotDePasse { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Un titulaire ne reçoit pas plus d'un lien « nouveau mot de passe » par quart d'heure.</summary>
    public TimeSpan IntervalleLiensNouveauMotDePasse { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Ce dont les transitions d'un compte ont besoin : hasard, chiffrement, hachage, heure, durées.</summary>
public sealed record OutilsSecrets(
    IGenerateurSecrets Generateur,
    ICoffreSecrets Coffre,
    IHacheurSecrets Hacheur,
    TimeProvider Horloge,
    OptionsComptes Options)
{
    public DateTime Maintenant => Horloge.GetUtcNow().UtcDateTime;
}
