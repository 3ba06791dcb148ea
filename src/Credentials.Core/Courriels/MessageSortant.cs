using Credentials.Core.Domain;

namespace Credentials.Core.Courriels;

/// <summary>Où en est un courriel de la boîte d'envoi.</summary>
public enum StatutMessage
{
    /// <summary>En file, jamais tenté.</summary>
    EnAttente = 0,

    /// <summary>Réservé par un expéditeur (bail en cours) : en train de partir.</summary>
    EnCours = 1,

    /// <summary>Le serveur SMTP l'a accepté (réponse 250).</summary>
    Envoye = 2,

    /// <summary>Échec passager (4xx, serveur injoignable) : une nouvelle tentative est prévue.</summary>
    EnEchec = 3,

    /// <summary>Refusé définitivement (5xx) ou trop vieux pour être retenté : il ne partira plus sans relance.</summary>
    Abandonne = 4,
}

/// <summary>Une pièce jointe décrite, rendue au moment de l'envoi : la fiche d'un compte.</summary>
public sealed record PieceJointeReference(long CompteId, string NomFichier, VarianteFiche Variante);

/// <summary>
/// Un courriel de la boîte d'envoi (outbox). Écrit dans la même transaction que le changement d'état
/// et l'entrée du journal qui le motivent, puis envoyé en arrière-plan par <see cref="ExpeditionCourriels"/>.
/// Les corps qui contiennent un mot de passe provisoire sont chiffrés (<see cref="CorpsChiffres"/>).
/// Les changements de statut se font par des UPDATE conditionnés au bail (plusieurs expéditeurs
/// peuvent tourner en même temps), d'où l'absence de méthodes de transition ici.
/// </summary>
public class MessageSortant
{
    private readonly List<MessageCompte> comptes = [];

    private MessageSortant()
    {
    }

    internal MessageSortant(Campagne campagne, long? compteId, string destinataire, string? nomDestinataire, string expediteur, string? nomExpediteur, string messageId, DateTime creeLe)
    {
        Campagne = campagne;
        EtablissementId = campagne.EtablissementId;
        CompteId = compteId;
        Destinataire = destinataire;
        NomDestinataire = nomDestinataire;
        Expediteur = expediteur;
        NomExpediteur = nomExpediteur;
        MessageId = messageId;
        CreeLe = creeLe;
        EnFileDepuis = creeLe;
        ProchaineTentative = creeLe;
    }

    public long Id { get; private set; }

    public long CampagneId { get; private set; }

    public Campagne Campagne { get; private set; } = null!;

    public int EtablissementId { get; private set; }

    /// <summary>Le compte dont <see cref="Destinataire"/> est l'adresse enregistrée au moment de la mise en file.</summary>
    public long? CompteId { get; private set; }

    /// <summary>Tous les comptes dont ce courriel divulgue ou rappelle les identifiants (destinataire compris).</summary>
    public IReadOnlyCollection<MessageCompte> Comptes => comptes;

    /// <summary>L'adresse, validée et figée à la mise en file : le courriel ne part jamais ailleurs.</summary>
    public string Destinataire { get; private set; } = "";

    public string? NomDestinataire { get; private set; }

    public string Expediteur { get; private set; } = "";

    public string? NomExpediteur { get; private set; }

    public string Sujet { get; internal set; } = "";

    public string CorpsTexte { get; internal set; } = "";

    public string CorpsHtml { get; internal set; } = "";

    /// <summary>Les deux corps sont chiffrés par le coffre (ils contiennent un mot de passe provisoire).</summary>
    public bool CorpsChiffres { get; internal set; }

    /// <summary>Liste JSON de <see cref="PieceJointeReference"/>, ou null.</summary>
    public string? PiecesJointes { get; internal set; }

    public StatutMessage Statut { get; private set; } = StatutMessage.EnAttente;

    /// <summary>Tentatives SMTP menées à leur terme (acceptées ou refusées) depuis la mise en file ou la dernière relance.</summary>
    public int Tentatives { get; private set; }

    public DateTime CreeLe { get; private set; }

    /// <summary>Début de la durée de vie : la mise en file, ou la dernière relance manuelle.</summary>
    public DateTime EnFileDepuis { get; private set; }

    public DateTime ProchaineTentative { get; private set; }

    /// <summary>L'expéditeur (instance/travailleur) qui a réservé le message, jusqu'à <see cref="BailJusqua"/>.</summary>
    public string? BailProprietaire { get; private set; }

    public DateTime? BailJusqua { get; private set; }

    public DateTime? DerniereTentativeLe { get; private set; }

    /// <summary>La réponse du serveur (ou l'erreur de connexion) lors du dernier échec.</summary>
    public string? DerniereErreur { get; private set; }

    public DateTime? EnvoyeLe { get; private set; }

    /// <summary>L'en-tête Message-ID, fixé à la mise en file : une réexpédition après panne garde le même.</summary>
    public string MessageId { get; private set; } = "";

    internal void Concerner(IEnumerable<long> ids)
    {
        foreach (var id in ids.Distinct())
        {
            comptes.Add(new MessageCompte(this, id));
        }
    }
}

/// <summary>Un compte concerné par un courriel : l'historique des envois d'un compte se lit ici.</summary>
public class MessageCompte
{
    private MessageCompte()
    {
    }

    internal MessageCompte(MessageSortant message, long compteId)
    {
        Message = message;
        CompteId = compteId;
    }

    public long MessageSortantId { get; private set; }

    public MessageSortant Message { get; private set; } = null!;

    public long CompteId { get; private set; }
}
