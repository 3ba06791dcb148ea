using System.Globalization;
using System.Reflection;
using System.Text;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Portail;

/// <summary>Ce à quoi un mot de passe choisi ne doit pas ressembler : l'identité du titulaire, ses anciens secrets.</summary>
public sealed record ContexteMotDePasse(string? Identifiant, string? Nom = null, string? Prenom = null, string? Provisoire = null, string? Actuel = null);

/// <summary>Une règle non respectée : son code (partagé avec <c>portail.js</c>) et la phrase à montrer.</summary>
public sealed record ManquementMotDePasse(string Regle, string Message);

/// <summary>
/// La politique des mots de passe choisis sur le portail, au niveau du « cas 2 » de la recommandation
/// CNIL 2022 (au moins 50 bits, avec restriction des essais) : 8 caractères et 3 types parmi 4, ou une
/// phrase de passe de 14 caractères ; ni l'identité du titulaire, ni le mot de passe provisoire, ni un
/// mot de passe courant. La page coche les règles pendant la saisie ; le serveur les revérifie toutes.
/// </summary>
public static class PolitiqueMotDePasse
{
    public const int LongueurMin = 8;
    public const int LongueurPhrase = 14;
    public const int LongueurMax = 128;
    public const int TypesMin = 3;

    /// <summary>Un nom ou prénom plus court (« Li », « Jo ») n'est pas recherché dans le mot de passe.</summary>
    public const int LongueurPartieMin = 3;

    /// <summary>Les règles que la page affiche et coche, dans l'ordre.</summary>
    public static IReadOnlyList<(string Code, string Libelle)> Regles { get; } =
    [
        ("longueur", $"Au moins {LongueurMin} caractères"),
        ("types", $"Au moins {TypesMin} types de caractères parmi\u00A0: minuscules, majuscules, chiffres, symboles (inutile à partir de {LongueurPhrase} caractères)"),
        ("identite", "Ni votre identifiant, ni votre nom, ni votre prénom"),
        ("confirmation", "Deux saisies identiques"),
    ];

    private static readonly Lazy<HashSet<string>> Courants = new(ChargerCourants);

    public static IReadOnlyList<ManquementMotDePasse> Verifier(string? motDePasse, ContexteMotDePasse contexte)
    {
        if (string.IsNullOrEmpty(motDePasse))
        {
            return [new("longueur", "Choisissez un mot de passe.")];
        }

        var longueur = Longueur(motDePasse);
        if (longueur > LongueurMax)
        {
            return [new("longueur", $"Le mot de passe doit faire au plus {LongueurMax} caractères.")];
        }

        var manquements = new List<ManquementMotDePasse>();
        if (longueur < LongueurMin)
        {
            manquements.Add(new("longueur", $"Le mot de passe doit contenir au moins {LongueurMin} caractères."));
        }
        else if (longueur < LongueurPhrase && Types(motDePasse) < TypesMin)
        {
            manquements.Add(new("types", $"Le mot de passe doit mélanger au moins {TypesMin} types de caractères (minuscules, majuscules, chiffres, symboles), ou bien faire au moins {LongueurPhrase} caractères."));
        }

        if (ContientIdentite(motDePasse, contexte))
        {
            manquements.Add(new("identite", "Le mot de passe ne doit contenir ni votre identifiant, ni votre nom, ni votre prénom."));
        }

        if (contexte.Provisoire is { } provisoire && FormatSecret.Normaliser(motDePasse) == FormatSecret.Normaliser(provisoire))
        {
            manquements.Add(new("provisoire", "Le mot de passe doit être différent du mot de passe provisoire."));
        }

        if (contexte.Actuel is { } actuel && motDePasse == actuel)
        {
            manquements.Add(new("actuel", "Le nouveau mot de passe doit être différent de l'actuel."));
        }

        if (EstCourant(motDePasse))
        {
            manquements.Add(new("courant", "Ce mot de passe est trop courant (ou n'en diffère que par des chiffres ou des symboles au début ou à la fin)\u00A0: choisissez-en un autre."));
        }

        return manquements;
    }

    /// <summary>
    /// Dans la liste, tel quel ou une fois ôtés les chiffres et symboles des extrémités et défaites les
    /// substitutions habituelles (« P@ssw0rd1 », « Soleil2025! » sont refusés).
    /// </summary>
    public static bool EstCourant(string motDePasse)
    {
        var bas = motDePasse.ToLowerInvariant();
        if (Courants.Value.Contains(bas))
        {
            return true;
        }

        var debut = 0;
        var fin = bas.Length;
        while (debut < fin && !char.IsLetter(bas[debut]))
        {
            debut++;
        }

        while (fin > debut && !char.IsLetter(bas[fin - 1]))
        {
            fin--;
        }

        var coeur = new StringBuilder(fin - debut);
        foreach (var c in bas.AsSpan(debut, fin - debut))
        {
            coeur.Append(c switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '1' or '!' => 'i',
                '0' => 'o',
                '$' or '5' => 's',
                '7' => 't',
                _ => c,
            });
        }

        return coeur.Length >= 4 && Courants.Value.Contains(coeur.ToString());
    }

    /// <summary>Minuscules, majuscules, chiffres, autres : combien de ces types le mot de passe mélange.</summary>
    public static int Types(string motDePasse)
    {
        bool minuscule = false, majuscule = false, chiffre = false, autre = false;
        foreach (var rune in motDePasse.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.LowercaseLetter:
                    minuscule = true;
                    break;
                case UnicodeCategory.UppercaseLetter:
                    majuscule = true;
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    chiffre = true;
                    break;
                default:
                    autre = true;
                    break;
            }
        }

        return (minuscule ? 1 : 0) + (majuscule ? 1 : 0) + (chiffre ? 1 : 0) + (autre ? 1 : 0);
    }

    /// <summary>En caractères Unicode (un emoji compte pour un), comme <c>[...texte].length</c> dans la page.</summary>
    public static int Longueur(string texte) => texte.EnumerateRunes().Count();

    private static bool ContientIdentite(string motDePasse, ContexteMotDePasse contexte)
    {
        var replie = Identifiants.Replier(motDePasse);
        var parties = new List<string>();
        if (!string.IsNullOrWhiteSpace(contexte.Identifiant))
        {
            var identifiant = Identifiants.Replier(contexte.Identifiant.Trim());
            parties.Add(identifiant);
            parties.AddRange(Decouper(identifiant));
        }

        parties.AddRange(Decouper(Identifiants.Replier(contexte.Nom ?? "")));
        parties.AddRange(Decouper(Identifiants.Replier(contexte.Prenom ?? "")));
        return parties.Any(p => p.Length >= LongueurPartieMin && replie.Contains(p, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Decouper(string texte) =>
        texte.Split([' ', '.', '-', '\'', '’', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'));

    private static HashSet<string> ChargerCourants()
    {
        using var flux = Assembly.GetExecutingAssembly().GetManifestResourceStream("Credentials.Core.Portail.MotsDePasseCourants.txt")
            ?? throw new InvalidOperationException("Embedded resource MotsDePasseCourants.txt is missing.");
        using var lecteur = new StreamReader(flux, Encoding.UTF8);
        var mots = new HashSet<string>(StringComparer.Ordinal);
        while (lecteur.ReadLine() is { } ligne)
        {
            ligne = ligne.Trim();
            if (ligne.Length > 0 && !ligne.StartsWith('#'))
            {
                mots.Add(ligne.ToLowerInvariant());
            }
        }

        return mots;
    }
}
