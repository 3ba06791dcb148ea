using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Credentials.Web.Infrastructure;

public enum TypeMessage
{
    Succes,
    Information,
    Avertissement,
    Erreur,
}

/// <summary>Un message qui reste affiché jusqu'à ce qu'on le ferme (pas de « toast »), son type écrit en toutes lettres.</summary>
public sealed record Message(TypeMessage Type, string Texte)
{
    public string Prefixe => Type switch
    {
        TypeMessage.Succes => "Succès :",
        TypeMessage.Information => "Information :",
        TypeMessage.Avertissement => "Attention :",
        _ => "Erreur :",
    };

    public string Classe => Type switch
    {
        TypeMessage.Succes => "message-succes",
        TypeMessage.Information => "message-info",
        TypeMessage.Avertissement => "message-avertissement",
        _ => "message-erreur",
    };
}

/// <summary>Les messages survivent à une redirection via TempData.</summary>
public static class Messages
{
    private const string Cle = "messages";

    public static void Ajouter(ITempDataDictionary tempData, TypeMessage type, string texte)
    {
        var existants = tempData.Peek(Cle) as string[] ?? [];
        tempData[Cle] = existants.Append($"{(int)type}|{texte}").ToArray();
    }

    public static IReadOnlyList<Message> Lire(ITempDataDictionary tempData) =>
        (tempData[Cle] as string[] ?? [])
            .Select(m => m.Split('|', 2))
            .Select(p => new Message((TypeMessage)int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1]))
            .ToList();
}
