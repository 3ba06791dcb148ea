using System.Globalization;

namespace Credentials.Core.Domain;

/// <summary>
/// Les relances automatiques d'un établissement : par profil, au plus 3 délais en jours après la notification
/// (« 7, 21 »), croissants. Stocké en une colonne lisible : <c>Responsable:7,21;Eleve:7</c>.
/// </summary>
public sealed record CalendrierRelances(IReadOnlyDictionary<Profil, IReadOnlyList<int>> Jours)
{
    public const int MaxRelances = 3;

    public const int MaxJours = 365;

    public static CalendrierRelances Aucun { get; } = new(new Dictionary<Profil, IReadOnlyList<int>>());

    public IReadOnlyList<int> Pour(Profil profil) => Jours.TryGetValue(profil, out var jours) ? jours : [];

    public bool EstVide => Jours.Values.All(j => j.Count == 0);

    /// <summary>Combien de relances de ce profil sont dues pour une notification de cette date.</summary>
    public int RangDu(Profil profil, DateTime dateNotification, DateTime maintenant) =>
        Pour(profil).Count(j => dateNotification.AddDays(j) <= maintenant);

    public override string ToString() =>
        string.Join(';', Jours.Where(j => j.Value.Count > 0).OrderBy(j => j.Key).Select(j => $"{j.Key}:{string.Join(',', j.Value)}"));

    /// <summary>Lit la colonne (écrite par <see cref="ToString"/>) ; ce qui ne se lit pas est ignoré.</summary>
    public static CalendrierRelances Lire(string? texte)
    {
        var jours = new Dictionary<Profil, IReadOnlyList<int>>();
        foreach (var partie in (texte ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (profil, liste) = (partie.Split(':')[0], partie.Split(':').ElementAtOrDefault(1) ?? "");
            if (Enum.TryParse<Profil>(profil, out var p) && Verifier(liste, out var delais) is null)
            {
                jours[p] = delais;
            }
        }

        return new CalendrierRelances(jours);
    }

    /// <summary>
    /// Vérifie une saisie « 7, 21 » (vide : aucune relance). Renvoie le message d'erreur en français, ou null.
    /// </summary>
    public static string? Verifier(string? saisie, out IReadOnlyList<int> jours)
    {
        jours = [];
        var parties = (saisie ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lus = new List<int>();
        foreach (var partie in parties)
        {
            if (!int.TryParse(partie, NumberStyles.None, CultureInfo.InvariantCulture, out var j) || j < 1 || j > MaxJours)
            {
                return $"« {partie} » n'est pas un nombre de jours entre 1 et {MaxJours}.";
            }

            lus.Add(j);
        }

        if (lus.Count > MaxRelances)
        {
            return $"Au plus {MaxRelances} relances : {lus.Count} délais ont été saisis.";
        }

        if (lus.Zip(lus.Skip(1)).Any(p => p.Second <= p.First))
        {
            return "Les délais doivent être croissants (par exemple « 7, 21 »).";
        }

        jours = lus;
        return null;
    }
}
