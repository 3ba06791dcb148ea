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

    private static bool ContientDtd(byte[] octets) =>
        octets.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0 || octets.AsSpan().IndexOf("<!ENTITY"u8) >= 0;
}
