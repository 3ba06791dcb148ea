using Credentials.Core.Domain;

namespace Credentials.Core.Documents;

/// <summary>
/// Les mots des fiches de connexion : ceux de l'établissement quand il les a écrits
/// (<see cref="EnTeteEtablissement.TexteCourrier"/>, <see cref="EnTeteEtablissement.TexteContact"/>),
/// sinon des textes par défaut adaptés au profil.
/// </summary>
public static class TextesCourrier
{
    private const char Nbsp = '\u00A0';

    public static string Titre(VarianteFiche variante) => variante == VarianteFiche.Rappel
        ? "Rappel de votre identifiant de connexion"
        : "Votre compte pour les services en ligne";

    /// <summary>« Bonjour Léa, » pour un élève ; « Madame, », « Monsieur, » ou « Madame, Monsieur, » pour un adulte.</summary>
    public static string Salutation(FicheCompte fiche) => fiche.Profil == Profil.Eleve
        ? $"Bonjour {fiche.Prenom},"
        : fiche.Civilite switch
        {
            "M." => "Monsieur,",
            "Mme" => "Madame,",
            "Mlle" => "Mademoiselle,",
            _ => "Madame, Monsieur,",
        };
    public const string TitreRelance = "Rappel\u00A0: votre compte n'est pas encore activé";

    /// <summary>Le courrier de relance : le même mot de passe provisoire qu'au premier courrier.</summary>
    public static string IntroductionRelance(EnTeteEtablissement etablissement) =>
        $"Votre établissement, {etablissement.Nom}, vous a ouvert un compte personnel pour ses services en ligne, qui n'est pas encore activé. Voici de nouveau votre identifiant et votre mot de passe provisoire{Nbsp}: ce sont les mêmes que sur le premier courrier.";


    /// <summary>Le destinataire, en tête de courrier : « M. Isabeau CARON », ou « Madame, Monsieur … » sans civilité connue.</summary>
    public static string Destinataire(FicheCompte fiche) => fiche.Profil == Profil.Eleve
        ? fiche.NomComplet
        : string.IsNullOrWhiteSpace(fiche.Civilite) ? $"Madame, Monsieur {fiche.NomComplet}" : $"{fiche.Civilite.Trim()} {fiche.NomComplet}";

    /// <summary>« responsable de Perceval CARON (3D) et de Léna CARON (6B) », vide sans enfant connu.</summary>
    public static string EnfantsDe(FicheCompte fiche) => fiche.Enfants.Count switch
    {
        0 => "",
        1 => $"responsable de {fiche.Enfants[0]}",
        _ => $"responsable de {string.Join(", de ", fiche.Enfants.SkipLast(1))} et de {fiche.Enfants[^1]}",
    };

    /// <summary>La ligne sous le nom : profil et classe, ou, pour un responsable, ses enfants et leurs classes.</summary>
    public static string Qualite(FicheCompte fiche) => (fiche.Profil, fiche.Classe) switch
    {
        (Profil.Responsable, _) when fiche.Enfants.Count > 0 => char.ToUpperInvariant(EnfantsDe(fiche)[0]) + EnfantsDe(fiche)[1..],
        (Profil.Eleve, { Length: > 0 } classe) => $"Élève, classe {classe}",
        (Profil.Responsable, { Length: > 0 } classe) => $"Responsable d'un élève de {classe}",
        (_, { Length: > 0 } classe) => $"{fiche.Profil.Libelle()}, {classe}",
        _ => fiche.Profil.Libelle(),
    };

    public static string Introduction(EnTeteEtablissement etablissement, VarianteFiche variante) => variante == VarianteFiche.Rappel
        ? $"Votre compte pour les services en ligne de l'établissement est déjà activé{Nbsp}: vous vous connectez avec l'identifiant ci-dessous et le mot de passe que vous avez choisi lors de votre première connexion."
        : $"Votre établissement, {etablissement.Nom}, met à votre disposition un compte personnel pour ses services en ligne.";

    /// <summary>À quoi sert le compte : le texte de l'établissement, sinon celui du profil.</summary>
    public static string AQuoiSertLeCompte(EnTeteEtablissement etablissement, Profil profil) =>
        string.IsNullOrWhiteSpace(etablissement.TexteCourrier) ? ParDefaut(profil) : etablissement.TexteCourrier.Trim();

    private static string ParDefaut(Profil profil) => profil switch
    {
        Profil.Eleve => $"Avec ce compte, vous retrouvez en ligne votre emploi du temps, le cahier de textes, vos notes et les ressources de vos cours. Il reste le même d'une année sur l'autre{Nbsp}: gardez-le précieusement.",
        Profil.Responsable => $"Avec ce compte, vous suivez en ligne la scolarité de votre enfant{Nbsp}: emploi du temps, cahier de textes, notes, absences et messages de l'établissement. Si plusieurs de vos enfants sont inscrits dans l'établissement, ce même compte vous donne accès à chacun d'eux.",
        Profil.Enseignant => $"Avec ce compte, vous accédez aux outils en ligne de l'établissement{Nbsp}: cahier de textes, notes, vie scolaire et messagerie.",
        Profil.Personnel => "Avec ce compte, vous accédez aux outils en ligne de l'établissement utiles à votre service.",
        _ => "Avec ce compte, vous accédez aux services en ligne que l'établissement ouvre à ses invités.",
    };

    public static string TitreEtapes(VarianteFiche variante) =>
        variante == VarianteFiche.Rappel ? $"Mot de passe oublié{Nbsp}?" : "Pour activer votre compte";

    /// <summary>Les étapes numérotées ; l'adresse du portail s'imprime à part, sous la première.</summary>
    public static IReadOnlyList<string> Etapes(VarianteFiche variante) => variante == VarianteFiche.Rappel
        ?
        [
            $"Si vous avez indiqué une adresse électronique lors de l'activation, choisissez «{Nbsp}Mot de passe oublié{Nbsp}» sur la page de connexion{Nbsp}: vous recevrez un lien pour en choisir un nouveau.",
            $"Sinon, demandez à l'établissement un code de renouvellement. Saisissez-le avec votre identifiant à l'adresse ci-dessous{Nbsp}: vous choisirez vous-même un nouveau mot de passe, que personne d'autre ne connaîtra.",
        ]
        :
        [
            $"Ouvrez l'adresse ci-dessous dans un navigateur, ou scannez le QR code avec un téléphone{Nbsp}:",
            "Saisissez votre identifiant et votre mot de passe provisoire, tels qu'ils figurent dans le cadre.",
            $"Choisissez votre propre mot de passe{Nbsp}: le mot de passe provisoire ne sert qu'une fois, à la première connexion.",
            "Indiquez si vous le souhaitez une adresse électronique. En cas d'oubli, elle vous permettra de retrouver votre identifiant ou de choisir un nouveau mot de passe sans passer par l'établissement.",
        ];

    public static string Conseil(VarianteFiche variante) => variante == VarianteFiche.Rappel
        ? $"L'établissement ne connaît pas votre mot de passe et ne peut pas vous le redonner{Nbsp}: il peut seulement vous remettre un code de renouvellement."
        : "Gardez ce courrier en lieu sûr et ne communiquez votre mot de passe à personne. Ensuite, connectez-vous avec votre identifiant et le mot de passe que vous aurez choisi.";

    public static string Contact(EnTeteEtablissement etablissement) =>
        string.IsNullOrWhiteSpace(etablissement.TexteContact)
            ? "En cas de difficulté, adressez-vous au secrétariat de l'établissement."
            : etablissement.TexteContact.Trim();

    public const string Signataire = "La direction de l'établissement";

    public const string AideSaisie = "Majuscules ou minuscules, avec ou sans l'espace\u00A0: les deux conviennent.";

    public static string Validite(DateTime? expireLe) =>
        expireLe is null ? "" : $"valable jusqu'au {Libelles.Date(expireLe)}";

    /// <summary>La ligne des courriers et courriels qui mène à la notice « Données personnelles » du portail.</summary>
    public static string DonneesPersonnelles(EnTeteEtablissement etablissement) =>
        $"Vos données personnelles et vos droits\u00A0: {LienPortail.DonneesPersonnelles(etablissement.PortailUrl, etablissement.Uai)}";
}
