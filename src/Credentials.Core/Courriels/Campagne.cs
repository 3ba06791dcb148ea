namespace Credentials.Core.Courriels;

/// <summary>Ce qui a fait partir les courriels d'une campagne.</summary>
public enum TypeCampagne
{
    /// <summary>(Re)notification d'une sélection de comptes, un courriel par compte.</summary>
    Notification = 1,

    /// <summary>« Envoyer aux familles » : un courriel par responsable avec les fiches de ses enfants.</summary>
    Familles = 2,

    /// <summary>Publipostage sur plusieurs profils.</summary>
    Publipostage = 3,

    /// <summary>Relance automatique (ou « credentials relancer ») des comptes notifiés et non activés.</summary>
    Relance = 4,

    /// <summary>Un lien « mot de passe oublié » demandé sur le portail par le titulaire.</summary>
    MotDePasseOublie = 5,
}

/// <summary>
/// Un envoi de courriels décidé par une personne : qui, quand, quoi, combien. Les messages de la boîte
/// d'envoi lui appartiennent ; leur avancement se lit en comptant leurs statuts.
/// </summary>
public class Campagne
{
    private Campagne()
    {
    }

    public Campagne(int etablissementId, string auteur, DateTime creeLe, TypeCampagne type, string libelle)
    {
        EtablissementId = etablissementId;
        Auteur = auteur;
        CreeLe = creeLe;
        Type = type;
        Libelle = libelle;
    }

    public long Id { get; private set; }

    public int EtablissementId { get; private set; }

    /// <summary>Adresse de l'utilisateur de la console, ou « cli ».</summary>
    public string Auteur { get; private set; } = "";

    public DateTime CreeLe { get; private set; }

    public TypeCampagne Type { get; private set; }

    /// <summary>Ce que la page « Envois » affiche : « Notification de 24 élèves », « Fiches aux familles de 6A »…</summary>
    public string Libelle { get; private set; } = "";

    /// <summary>Courriels mis en file.</summary>
    public int NombreMessages { get; private set; }

    /// <summary>Comptes concernés par ces courriels (un courriel aux familles en concerne plusieurs).</summary>
    public int NombreComptes { get; private set; }

    /// <summary>Comptes de la sélection laissés de côté faute d'adresse valable (voie papier).</summary>
    public int NombreSansAdresse { get; private set; }

    internal void Compter(int messages, int comptes, int sansAdresse)
    {
        NombreMessages = messages;
        NombreComptes = comptes;
        NombreSansAdresse = sansAdresse;
    }
}
