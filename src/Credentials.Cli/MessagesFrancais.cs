using System.CommandLine;
using System.Text.RegularExpressions;

namespace Credentials.Cli;

/// <summary>
/// Les messages de System.CommandLine que sa traduction française laisse en anglais (« Option '--x' is required. »,
/// « Show help and usage information »), dits en français.
/// </summary>
internal static partial class MessagesFrancais
{
    private static readonly (Regex Motif, string Francais)[] Traductions =
    [
        (new Regex(@"^Option '(.+)' is required\.$"), "L'option « $1 » est obligatoire."),
        (new Regex(@"^Option '(.+)' expects a single argument but (\d+) were provided\.$"), "L'option « $1 » attend une seule valeur, $2 ont été données."),
        (new Regex(@"^Cannot parse argument '(.*)' for option '(.+)' as expected type '(.+)'\.(.*)$", RegexOptions.Singleline), "La valeur « $1 » de l'option « $2 » n'est pas valide ($3 attendu).$4"),
        (new Regex(@"^Cannot parse argument '(.*)' for command '(.+)' as expected type '(.+)'\.(.*)$", RegexOptions.Singleline), "La valeur « $1 » de la commande « $2 » n'est pas valide ($3 attendu).$4"),
        (new Regex(@"^Cannot parse argument '(.*)' as expected type '(.+)'\.$"), "La valeur « $1 » n'est pas valide ($2 attendu)."),
        (new Regex(@"^'(.+)' was not matched\. Did you mean one of the following\?(.*)$", RegexOptions.Singleline), "« $1 » n'est pas reconnu. Vouliez-vous dire :$2"),
        (new Regex(@"^(.+) option cannot be combined with other arguments\.$"), "L'option $1 ne peut pas être combinée avec d'autres arguments."),
        (new Regex(@"^Character not allowed in a file name: '(.+)'\.$"), "Caractère interdit dans un nom de fichier : « $1 »."),
    ];

    /// <summary>Le message en français (tel quel s'il l'est déjà).</summary>
    public static string Traduire(string message)
    {
        foreach (var (motif, francais) in Traductions)
        {
            if (motif.IsMatch(message))
            {
                return motif.Replace(message, francais.Replace("Did you mean one of the following?", "Vouliez-vous dire :", StringComparison.Ordinal));
            }
        }

        return message.Replace("Did you mean one of the following?", "Vouliez-vous dire :", StringComparison.Ordinal);
    }

    /// <summary>« credentials import siecle » : la commande telle qu'on la tape.</summary>
    public static string Chemin(Command commande)
    {
        var noms = new List<string>();
        for (var c = commande; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            noms.Insert(0, c.Name);
        }

        return string.Join(' ', noms.Prepend("credentials"));
    }

    /// <summary>Les descriptions des options d'aide et de version, que chaque commande affiche.</summary>
    public static void DecrireOptionsStandard(RootCommand racine)
    {
        foreach (var option in racine.Options)
        {
            if (option is System.CommandLine.Help.HelpOption)
            {
                option.Description = "Affiche l'aide et l'utilisation de la commande.";
            }
            else if (option is VersionOption)
            {
                option.Description = "Affiche la version.";
            }
        }
    }
}
