using System.Reflection;

namespace Credentials.Core.Documents;

/// <summary>
/// Les textes d'une langue proposée aux familles (<c>Documents/Langues/&lt;code&gt;.txt</c>, ressources
/// incorporées qu'un traducteur peut lire et corriger) : le courrier et les courriels les impriment après le
/// français. Seules les langues en alphabet latin ou cyrillique sont proposées : la police DejaVu embarquée
/// les couvre, sans mise en forme contextuelle (l'arabe, qui en a besoin, et le chinois, qu'elle ne couvre
/// pas, imprimeraient un texte illisible).
/// </summary>
public sealed class TextesLangue
{
    private readonly ILookup<string, string> textes;

    private TextesLangue(string code, ILookup<string, string> textes)
    {
        Code = code;
        this.textes = textes;
        Nom = textes["nom"].Single();
        NomFrancais = textes["nom_francais"].Single();
    }

    /// <summary>Les codes ISO 639-1 proposés, dans l'ordre des listes de la console.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "es", "pt", "it", "de", "ro", "tr", "pl", "uk", "ru"];

    private static readonly Lazy<IReadOnlyDictionary<string, TextesLangue>> Toutes = new(Charger);

    public static IReadOnlyList<TextesLangue> Proposees => Codes.Select(c => Toutes.Value[c]).ToList();

    public string Code { get; }

    /// <summary>Le nom de la langue dans la langue (« Українська »).</summary>
    public string Nom { get; }

    /// <summary>Le nom de la langue en français (« ukrainien »).</summary>
    public string NomFrancais { get; }

    /// <summary>La langue de ce code, ou null (français seul) pour un code vide ou non proposé.</summary>
    public static TextesLangue? De(string? code) =>
        code is not null && Toutes.Value.TryGetValue(code.Trim().ToLowerInvariant(), out var langue) ? langue : null;

    public static bool EstProposee(string? code) => De(code) is not null;

    /// <summary>Le courriel d'activation par lien : l'identifiant, le lien et sa date limite.</summary>
    public IReadOnlyList<string> Activation(string identifiant, string lien, string date) =>
        Remplir("activation", identifiant, lien, date, "");

    /// <summary>Le courrier ou le courriel avec mot de passe provisoire (dans le cadre en français).</summary>
    public IReadOnlyList<string> Identifiants(string identifiant, string lien) =>
        Remplir("identifiants", identifiant, lien, "", lien);

    /// <summary>Le rappel d'un compte déjà activé.</summary>
    public IReadOnlyList<string> Rappel(string identifiant, string portail) =>
        Remplir("rappel", identifiant, portail, "", portail);

    private List<string> Remplir(string cle, string identifiant, string lien, string date, string portail) =>
        textes[cle].Select(t => t
            .Replace("{identifiant}", identifiant, StringComparison.Ordinal)
            .Replace("{lien}", lien, StringComparison.Ordinal)
            .Replace("{date}", date, StringComparison.Ordinal)
            .Replace("{portail}", portail, StringComparison.Ordinal)).ToList();

    private static Dictionary<string, TextesLangue> Charger()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var langues = new Dictionary<string, TextesLangue>();
        foreach (var code in Codes)
        {
            using var flux = assembly.GetManifestResourceStream($"Credentials.Langues.{code}.txt")
                ?? throw new InvalidOperationException($"Embedded resource Langues/{code}.txt is missing.");
            using var lecteur = new StreamReader(flux);
            var lignes = lecteur.ReadToEnd().Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => (Cle: l[..l.IndexOf('=')].Trim(), Texte: l[(l.IndexOf('=') + 1)..].Trim()));
            langues[code] = new TextesLangue(code, lignes.ToLookup(l => l.Cle, l => l.Texte));
        }

        return langues;
    }
}

/// <summary>Un lien à usage unique tel qu'un courriel le porte : l'adresse complète et sa date limite.</summary>
public sealed record LienEnvoye(string Url, DateTime ExpireLe);
