using System.Globalization;
using System.Text;
using Credentials.Core.Domain;

namespace Credentials.Core.Documents;

/// <summary>
/// Les noms des fichiers produits (ux.md règle 8) : « Fiche de connexion élève – Prénom NOM.pdf »
/// pour une personne, <c>identifiants-eleves_6A_2026-09-01.pdf</c> pour une liste ; tous valides
/// sous Windows et macOS.
/// </summary>
public static class NomsFichiers
{
    /// <summary>Longueur maximale d'un nom sans son extension : loin des 255 octets UTF-8 de macOS, même tout accentué.</summary>
    public const int LongueurMax = 120;

    private static readonly HashSet<string> ReservesWindows = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>« Fiche de connexion élève – Prénom NOM » : le titre du PDF d'une personne.</summary>
    public static string TitreFicheIndividuelle(FicheCompte fiche) => TitreFicheIndividuelle(fiche.Profil, fiche.Prenom, fiche.Nom);

    /// <summary>« Fiche de connexion élève – Prénom NOM ».</summary>
    public static string TitreFicheIndividuelle(Profil profil, string prenom, string nom) =>
        $"Fiche de connexion {profil.EnMinuscules()} \u2013 {prenom.Trim()} {nom.Trim().ToUpper(Libelles.Culture)}";

    /// <summary>« Fiche de connexion élève – Prénom NOM.pdf ».</summary>
    public static string FicheIndividuelle(FicheCompte fiche) => FicheIndividuelle(fiche.Profil, fiche.Prenom, fiche.Nom);

    /// <summary>« Fiche de connexion élève – Prénom NOM.pdf ».</summary>
    public static string FicheIndividuelle(Profil profil, string prenom, string nom) =>
        Nettoyer(TitreFicheIndividuelle(profil, prenom, nom)) + ".pdf";

    /// <summary><c>identifiants-eleves_6A_2026-09-01.pdf</c> ; sans classe : <c>identifiants-eleves_2026-09-01.pdf</c>.</summary>
    public static string ListeIdentifiants(Profil? profil, string? classe, DateTime instantUtc, string extension) =>
        Datee("identifiants-" + Slug(profil?.Pluriel() ?? "comptes"), classe, instantUtc, extension);

    /// <summary><c>{objet}_{classe}_{AAAA-MM-JJ}.{extension}</c>, la date à l'heure de Paris.</summary>
    public static string Datee(string objet, string? classe, DateTime instantUtc, string extension)
    {
        var jour = Libelles.HeureLocale(instantUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var morceaux = string.IsNullOrWhiteSpace(classe) ? [objet, jour] : new[] { objet, Slug(classe), jour };
        return $"{string.Join('_', morceaux)}.{extension.TrimStart('.')}";
    }

    /// <summary>
    /// Rend un nom (sans extension) valide sous Windows et macOS : sans <c>\ / : * ? " &lt; &gt; |</c> ni
    /// caractère de contrôle, sans point ni espace au bout, sans nom réservé (CON, NUL…), tronqué à
    /// <see cref="LongueurMax"/> caractères sans couper un caractère composé, en Unicode NFC.
    /// </summary>
    public static string Nettoyer(string nom)
    {
        var propre = new StringBuilder(nom.Length);
        foreach (var c in nom.Normalize(NormalizationForm.FormC))
        {
            propre.Append(c switch
            {
                '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' => ' ',
                _ when char.IsControl(c) || char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }

        var resultat = string.Join(' ', propre.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (new StringInfo(resultat).LengthInTextElements > LongueurMax)
        {
            resultat = new StringInfo(resultat).SubstringByTextElements(0, LongueurMax);
        }

        // A leading dot hides the file on macOS; trailing dots and spaces are dropped by Windows.
        resultat = resultat.Trim().TrimStart('.').TrimEnd('.', ' ');
        if (resultat.Length == 0)
        {
            return "fichier";
        }

        return ReservesWindows.Contains(resultat.Split('.')[0]) ? "_" + resultat : resultat;
    }

    /// <summary>« 2 nde AGORA » → « 2-nde-AGORA » : lettres et chiffres sans accents, le reste en tirets.</summary>
    private static string Slug(string texte)
    {
        var sortie = new StringBuilder(texte.Length);
        foreach (var c in texte.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                sortie.Append(c);
            }
            else if (sortie.Length > 0 && sortie[^1] != '-')
            {
                sortie.Append('-');
            }
        }

        return sortie.ToString().TrimEnd('-') is { Length: > 0 } slug ? slug : "sans-nom";
    }
}

/// <summary>
/// Donne à chaque fichier d'une archive un nom unique : le deuxième « Léa MARTIN » devient
/// « … (2).pdf ». La comparaison ignore la casse, comme les systèmes de fichiers de Windows et macOS.
/// </summary>
public sealed class NomsUniques
{
    private readonly HashSet<string> pris = new(StringComparer.OrdinalIgnoreCase);

    public string Reserver(string nomFichier)
    {
        if (pris.Add(nomFichier))
        {
            return nomFichier;
        }

        var extension = Path.GetExtension(nomFichier);
        var sansExtension = nomFichier[..^extension.Length];
        for (var n = 2; ; n++)
        {
            var candidat = $"{sansExtension} ({n}){extension}";
            if (pris.Add(candidat))
            {
                return candidat;
            }
        }
    }
}
