using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Parametres;
using Credentials.Web.Infrastructure;

namespace Credentials.Web.Features.Parametres;

/// <summary>Le formulaire « Paramètres », tel qu'il est posté ; <see cref="Version"/> détecte une modification concurrente.</summary>
public sealed class FormulaireParametres
{
    public int Version { get; set; }

    public string? Nom { get; set; }

    public string? Ville { get; set; }

    public string? NomChef { get; set; }

    public string? PortailUrl { get; set; }

    public string? CourrielExpediteur { get; set; }

    public string? TexteCourrier { get; set; }

    public string? TexteContact { get; set; }

    public string? ContactDonneesPersonnelles { get; set; }

    public static FormulaireParametres Depuis(Etablissement e) => new()
    {
        Version = e.Version,
        Nom = e.Nom,
        Ville = e.Ville,
        NomChef = e.NomChef,
        PortailUrl = e.PortailUrl,
        CourrielExpediteur = e.CourrielExpediteur,
        TexteCourrier = e.TexteCourrier,
        TexteContact = e.TexteContact,
        ContactDonneesPersonnelles = e.ContactDonneesPersonnelles,
    };

    public SaisieParametres Saisie() => new(Nom, Ville, NomChef, PortailUrl, CourrielExpediteur, TexteCourrier, TexteContact) { ContactDonneesPersonnelles = ContactDonneesPersonnelles };
}

/// <summary>La page « Paramètres » : le formulaire, et ses champs avec leurs aides (les textes par défaut y sont cités).</summary>
public sealed record ParametresModel(FormulaireParametres Formulaire, string Uai, string PortailParDefaut)
{
    private static readonly EnTeteEtablissement SansTextes = new("", "", null, null, "", null, null);

    public ChampTexte Nom => new(nameof(Formulaire.Nom), "Nom de l'établissement", Formulaire.Nom, Requis: true, Aide: "En tête des courriers et dans l'objet des courriels.")
    {
        LongueurMax = ServiceParametres.LongueurNom,
    };

    public ChampTexte Ville => new(nameof(Formulaire.Ville), "Ville", Formulaire.Ville) { LongueurMax = ServiceParametres.LongueurVille };

    public ChampTexte NomChef => new(nameof(Formulaire.NomChef), "Chef d'établissement", Formulaire.NomChef, Aide: "Signataire des courriers, par exemple « Mme Sophie Laurent, principale ».")
    {
        LongueurMax = ServiceParametres.LongueurNomChef,
    };

    public ChampTexte PortailUrl => new(nameof(Formulaire.PortailUrl), "Adresse du portail d'activation", Formulaire.PortailUrl, Type: "url", Aide: $"Imprimée sur les fiches et contenue dans leur QR code. Vide : l'adresse commune à tous les établissements, {PortailParDefaut}.")
    {
        LongueurMax = ServiceParametres.LongueurPortailUrl,
    };

    public ChampTexte CourrielExpediteur => new(nameof(Formulaire.CourrielExpediteur), "Adresse d'expéditeur des courriels", Formulaire.CourrielExpediteur, Type: "email", Aide: "Les familles verront cette adresse et pourront y répondre. Vide : l'adresse d'envoi commune à tous les établissements, au nom du vôtre.")
    {
        LongueurMax = AdresseCourriel.LongueurMax,
    };

    public ChampTexte TexteCourrier => new(nameof(Formulaire.TexteCourrier), "À quoi sert le compte", Formulaire.TexteCourrier, Aide: $"Vide : un texte adapté à chaque profil. Pour un élève : « {TextesCourrier.AQuoiSertLeCompte(SansTextes, Profil.Eleve)} »")
    {
        Lignes = 5,
        LongueurMax = ServiceParametres.LongueurTexteCourrier,
    };

    public ChampTexte TexteContact => new(nameof(Formulaire.TexteContact), "Qui contacter en cas de difficulté", Formulaire.TexteContact, Aide: $"Vide : « {TextesCourrier.Contact(SansTextes)} »")
    {
        Lignes = 2,
        LongueurMax = ServiceParametres.LongueurTexteContact,
    };

    public ChampTexte ContactDonneesPersonnelles => new(nameof(Formulaire.ContactDonneesPersonnelles), "Contact pour les données personnelles", Formulaire.ContactDonneesPersonnelles, Aide: "Le délégué à la protection des données (DPO) de l'académie ou de la collectivité, avec son adresse : affiché aux familles sur la page « Données personnelles » du portail. Vide : le secrétariat.")
    {
        Lignes = 2,
        LongueurMax = ServiceParametres.LongueurTexteContact,
    };
}
