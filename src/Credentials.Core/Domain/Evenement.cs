namespace Credentials.Core.Domain;

/// <summary>Ce qui est consigné au journal.</summary>
public enum ActionJournal
{
    Notification = 1,
    ReinitialisationMotDePasse = 2,
    ListeComptes = 3,
    ExportCsv = 4,
    Blocage = 5,
    Deblocage = 6,
    CodeRenouvellement = 7,
    Import = 8,
    CreationCompte = 9,
    ModificationCompte = 10,
    Publipostage = 11,
    EnvoiCourriel = 12,
    ModificationReglages = 13,
    GestionUtilisateurs = 14,
    Relance = 15,
    Purge = 31,
    ExportPersonne = 32,
    EffacementCompte = 33,
    Activation = 20,
    ConnexionPortail = 21,
    EchecConnexionPortail = 22,
    VerrouillagePortail = 23,
    RenouvellementMotDePasse = 24,
    ChangementMotDePasse = 25,
    NouveauTelechargement = 30,
    LienNouveauMotDePasse = 26,
    NouveauMotDePasseParLien = 27,
}

/// <summary>Une entrée du journal : qui a fait quoi, quand, par quel canal, sur combien de comptes.</summary>
public class Evenement
{
    private Evenement()
    {
    }

    public Evenement(int etablissementId, DateTime date, string auteur, ActionJournal action, Canal? canal, int nombreComptes, string? details)
    {
        EtablissementId = etablissementId;
        Date = date;
        Auteur = auteur;
        Action = action;
        Canal = canal;
        NombreComptes = nombreComptes;
        Details = details;
    }

    public long Id { get; private set; }

    public int EtablissementId { get; private set; }

    public DateTime Date { get; private set; }

    /// <summary>Adresse de l'utilisateur de la console, « cli » ou « portail ».</summary>
    public string Auteur { get; private set; } = "";

    public ActionJournal Action { get; private set; }

    /// <summary>« courrier », « courriel », « csv », « pdf »…</summary>
    public Canal? Canal { get; private set; }

    public int NombreComptes { get; private set; }

    public string? Details { get; private set; }

    /// <summary>Une action sur plusieurs profils (publipostage) rattache ses comptes profil après profil.</summary>
    public void AjouterComptes(int nombre) => NombreComptes += nombre;
    /// <summary>
    /// Un compte mentionné a été supprimé : son nom et son identifiant laissent la place à un libellé neutre
    /// (« compte supprimé n° 1234 »), la ligne reste lisible sans rien garder de la personne.
    /// </summary>
    public bool Neutraliser(IEnumerable<string> termes, string libelle)
    {
        if (Details is null)
        {
            return false;
        }

        var avant = Details;
        foreach (var terme in termes.Where(t => t.Length > 0).OrderByDescending(t => t.Length))
        {
            Details = Details.Replace(terme, libelle, StringComparison.OrdinalIgnoreCase);
        }

        return avant != Details;
    }
}

/// <summary>Un compte concerné par une entrée du journal (l'historique d'un compte se lit ici).</summary>
public class EvenementCompte
{
    private EvenementCompte()
    {
    }

    public EvenementCompte(Evenement evenement, long compteId)
    {
        Evenement = evenement;
        CompteId = compteId;
    }

    public long EvenementId { get; private set; }

    public Evenement Evenement { get; private set; } = null!;

    public long CompteId { get; private set; }
}
