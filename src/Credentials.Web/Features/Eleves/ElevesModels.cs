using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;

namespace Credentials.Web.Features.Eleves;

public sealed record ElevesIndexModel(
    RechercheEleves Filtres,
    PageComptes Page,
    IReadOnlyList<Classe> Classes,
    IReadOnlyList<(string Code, string? Libelle)> Mefs,
    Portee Portee)
{
    /// <summary>Onglet Responsables : les enfants de chaque responsable de la page.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<EnfantResponsable>> Enfants { get; init; } = new Dictionary<long, IReadOnlyList<EnfantResponsable>>();
}

/// <summary>Une action de la barre d'actions, son intitulé et ce qu'elle exige ; <see cref="Action"/> est relative à l'onglet.</summary>
public sealed record OperationEleves(string Code, string Titre, string Verbe, string Action)
{
    public static readonly OperationEleves Notifier = new("notifier", "(Re)notifier les comptes", "(re)notifier", "notifier");
    public static readonly OperationEleves Lister = new("lister", "Lister les comptes", "lister", "lister");
    public static readonly OperationEleves Reinitialiser = new("reinitialiser", "Réinitialiser les mots de passe", "réinitialiser le mot de passe de", "reinitialiser");
    public static readonly OperationEleves Bloquer = new("bloquer", "Bloquer les comptes", "bloquer", "bloquer");
    public static readonly OperationEleves Debloquer = new("debloquer", "Débloquer les comptes", "débloquer", "bloquer");
    public static readonly OperationEleves Codes = new("codes", "Générer des codes de renouvellement", "générer un code de renouvellement pour", "codes");
    public static readonly OperationEleves Courriel = new("courriel", "Envoyer les identifiants par courriel", "envoyer par courriel les identifiants de", "courriel/notifier");

    public string Adresse(SectionComptes section) => $"{section.Chemin}/{Action}";

    public static OperationEleves? Lire(string? code) =>
        new[] { Notifier, Lister, Reinitialiser, Bloquer, Debloquer, Codes, Courriel }.FirstOrDefault(o => o.Code == code);
}

public sealed record ConfirmerModel(OperationEleves Operation, SelectionEleves Selection, ApercuSelection Apercu, Portee Portee)
{
    public string Retour => Selection.Retour();
}

/// <summary>La page d'un élève ou d'un responsable : son compte, et les courriels qui ont porté ses identifiants.</summary>
public sealed record FicheEleveModel(DetailCompte Detail, IReadOnlyList<LigneMessage> Courriels, SectionComptes Section);

public sealed record CodesModel(IReadOnlyList<CodeEmis> Codes, IReadOnlyList<CompteIgnore> Ignores, string Retour, SectionComptes Section);

/// <summary>Les phrases de bilan, avec les bons accords.</summary>
public static class Resume
{
    public static string Bilan(int nombre, string singulier, string pluriel) => Libelles.Accorder(nombre, singulier, pluriel) + ".";

    public static string? Ignores(IReadOnlyList<CompteIgnore> ignores)
    {
        if (ignores.Count == 0)
        {
            return null;
        }

        var exemples = string.Join(" ; ", ignores.Take(5).Select(i => $"{i.NomComplet} ({i.Raison.TrimEnd('.')})"));
        return $"{Libelles.Accorder(ignores.Count, "compte ignoré", "comptes ignorés")} : {exemples}{(ignores.Count > 5 ? " ; …" : "")}.";
    }

    /// <summary>« Le mot de passe de l'élève sélectionné a bien été réinitialisé. », ou au pluriel avec leur nombre ; l'ordre des messages : le bilan, puis les comptes ignorés.</summary>
    public static string Reinitialises(int nombre, SectionComptes section) => nombre switch
    {
        0 => "Aucun mot de passe n'a été réinitialisé.",
        1 => $"Le mot de passe {section.DuSingulier} sélectionné a bien été réinitialisé.",
        _ => $"Les mots de passe des {section.Nombre(nombre)} sélectionnés ont bien été réinitialisés.",
    };
    /// <summary>« 21 comptes notifiés : 18 nouveaux mots de passe provisoires, 3 rappels. 2 comptes ignorés : … »</summary>
    public static string Notification(ResultatLot lot)
    {
        var detail = new List<string>();
        if (lot.NouveauxMotsDePasse > 0)
        {
            detail.Add(Libelles.Accorder(lot.NouveauxMotsDePasse, "nouveau mot de passe provisoire", "nouveaux mots de passe provisoires"));
        }

        var reimpressions = lot.Fiches.Count - lot.NouveauxMotsDePasse - lot.Rappels;
        if (reimpressions > 0)
        {
            detail.Add(Libelles.Accorder(reimpressions, "fiche réimprimée avec son mot de passe inchangé", "fiches réimprimées avec leur mot de passe inchangé"));
        }

        if (lot.Rappels > 0)
        {
            detail.Add(Libelles.Accorder(lot.Rappels, "rappel sans mot de passe (compte activé)", "rappels sans mot de passe (comptes activés)"));
        }

        var bilan = Libelles.Accorder(lot.Fiches.Count, "compte notifié", "comptes notifiés") + (detail.Count > 0 ? " : " + string.Join(", ", detail) : "") + ".";
        return Ignores(lot.Ignores) is { } ignores ? bilan + " " + ignores : bilan;
    }

    /// <summary>Une liste ne change aucun compte.</summary>
    public static string Liste(int comptes) =>
        $"Liste de {Libelles.Accorder(comptes, "compte", "comptes")} prête ; aucun compte n'a été modifié.";

    public static string AucuneFiche(ResultatLot lot) =>
        "Aucune fiche à imprimer. " + (Ignores(lot.Ignores) ?? "");
}
