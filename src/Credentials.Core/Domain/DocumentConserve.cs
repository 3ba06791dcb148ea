namespace Credentials.Core.Domain;

/// <summary>
/// Un document d'identifiants (courriers, fiches, liste) gardé chiffré quelques jours après l'action qui l'a produit,
/// pour qu'un téléchargement perdu ne laisse pas des comptes « Notifié » sans courrier : « Télécharger à nouveau »
/// rend exactement les mêmes octets, donc les mêmes mots de passe provisoires.
/// </summary>
public class DocumentConserve
{
    private DocumentConserve()
    {
    }

    public DocumentConserve(Evenement evenement, DateTime expireLe, string nomFichier, string typeContenu, byte[] contenuChiffre, string bilan, string? retour)
    {
        Evenement = evenement;
        EtablissementId = evenement.EtablissementId;
        Auteur = evenement.Auteur;
        Date = evenement.Date;
        ExpireLe = expireLe;
        NomFichier = nomFichier;
        TypeContenu = typeContenu;
        ContenuChiffre = contenuChiffre;
        Bilan = bilan;
        Retour = retour;
    }

    public long Id { get; private set; }

    public int EtablissementId { get; private set; }

    /// <summary>L'entrée du journal de l'action qui a produit le document (sa première divulgation).</summary>
    public long EvenementId { get; private set; }

    public Evenement Evenement { get; private set; } = null!;

    public string Auteur { get; private set; } = "";

    public DateTime Date { get; private set; }

    public DateTime ExpireLe { get; private set; }

    public string NomFichier { get; private set; } = "";

    public string TypeContenu { get; private set; } = "";

    /// <summary>Le fichier, chiffré par Data Protection comme les mots de passe provisoires qu'il contient.</summary>
    public byte[] ContenuChiffre { get; private set; } = [];

    /// <summary>Ce que l'action a changé, en une phrase (« 21 comptes notifiés, dont 3 rappels »).</summary>
    public string Bilan { get; private set; } = "";

    /// <summary>La recherche d'où vient l'action (adresse locale), pour y revenir.</summary>
    public string? Retour { get; private set; }

    /// <summary>Vrai dès le premier téléchargement ; les suivants sont de nouvelles divulgations, journalisées.</summary>
    public bool Telecharge { get; private set; }

    public bool EstExpire(DateTime maintenant) => maintenant >= ExpireLe;
}
