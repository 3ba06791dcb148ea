using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Credentials.Core.Imports;

/// <summary>
/// Parcourt un export XML en flux et remet chaque élément utile (ELEVE, PERSONNE…) avec sa ligne.
/// Aucune DTD, aucune entité externe : un fichier qui en déclare une est refusé.
/// </summary>
internal static class LecteurXml
{
    private static readonly XmlReaderSettings Reglages = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static readonly Dictionary<string, string> Racines = new(StringComparer.Ordinal)
    {
        ["BEE_ELEVES"] = "l'export des élèves (BEE_ELEVES)",
        ["BEE_RESPONSABLES"] = "l'export des responsables (BEE_RESPONSABLES)",
        ["BEE_NOMENCLATURES"] = "l'export des nomenclatures (BEE_NOMENCLATURES)",
    };

    static LecteurXml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Lit <paramref name="octets"/> ; appelle <paramref name="traiter"/> pour chaque élément nommé dans
    /// <paramref name="elements"/>. Faux (avec une erreur consignée) si le fichier n'est pas l'export attendu ou est abîmé.
    /// </summary>
    public static bool Parcourir(
        byte[] octets,
        string fichier,
        string racineAttendue,
        IReadOnlySet<string> elements,
        IReadOnlySet<string> ignores,
        Action<XElement, int> traiter,
        RapportLecture rapport)
    {
        var ou = new Localisation(fichier);
        if (ContientDtd(octets))
        {
            rapport.Erreur(ou, "le fichier déclare une DTD (<!DOCTYPE …>) : les exports SIECLE n'en ont pas, il est refusé par sécurité");
            return false;
        }

        if (EncodageIncoherent(octets) is { } incoherence)
        {
            rapport.Erreur(ou with { Ligne = incoherence.Ligne }, incoherence.Message);
            return false;
        }

        var racineLue = false;
        using var lecteur = XmlReader.Create(new MemoryStream(octets, writable: false), Reglages);
        var ligne = (IXmlLineInfo)lecteur;
        try
        {
            lecteur.MoveToContent();
            racineLue = true;
            if (lecteur.NodeType != XmlNodeType.Element || lecteur.LocalName != racineAttendue)
            {
                rapport.Erreur(ou, Racines.TryGetValue(lecteur.LocalName, out var autre)
                    ? $"ce fichier est {autre}, pas {Racines[racineAttendue]} : vérifiez quel fichier va dans quelle case"
                    : $"ce fichier n'est pas {Racines[racineAttendue]} de SIECLE : il commence par « {lecteur.LocalName} »");
                return false;
            }

            lecteur.Read();
            while (!lecteur.EOF)
            {
                if (lecteur.NodeType != XmlNodeType.Element)
                {
                    lecteur.Read();
                }
                else if (elements.Contains(lecteur.LocalName))
                {
                    var numero = ligne.LineNumber;
                    traiter((XElement)XNode.ReadFrom(lecteur), numero);
                }
                else if (ignores.Contains(lecteur.LocalName))
                {
                    lecteur.Skip();
                }
                else
                {
                    lecteur.Read();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is XmlException or DecoderFallbackException or ArgumentException)
        {
            var position = ex is XmlException x ? $" (ligne {x.LineNumber}, position {x.LinePosition})" : "";
            rapport.Erreur(ou, racineLue
                ? $"le XML est interrompu ou abîmé{position} : le fichier est incomplet, téléchargez à nouveau l'export depuis SIECLE"
                : $"ce fichier n'est pas un export XML de SIECLE : son contenu n'est pas du XML lisible{position}");
            return false;
        }
    }

    /// <summary>Le texte d'un élément enfant, sans espaces autour ; null s'il est absent ou vide.</summary>
    public static string? Valeur(XElement parent, string nom) =>
        parent.Element(nom)?.Value.Trim() is { Length: > 0 } v ? v : null;

    public static string? Attribut(XElement element, string nom) =>
        element.Attribute(nom)?.Value.Trim() is { Length: > 0 } v ? v : null;

    /// <summary>
    /// Un fichier dont les octets ne sont pas dans l'encodage qu'il déclare : réenregistré en UTF-8 par un éditeur
    /// alors qu'il se dit ISO-8859-15, ou l'inverse. Le XML se lirait de travers (« GrÃ©gory ») ou s'arrêterait
    /// sur un message trompeur ; la ligne du premier caractère en cause dit où regarder.
    /// </summary>
    internal static (int Ligne, string Message)? EncodageIncoherent(byte[] octets)
    {
        var contenu = octets.AsSpan();
        if (contenu.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || contenu.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return null;
        }

        var bom = contenu.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (!(bom ? contenu[3..] : contenu).TrimStart(" \t\r\n"u8).StartsWith("<"u8))
        {
            // Not XML at all: the parser says so.
            return null;
        }

        var declare = Declaration(contenu);
        var declareUtf8 = bom || declare is null || declare.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || declare.Equals("UTF8", StringComparison.OrdinalIgnoreCase);
        var (valide, premierNonAscii, premierInvalide) = AnalyserUtf8(contenu);
        if (declareUtf8 && !valide)
        {
            var quoi = declare is null ? "ne déclare pas d'encodage (il est donc lu en UTF-8)" : "se déclare en UTF-8";
            return (Ligne(contenu, premierInvalide), $"l'encodage du fichier ne correspond pas à sa déclaration : il {quoi}, mais ce caractère n'est pas de l'UTF-8 (le fichier est probablement en ISO-8859-15 ou Windows-1252, comme les exports de SIECLE). Il a sans doute été modifié puis réenregistré : exportez-le à nouveau depuis SIECLE et déposez-le sans l'ouvrir");
        }

        if (!declareUtf8 && valide && premierNonAscii >= 0 && EstEncodageSurUnOctet(declare!))
        {
            return (Ligne(contenu, premierNonAscii), $"l'encodage du fichier ne correspond pas à sa déclaration : il se déclare en {declare}, mais son texte est en UTF-8 (« é » y serait lu « Ã© »). Il a sans doute été ouvert puis réenregistré en UTF-8 par un éditeur ou un tableur : exportez-le à nouveau depuis SIECLE et déposez-le sans l'ouvrir");
        }

        return null;
    }

    /// <summary>L'encodage du prologue <c>&lt;?xml … encoding="…"?&gt;</c>, ou null s'il n'en déclare pas.</summary>
    private static string? Declaration(ReadOnlySpan<byte> contenu)
    {
        var debut = contenu[..Math.Min(contenu.Length, 300)];
        if (debut.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            debut = debut[3..];
        }

        var prologue = Encoding.ASCII.GetString(debut.TrimStart(" \t\r\n"u8));
        var fin = prologue.IndexOf("?>", StringComparison.Ordinal);
        if (!prologue.StartsWith("<?xml", StringComparison.Ordinal) || fin < 0)
        {
            return null;
        }

        var m = System.Text.RegularExpressions.Regex.Match(prologue[..fin], "encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
        return m.Success ? m.Groups[1].Value : null;
    }

    private static bool EstEncodageSurUnOctet(string nom)
    {
        try
        {
            return Encoding.GetEncoding(nom).IsSingleByte;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Si les octets sont de l'UTF-8 valide ; la position du premier octet non ASCII et celle du premier octet invalide.</summary>
    private static (bool Valide, int PremierNonAscii, int PremierInvalide) AnalyserUtf8(ReadOnlySpan<byte> contenu)
    {
        var nonAscii = contenu.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (nonAscii < 0)
        {
            return (true, -1, -1);
        }

        var reste = contenu[nonAscii..];
        var position = nonAscii;
        while (!reste.IsEmpty)
        {
            var statut = System.Text.Rune.DecodeFromUtf8(reste, out _, out var lus);
            if (statut != System.Buffers.OperationStatus.Done)
            {
                return (false, nonAscii, position);
            }

            reste = reste[lus..];
            position += lus;
            var suivant = reste.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (suivant < 0)
            {
                break;
            }

            reste = reste[suivant..];
            position += suivant;
        }

        return (true, nonAscii, -1);
    }

    private static int Ligne(ReadOnlySpan<byte> contenu, int position) => contenu[..position].Count((byte)'\n') + 1;

    private static bool ContientDtd(byte[] octets) =>
        octets.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0 || octets.AsSpan().IndexOf("<!ENTITY"u8) >= 0;
}
