using Credentials.Core.Domain;

namespace Credentials.Core.Documents;

/// <summary>
/// Ce qu'un document dit d'un compte : l'entrée de tous les rendus (fiches, listes, CSV, courriels).
/// <see cref="MotDePasse"/> n'est renseigné que pour un compte « Notifié et non activé » dont le
/// mot de passe provisoire est en cours de validité ; jamais pour un compte activé.
/// </summary>
public sealed record FicheCompte(
    long CompteId,
    Profil Profil,
    string Nom,
    string Prenom,
    string Identifiant,
    EtatCompte Etat,
    VarianteFiche Variante,
    string? MotDePasse,
    DateTime? MotDePasseExpireLe,
    string? Classe,
    string? CodeMef,
    string? LibelleMef,
    string? Courriel,
    DateTime DateCreation,
    DateTime? DateNotification,
    DateTime? DateDerniereConnexion,
    bool Bloque)
{
    public string NomComplet => $"{Prenom} {Nom}";

    /// <summary>« M. », « Mme »… quand l'annuaire la donne : le courrier d'un adulte s'adresse à lui, pas à « Madame, Monsieur ».</summary>
    public string? Civilite { get; init; }

    /// <summary>Pour un responsable : ses enfants dans l'établissement, « Perceval CARON (3D) », pour distribuer les courriers classe par classe.</summary>
    public IReadOnlyList<string> Enfants { get; init; } = [];
    /// <summary>La langue de la famille (code proposé par <see cref="TextesLangue"/>) : le document est bilingue.</summary>
    public string? Langue { get; init; }

    /// <summary>Le courrier de relance d'un compte pas encore activé : même mot de passe, titre « Rappel ».</summary>
    public bool Relance { get; init; }

    /// <summary>
    /// Une fiche fictive, pour l'aperçu du courrier et le préchauffage des rendus : « Notifié et non activé » avec un
    /// mot de passe d'exemple, ou le rappel d'un compte « Activé ».
    /// </summary>
    public static FicheCompte Exemple(Profil profil, string prenom, string nom, EtatCompte etat, string? classe, DateTime maintenant) => new(
        0,
        profil,
        nom,
        prenom,
        $"{Identifiants.Replier(prenom)}.{Identifiants.Replier(nom)}",
        etat,
        etat == EtatCompte.Active ? VarianteFiche.Rappel : VarianteFiche.Identifiants,
        etat == EtatCompte.Active ? null : "EXEMPLE234",
        etat == EtatCompte.Active ? null : maintenant.AddDays(120),
        classe,
        null,
        null,
        null,
        maintenant,
        maintenant,
        null,
        false);
}

/// <summary>L'établissement tel qu'il apparaît en tête des documents, avec ses textes (ou les textes par défaut).</summary>
public sealed record EnTeteEtablissement(
    string Uai,
    string Nom,
    string? Ville,
    string? NomChef,
    string PortailUrl,
    string? TexteCourrier,
    string? TexteContact)
{
    /// <summary>L'en-tête d'un établissement ; son portail, ou celui du déploiement (<c>Portail:Url</c>).</summary>
    public static EnTeteEtablissement De(Etablissement etablissement, string portailParDefaut) => new(
        etablissement.Uai,
        etablissement.Nom,
        etablissement.Ville,
        etablissement.NomChef,
        etablissement.PortailUrl ?? portailParDefaut,
        etablissement.TexteCourrier,
        etablissement.TexteContact);
}

/// <summary>Les adresses du portail d'activation, partagées par les fiches, les courriels et le portail lui-même.</summary>
public static class LienPortail
{
    /// <summary>Le lien du QR code : la page d'activation avec l'identifiant pré-rempli.</summary>
    public static string Activation(string portailUrl, string identifiant) =>
        $"{portailUrl.TrimEnd('/')}/activation?identifiant={Uri.EscapeDataString(identifiant)}";

    /// <summary>Un lien à usage unique envoyé par courriel (activation ou nouveau mot de passe).</summary>
    public static string Unique(string portailUrl, string jeton) => $"{portailUrl.TrimEnd('/')}/lien/{jeton}";
    /// <summary>La page « Données personnelles » du portail, avec le contact de l'établissement.</summary>
    public static string DonneesPersonnelles(string portailUrl, string uai) =>
        $"{portailUrl.TrimEnd('/')}/donnees-personnelles?uai={Uri.EscapeDataString(uai)}";
}
