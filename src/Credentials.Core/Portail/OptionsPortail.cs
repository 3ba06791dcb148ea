using System.Net;

namespace Credentials.Core.Portail;

/// <summary>
/// Le portail d'activation (section de configuration « Portail »). Son adresse publique, <c>Portail:Url</c>,
/// est lue par les rendus des fiches (le QR code mène à <c>{Url}/activation</c>, voir <c>LienPortail</c>).
/// </summary>
public sealed class OptionsPortail
{
    public const string Section = "Portail";

    /// <summary>Une session du portail expire après ce temps sans activité (ordinateurs partagés des établissements).</summary>
    public TimeSpan DureeSession { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Le temps laissé entre le mot de passe provisoire reconnu et le choix du nouveau.</summary>
    public TimeSpan DureeChoixMotDePasse { get; set; } = TimeSpan.FromMinutes(20);

    public OptionsLimitesPortail Limites { get; set; } = new();
}

/// <summary>
/// Les limites contre les essais répétés (section « Portail:Limites »), comptées en base pour que
/// toutes les instances de l'application les partagent.
/// </summary>
public sealed class OptionsLimitesPortail
{
    /// <summary>Par identifiant saisi (connu ou non) : CNIL 2022, 5 échecs puis délai croissant, 25 échecs par 24 h au plus.</summary>
    public ReglesLimite Identifiant { get; set; } = new()
    {
        Seuil = 5,
        MaxParFenetre = 25,
        Fenetre = TimeSpan.FromHours(24),
        DelaiInitial = TimeSpan.FromMinutes(1),
        DelaiMax = TimeSpan.FromHours(1),
    };

    /// <summary>Par adresse du client, tous identifiants confondus : contre l'essai d'un mot de passe sur beaucoup de comptes.</summary>
    public ReglesLimite Adresse { get; set; } = new()
    {
        Seuil = 50,
        MaxParFenetre = 500,
        Fenetre = TimeSpan.FromHours(24),
        DelaiInitial = TimeSpan.FromMinutes(1),
        DelaiMax = TimeSpan.FromMinutes(15),
    };

    /// <summary>
    /// Adresses jamais ralenties (le proxy sortant d'un établissement derrière lequel toute une salle
    /// active ses comptes) : seule la limite par identifiant s'y applique.
    /// </summary>
    public List<string> AdressesDeConfiance { get; set; } = [];

    public bool EstDeConfiance(IPAddress? adresse)
    {
        if (adresse is null || AdressesDeConfiance.Count == 0)
        {
            return false;
        }

        var normale = adresse.IsIPv4MappedToIPv6 ? adresse.MapToIPv4() : adresse;
        return AdressesDeConfiance.Any(a => IPAddress.TryParse(a, out var sure) && sure.Equals(normale));
    }
}

/// <summary>Une limite : après <see cref="Seuil"/> échecs dans la fenêtre, un délai qui double à chaque échec.</summary>
public sealed class ReglesLimite
{
    /// <summary>Échecs tolérés avant le premier délai.</summary>
    public int Seuil { get; set; }

    /// <summary>Au-delà, plus aucun essai jusqu'à la fin de la fenêtre.</summary>
    public int MaxParFenetre { get; set; }

    /// <summary>La fenêtre de comptage, ouverte au premier échec.</summary>
    public TimeSpan Fenetre { get; set; }

    public TimeSpan DelaiInitial { get; set; }

    public TimeSpan DelaiMax { get; set; }

    /// <summary>Le délai imposé après le n-ième échec : 0 avant le seuil, puis 1, 2, 4… fois le délai initial, plafonné.</summary>
    public TimeSpan Delai(int echecs)
    {
        if (echecs < Seuil)
        {
            return TimeSpan.Zero;
        }

        var puissance = Math.Min(echecs - Seuil, 30);
        var delai = DelaiInitial * Math.Pow(2, puissance);
        return delai < DelaiMax ? delai : DelaiMax;
    }
}
