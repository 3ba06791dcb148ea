using System.Text.Json;
using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Courriels;

/// <summary>L'expéditeur d'un établissement : son adresse réglée, sinon celle du déploiement, à son nom.</summary>
public sealed record Expediteur(string Adresse, string? Nom)
{
    public static Expediteur De(Etablissement etablissement, OptionsCourriels options) =>
        new(AdresseCourriel.Normaliser(etablissement.CourrielExpediteur) ?? options.From, etablissement.Nom);
}

/// <summary>Un courriel à mettre en file : à qui (l'adresse du compte, lue maintenant), quoi, pour quels comptes.</summary>
public sealed record NouveauMessage(
    long? CompteId,
    string Destinataire,
    string? NomDestinataire,
    CourrielCompose Contenu,
    IReadOnlyCollection<long> Comptes,
    IReadOnlyList<PieceJointeReference>? PiecesJointes = null);

/// <summary>
/// La boîte d'envoi (outbox). Tout s'ajoute au contexte SANS enregistrer : l'appelant enregistre en une
/// fois ses changements d'état, son entrée du journal et ses courriels, si bien qu'une opération annulée
/// ne laisse aucun courriel et qu'un courriel en file correspond toujours à un changement enregistré.
/// </summary>
public static class BoiteEnvoi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Campagne NouvelleCampagne(CredentialsDbContext db, Portee portee, TypeCampagne type, string libelle, DateTime maintenant)
    {
        var campagne = new Campagne(portee.EtablissementId, portee.Auteur, maintenant, type, libelle);
        db.Set<Campagne>().Add(campagne);
        return campagne;
    }

    /// <summary>Ajoute un courriel à la campagne ; les corps qui portent un mot de passe sont chiffrés par le coffre.</summary>
    public static MessageSortant Ajouter(CredentialsDbContext db, ICoffreSecrets coffre, Campagne campagne, Expediteur expediteur, NouveauMessage message, DateTime maintenant)
    {
        var destinataire = AdresseCourriel.Normaliser(message.Destinataire)
            ?? throw new ArgumentException("The recipient address was not validated before enqueueing.", nameof(message));
        var domaine = expediteur.Adresse[(expediteur.Adresse.LastIndexOf('@') + 1)..];
        var sortant = new MessageSortant(campagne, message.CompteId, destinataire, message.NomDestinataire, expediteur.Adresse, expediteur.Nom, $"<{Guid.NewGuid():N}@{domaine}>", maintenant)
        {
            // The school's name is added when the message is sent (ExpeditionCourriels): a corrected name applies to the queue too.
            Sujet = message.Contenu.Titre,
            CorpsChiffres = message.Contenu.ContientSecret,
            CorpsTexte = message.Contenu.ContientSecret ? coffre.Chiffrer(message.Contenu.Texte) : message.Contenu.Texte,
            CorpsHtml = message.Contenu.ContientSecret ? coffre.Chiffrer(message.Contenu.Html) : message.Contenu.Html,
            PiecesJointes = message.PiecesJointes is { Count: > 0 } pieces ? JsonSerializer.Serialize(pieces, Json) : null,
        };
        sortant.Concerner(message.CompteId is { } id ? message.Comptes.Prepend(id) : message.Comptes);
        db.Set<MessageSortant>().Add(sortant);
        return sortant;
    }

    internal static IReadOnlyList<PieceJointeReference> LirePiecesJointes(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<PieceJointeReference>>(json, Json) ?? [];
}
