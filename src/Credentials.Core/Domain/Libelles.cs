namespace Credentials.Core.Domain;

/// <summary>Les mots que voient les utilisateurs, au singulier et au pluriel.</summary>
public static class Libelles
{
    public static string Libelle(this EtatCompte etat) => etat switch
    {
        EtatCompte.NonNotifie => "Non notifié",
        EtatCompte.NotifieNonActive => "Notifié et non activé",
        EtatCompte.Active => "Activé",
        _ => etat.ToString(),
    };

    public static string Libelle(this Profil profil) => profil switch
    {
        Profil.Eleve => "Élève",
        Profil.Responsable => "Responsable",
        Profil.Enseignant => "Enseignant",
        Profil.Personnel => "Personnel",
        Profil.Invite => "Invité",
        _ => profil.ToString(),
    };

    /// <summary>Le profil en minuscules, tel qu'il s'écrit dans une phrase ou un nom de fichier.</summary>
    public static string EnMinuscules(this Profil profil) => profil.Libelle().ToLowerInvariant();

    /// <summary>« Élèves », « Responsables » : le pluriel en titre de carte ou de ligne.</summary>
    public static string PlurielTitre(this Profil profil) => string.Concat(profil.Pluriel()[..1].ToUpperInvariant(), profil.Pluriel()[1..]);

    public static string Pluriel(this Profil profil) => profil switch
    {
        Profil.Eleve => "élèves",
        Profil.Responsable => "responsables",
        Profil.Enseignant => "enseignants",
        Profil.Personnel => "personnels",
        Profil.Invite => "invités",
        _ => profil.ToString(),
    };

    /// <summary>Ce que l'utilisateur comprend : d'où vient le compte (ONE dit « Annuaire fédérateur » pour un compte importé).</summary>
    public static string Libelle(this OrigineCompte origine) => origine switch
    {
        OrigineCompte.AnnuaireFederateur => "Importé",
        OrigineCompte.CreationManuelle => "Créé dans la console",
        _ => origine.ToString(),
    };

    /// <summary>Le code enregistré dans le journal (et montré tel quel) : « courrier », « courriel », « pdf », « csv ».</summary>
    public static string Code(this Canal canal) => canal switch
    {
        Canal.Courrier => "courrier",
        Canal.Courriel => "courriel",
        Canal.Pdf => "pdf",
        Canal.Csv => "csv",
        Canal.Json => "json",
        Canal.Siecle => "siecle",
        Canal.Onde => "onde",
        Canal.Tableur => "tableur",
        _ => throw new ArgumentOutOfRangeException(nameof(canal), canal, null),
    };

    /// <summary>L'inverse de <see cref="Code"/>, construit à partir de lui.</summary>
    private static readonly Dictionary<string, Canal> CanauxParCode = Enum.GetValues<Canal>().ToDictionary(c => c.Code());

    /// <summary>Le canal d'un code du journal ; null pour un code inconnu (une ligne écrite par une version future).</summary>
    public static Canal? CanalDe(string? code) => code is not null && CanauxParCode.TryGetValue(code, out var canal) ? canal : null;

    public static string Libelle(this RoleConsole role) => role switch
    {
        RoleConsole.Directeur => "Directeur",
        RoleConsole.Secretaire => "Secrétaire",
        RoleConsole.Enseignant => "Enseignant",
        RoleConsole.Operateur => "Opérateur (CLI)",
        _ => role.ToString(),
    };

    public static string Libelle(this LienParente lien) => lien switch
    {
        LienParente.Mere => "Mère",
        LienParente.Pere => "Père",
        LienParente.Fratrie => "Fratrie",
        LienParente.Ascendant => "Ascendant",
        LienParente.AutreMembreFamille => "Autre membre de la famille",
        LienParente.Educateur => "Éducateur",
        LienParente.AssistantFamilial => "Assistant familial",
        LienParente.Tuteur => "Tuteur",
        LienParente.AideSocialeEnfance => "Aide sociale à l'enfance",
        LienParente.EleveLuiMeme => "Élève lui-même",
        LienParente.AutreLien => "Autre lien",
        _ => "Non précisé",
    };

    public static string Libelle(this ActionJournal action) => action switch
    {
        ActionJournal.Notification => "Notification",
        ActionJournal.ReinitialisationMotDePasse => "Réinitialisation du mot de passe",
        ActionJournal.ListeComptes => "Liste des comptes (PDF)",
        ActionJournal.ExportCsv => "Export CSV",
        ActionJournal.Blocage => "Blocage",
        ActionJournal.Deblocage => "Déblocage",
        ActionJournal.CodeRenouvellement => "Code de renouvellement",
        ActionJournal.Import => "Import",
        ActionJournal.CreationCompte => "Création de compte",
        ActionJournal.ModificationCompte => "Modification de compte",
        ActionJournal.Publipostage => "Publipostage",
        ActionJournal.EnvoiCourriel => "Envoi par courriel",
        ActionJournal.ModificationReglages => "Modification des paramètres",
        ActionJournal.GestionUtilisateurs => "Gestion des utilisateurs",
        ActionJournal.Purge => "Purge (durées de conservation)",
        ActionJournal.ExportPersonne => "Export des données d'une personne",
        ActionJournal.EffacementCompte => "Effacement d'un compte sur demande",
        ActionJournal.Activation => "Activation sur le portail",
        ActionJournal.ConnexionPortail => "Connexion au portail",
        ActionJournal.EchecConnexionPortail => "Échec de connexion au portail",
        ActionJournal.VerrouillagePortail => "Verrouillage temporaire sur le portail",
        ActionJournal.RenouvellementMotDePasse => "Nouveau mot de passe par code de renouvellement",
        ActionJournal.ChangementMotDePasse => "Changement de mot de passe",
        ActionJournal.NouveauTelechargement => "Nouveau téléchargement d'un document",
        ActionJournal.Relance => "Relance",
        ActionJournal.LienNouveauMotDePasse => "Lien « mot de passe oublié » envoyé",
        ActionJournal.NouveauMotDePasseParLien => "Nouveau mot de passe par lien",
        _ => action.ToString(),
    };

    /// <summary>« d'Arielle », « de Paul » : la préposition devant un nom, élidée devant une voyelle.</summary>
    public static string De(string nom) => CommenceParVoyelle(nom) ? "d'" + nom : "de " + nom;

    /// <summary>« de l'élève », « du responsable » : l'article contracté devant un nom commun.</summary>
    public static string DuLe(string nom) => CommenceParVoyelle(nom) ? "de l'" + nom : "du " + nom;

    private static bool CommenceParVoyelle(string mot) =>
        mot.Length > 0 && "aeiouy".Contains(Identifiants.Replier(mot[..1]).FirstOrDefault(), StringComparison.Ordinal);

    /// <summary>« 1 élève », « 23 élèves ».</summary>
    public static string Accorder(int nombre, string singulier, string pluriel) =>
        $"{nombre.ToString("N0", Culture)} {(nombre is 0 or 1 ? singulier : pluriel)}";

    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Une date stockée en UTC, vue à l'heure de Paris.</summary>
    public static DateTime HeureLocale(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>JJ/MM/AAAA, vide si absente.</summary>
    /// <summary>Le début d'un jour de l'établissement (minuit à Paris), en UTC : une date saisie devient une borne.</summary>
    public static DateTime DebutDuJour(DateOnly jour) => TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(TimeOnly.MinValue), Paris);

    public static string Date(DateTime? utc) => utc is null ? "" : HeureLocale(utc.Value).ToString("dd/MM/yyyy", Culture);

    /// <summary>
    /// Pourquoi un compte est inaccessible : « bloqué par X le JJ/MM/AAAA (motif) », « sorti(e) le JJ/MM/AAAA »,
    /// les deux séparés par « ; », ou vide s'il est accessible.
    /// </summary>
    public static string Inaccessibilite(DateTime? bloqueLe, string? bloquePar, string? motif, DateTime? dateSortie)
    {
        var raisons = new List<string>(2);
        if (bloqueLe is not null)
        {
            raisons.Add($"bloqué par {bloquePar ?? "l'établissement"} le {Date(bloqueLe)}{(string.IsNullOrWhiteSpace(motif) ? "" : $" ({motif})")}");
        }

        if (dateSortie is not null)
        {
            raisons.Add($"sorti(e) le {Date(dateSortie)}");
        }

        return string.Join(" ; ", raisons);
    }

    public static string Inaccessibilite(Compte compte) =>
        Inaccessibilite(compte.BloqueLe, compte.BloquePar, compte.MotifBlocage, compte.DateSortie);

    /// <summary>JJ/MM/AAAA HH:mm, vide si absente.</summary>
    public static string DateHeure(DateTime? utc) => utc is null ? "" : HeureLocale(utc.Value).ToString("dd/MM/yyyy HH:mm", Culture);
}
