using System.Text;

namespace Credentials.Core.Imports;

/// <summary>Une ligne de données d'un CSV, avec son numéro tel qu'un tableur l'affiche (l'en-tête est la ligne 1).</summary>
internal sealed record LigneCsv(int Numero, string[] Cellules)
{
    public string? this[int? colonne] =>
        colonne is { } c && c < Cellules.Length && Cellules[c].Trim() is { Length: > 0 } v ? v : null;
}

/// <summary>
/// Un fichier CSV lu en entier : encodage détecté (UTF-8 s'il est valide, avec ou sans BOM, sinon Windows-1252),
/// séparateur détecté (« ; » d'abord), cellules entre guillemets pouvant contenir des retours à la ligne,
/// colonnes retrouvées par leur en-tête normalisé, jamais par leur position.
/// </summary>
internal sealed class TableauCsv
{
    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TableauCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private TableauCsv(string fichier, List<string> entetes, List<LigneCsv> lignes)
    {
        Fichier = fichier;
        Entetes = entetes;
        EntetesNormalises = entetes.Select(TexteImport.NormaliserEntete).ToList();
        Lignes = lignes;
    }

    public string Fichier { get; }

    public IReadOnlyList<string> Entetes { get; }

    public List<string> EntetesNormalises { get; }

    public IReadOnlyList<LigneCsv> Lignes { get; }

    /// <summary>La première colonne dont l'en-tête normalisé est l'un des <paramref name="noms"/>.</summary>
    public int? Colonne(params string[] noms)
    {
        foreach (var nom in noms)
        {
            var i = EntetesNormalises.IndexOf(nom);
            if (i >= 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Toutes les colonnes portant l'un de ces en-têtes, dans l'ordre (groupes « enfant » répétés d'ONDE).</summary>
    public List<int> Colonnes(params string[] noms) =>
        EntetesNormalises.Select((e, i) => (e, i)).Where(x => noms.Contains(x.e)).Select(x => x.i).ToList();

    public bool A(string nom) => EntetesNormalises.Contains(nom);

    public static TableauCsv? Lire(FichierImport fichier, OptionsImport options, RapportLecture rapport)
    {
        var octets = ContenuFichier.Lire(fichier, options, rapport, archive: null);
        if (octets is null)
        {
            return null;
        }

        var ou = new Localisation(fichier.Nom);
        var texte = Decoder(octets);
        if (texte.Contains('\0'))
        {
            rapport.Erreur(ou, "ce fichier n'est pas un fichier texte CSV (il contient des données binaires)");
            return null;
        }

        var enregistrements = Decouper(texte, Separateur(texte), out var guillemetOuvert);
        if (guillemetOuvert is { } ligneGuillemet)
        {
            rapport.Erreur(new Localisation(fichier.Nom, ligneGuillemet), "un guillemet ouvert dans cette ligne n'est jamais refermé : le fichier est incomplet ou abîmé");
            return null;
        }

        if (enregistrements.Count == 0)
        {
            rapport.Erreur(ou, "le fichier est vide");
            return null;
        }

        if (enregistrements.Count > 1 && !FinitParUnRetour(texte) && enregistrements[^1].Length < enregistrements[0].Length)
        {
            // A file cut while copying: one message, not one per pupil whose guardians are then missing.
            rapport.Erreur(new Localisation(fichier.Nom, enregistrements.Count), $"la dernière ligne est incomplète : {enregistrements[^1].Length} colonnes sur {enregistrements[0].Length}. Le fichier a sans doute été coupé (copie ou téléchargement interrompu) : extrayez-le à nouveau");
            return null;
        }

        var entetes = enregistrements[0].ToList();
        var lignes = enregistrements.Skip(1)
            .Select((cellules, i) => new LigneCsv(i + 2, cellules))
            .Where(l => l.Cellules.Any(c => !string.IsNullOrWhiteSpace(c)))
            .ToList();
        return new TableauCsv(fichier.Nom, entetes, lignes);
    }

    private static bool FinitParUnRetour(string texte) => texte.Length > 0 && texte[^1] is '\n' or '\r';

    /// <summary>
    /// UTF-16 s'il commence par son BOM (Excel, « Texte Unicode »), sinon UTF-8 (BOM retiré) s'il se décode sans
    /// erreur, sinon Windows-1252 (qui garde « œ », contrairement à Latin-1).
    /// </summary>
    private static string Decoder(byte[] octets)
    {
        if (octets.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(octets, 2, octets.Length - 2);
        }

        if (octets.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(octets, 2, octets.Length - 2);
        }

        var debut = octets.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return Utf8Strict.GetString(octets, debut, octets.Length - debut);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(octets);
        }
    }

    /// <summary>Le séparateur le plus fréquent dans la première ligne parmi « ; », tabulation et « , » (« ; » à égalité).</summary>
    private static char Separateur(string texte)
    {
        var fin = texte.IndexOfAny(['\r', '\n']);
        var entete = fin < 0 ? texte : texte[..fin];
        var candidats = new[] { ';', '\t', ',' };
        var meilleur = candidats.MaxBy(c => entete.Count(x => x == c));
        return !entete.Any(x => x == meilleur) ? ';' : meilleur;
    }

    private static List<string[]> Decouper(string texte, char separateur, out int? guillemetOuvert)
    {
        var enregistrements = new List<string[]>();
        var cellules = new List<string>();
        var cellule = new StringBuilder();
        var entreGuillemets = false;
        var ligneDebutGuillemet = 0;
        guillemetOuvert = null;
        for (var i = 0; i < texte.Length; i++)
        {
            var c = texte[i];
            if (entreGuillemets)
            {
                if (c == '"' && i + 1 < texte.Length && texte[i + 1] == '"')
                {
                    cellule.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    entreGuillemets = false;
                }
                else
                {
                    cellule.Append(c);
                }
            }
            else if (c == '"' && cellule.ToString().Trim().Length == 0)
            {
                cellule.Clear();
                entreGuillemets = true;
                ligneDebutGuillemet = enregistrements.Count + 1;
            }
            else if (c == separateur)
            {
                cellules.Add(cellule.ToString());
                cellule.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < texte.Length && texte[i + 1] == '\n')
                {
                    i++;
                }

                cellules.Add(cellule.ToString());
                cellule.Clear();
                enregistrements.Add([.. cellules]);
                cellules.Clear();
            }
            else
            {
                cellule.Append(c);
            }
        }

        if (entreGuillemets)
        {
            guillemetOuvert = ligneDebutGuillemet;
            return enregistrements;
        }

        if (cellule.Length > 0 || cellules.Count > 0)
        {
            cellules.Add(cellule.ToString());
            enregistrements.Add([.. cellules]);
        }

        return enregistrements;
    }
}
