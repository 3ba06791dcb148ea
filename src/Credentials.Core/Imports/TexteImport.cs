using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>Les petites règles de lecture communes aux formats : noms, dates, courriels, clés, civilités.</summary>
public static partial class TexteImport
{
    /// <summary>Un nom ou un prénom tel qu'on le garde : sans espaces en trop.</summary>
    public static string? Nettoyer(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return null;
        }

        return Espaces().Replace(texte.Trim(), " ");
    }

    /// <summary>
    /// La séquence qui trahit un texte mal décodé, ou null : UTF-8 lu comme ISO-8859-15 ou Windows-1252 (« Ã© » pour
    /// « é », « Ã‰ » pour « É », « â€™ » pour « ’ »), ou le caractère de remplacement d'un octet illisible.
    /// </summary>
    public static string? MalDecode(string? texte)
    {
        if (string.IsNullOrEmpty(texte))
        {
            return null;
        }

        var m = SequenceMalDecodee().Match(texte);
        return m.Success ? m.Value : null;
    }

    /// <summary>Clé de comparaison d'un nom : minuscules, sans accents, lettres et chiffres seulement (« N'DIAYE » = « ndiaye »).</summary>
    public static string CleNom(string? texte)
    {
        if (string.IsNullOrEmpty(texte))
        {
            return "";
        }

        var sb = new StringBuilder(texte.Length);
        foreach (var c in Identifiants.Replier(texte))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Un en-tête de colonne normalisé : minuscules, sans accents, espaces, apostrophes, astérisques ni BOM.</summary>
    public static string NormaliserEntete(string entete)
    {
        var sb = new StringBuilder(entete.Length);
        foreach (var c in Identifiants.Replier(entete))
        {
            if (c is ' ' or '\t' or '\u00A0' or '\'' or '’' or '`' or '*' or '\uFEFF')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Lit une date JJ/MM/AAAA (ou AAAA-MM-JJ). Vide → null sans erreur ; sinon l'erreur en français,
    /// par ex. « la date de naissance « 31/02/2012 » n'existe pas ».
    /// </summary>
    public static bool LireDate(string? texte, string quoi, out DateOnly? date, out string? erreur)
    {
        date = null;
        erreur = null;
        if (string.IsNullOrWhiteSpace(texte))
        {
            return true;
        }

        var t = texte.Trim();
        int jour, mois, annee;
        var fr = DateFrancaise().Match(t);
        var iso = DateIso().Match(t);
        if (fr.Success)
        {
            (jour, mois, annee) = (Entier(fr.Groups[1].Value), Entier(fr.Groups[2].Value), Entier(fr.Groups[3].Value));
        }
        else if (iso.Success)
        {
            (annee, mois, jour) = (Entier(iso.Groups[1].Value), Entier(iso.Groups[2].Value), Entier(iso.Groups[3].Value));
        }
        else
        {
            erreur = $"{quoi} « {t} » n'est pas une date au format JJ/MM/AAAA";
            return false;
        }

        if (annee < 1 || mois is < 1 or > 12 || jour < 1 || jour > DateTime.DaysInMonth(annee, mois))
        {
            erreur = $"{quoi} « {t} » n'existe pas";
            return false;
        }

        date = new DateOnly(annee, mois, jour);
        return true;
    }

    /// <summary>Un courriel en minuscules s'il est valide ; null s'il est vide ; <paramref name="valide"/> faux s'il est mal formé.</summary>
    public static string? NormaliserCourriel(string? texte, out bool valide)
    {
        valide = true;
        if (string.IsNullOrWhiteSpace(texte))
        {
            return null;
        }

        var adresse = AdresseCourriel.Normaliser(texte.ToLowerInvariant());
        valide = adresse is not null;
        return adresse;
    }

    /// <summary>« M. », « Mme », « Mlle » à partir des écritures des annuaires (M, MR, MONSIEUR, MME, MADAME…).</summary>
    public static string? Civilite(string? texte)
    {
        var cle = CleNom(texte);
        return cle switch
        {
            "" => null,
            "m" or "mr" or "monsieur" => "M.",
            "mme" or "madame" => "Mme",
            "mlle" or "mademoiselle" => "Mlle",
            _ => texte!.Trim().Length <= 10 ? texte.Trim() : null,
        };
    }

    /// <summary>Une clé synthétique stable : un préfixe et l'empreinte SHA-256 (tronquée) des parties repliées.</summary>
    public static string CleSynthetique(string prefixe, params string?[] parties)
    {
        var texte = string.Join('|', parties.Select(p => Identifiants.Replier(p?.Trim() ?? "")));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(texte));
        return prefixe + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>La clé d'un élève sans identifiant : nom + prénom + date de naissance (spécification laclasse).</summary>
    public static string CleEleve(string nom, string prenom, DateOnly dateNaissance) =>
        CleSynthetique("h-", CleNom(nom), CleNom(prenom), dateNaissance.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>« 2025-2026 » pour 2025.</summary>
    public static string Annee(int annee) => $"{annee}-{annee + 1}";

    /// <summary>« 20 Mo », « 48,8 Ko » : une taille de fichier comme la lit une personne.</summary>
    public static string Taille(long octets) => octets >= 1024 * 1024
        ? $"{(octets / (1024.0 * 1024)).ToString("0.#", Libelles.Culture)} Mo"
        : $"{(octets / 1024.0).ToString("0.#", Libelles.Culture)} Ko";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static int Entier(string texte) => int.Parse(texte, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("[ÃÂÅ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|\uFFFD")]
    private static partial Regex SequenceMalDecodee();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex DateFrancaise();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex DateIso();
}
