namespace Credentials.Core.Domain;

/// <summary>Un établissement scolaire, identifié par son UAI, et les réglages de ses courriers.</summary>
public class Etablissement
{
    private Etablissement()
    {
    }

    public Etablissement(string uai, string nom)
    {
        Uai = NormaliserUai(uai);
        Nom = nom.Trim();
    }

    public int Id { get; private set; }

    /// <summary>Unité administrative immatriculée : 7 chiffres et une lettre (ex. 0450750W).</summary>
    public string Uai { get; private set; } = "";

    public string Nom { get; private set; } = "";

    public string? Ville { get; private set; }

    /// <summary>Nom du chef d'établissement, signataire des courriers.</summary>
    public string? NomChef { get; private set; }

    /// <summary>Adresse du portail d'activation imprimée sur les fiches (sinon celle du déploiement).</summary>
    public string? PortailUrl { get; private set; }

    /// <summary>Expéditeur des courriels (sinon celui du déploiement).</summary>
    public string? CourrielExpediteur { get; private set; }

    /// <summary>Texte libre du courrier : à quoi sert le compte (sinon le texte par défaut).</summary>
    public string? TexteCourrier { get; private set; }

    /// <summary>Qui contacter en cas de difficulté (sinon « le secrétariat de l'établissement »).</summary>
    public string? TexteContact { get; private set; }

    /// <summary>Qui contacter pour les données personnelles (délégué à la protection des données de l'académie ou de la collectivité).</summary>
    public string? ContactDonneesPersonnelles { get; private set; }

    /// <summary>Année scolaire des dernières listes importées (2026 = 2026-2027).</summary>
    public int? AnneeScolaire { get; private set; }

    /// <summary>Ce que le courriel de notification porte : un lien d'activation (défaut) ou le mot de passe provisoire.</summary>
    public ModeCourriel ModeCourriel { get; private set; } = ModeCourriel.Lien;

    /// <summary>Validité d'un lien d'activation envoyé par courriel, en jours (14 par défaut).</summary>
    public int DureeLienActivationJours { get; private set; } = DureeLienParDefaut;

    /// <summary>Les relances automatiques, par profil (<see cref="CalendrierRelances"/>) ; vide : aucune.</summary>
    public string? Relances { get; private set; }

    public int Version { get; private set; }

    public const int DureeLienParDefaut = 14;

    public const int DureeLienMax = 90;

    public CalendrierRelances CalendrierRelances => CalendrierRelances.Lire(Relances);

    /// <summary>Ce que portent les courriels de notification, et les relances automatiques.</summary>
    public void ModifierEnvois(ModeCourriel mode, int dureeLienJours, CalendrierRelances relances)
    {
        if (dureeLienJours is < 1 or > DureeLienMax)
        {
            throw new ArgumentOutOfRangeException(nameof(dureeLienJours), dureeLienJours, "Checked by the caller.");
        }

        ModeCourriel = mode;
        DureeLienActivationJours = dureeLienJours;
        Relances = relances.EstVide ? null : relances.ToString();
        Version++;
    }

    public void ModifierReglages(string nom, string? ville, string? nomChef, string? portailUrl, string? courrielExpediteur, string? texteCourrier, string? texteContact)
    {
        Nom = nom.Trim();
        Ville = Vide(ville);
        NomChef = Vide(nomChef);
        PortailUrl = Vide(portailUrl);
        CourrielExpediteur = Vide(courrielExpediteur);
        TexteCourrier = Vide(texteCourrier);
        TexteContact = Vide(texteContact);
        Version++;
    }

    public void DefinirContactDonneesPersonnelles(string? contact)
    {
        ContactDonneesPersonnelles = Vide(contact);
        Version++;
    }

    public void DefinirAnneeScolaire(int annee)
    {
        AnneeScolaire = annee;
        Version++;
    }

    public static string NormaliserUai(string uai) => uai.Trim().ToUpperInvariant();

    /// <summary>7 chiffres puis une lettre.</summary>
    public static bool UaiValide(string? uai) =>
        uai is { Length: 8 } u && u[..7].All(char.IsAsciiDigit) && char.IsAsciiLetter(u[7]);

    private static string? Vide(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}
