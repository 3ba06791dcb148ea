using System.CommandLine;
using Credentials.Core.Comptes;
using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Cli.Verbes;

/// <summary>Les options communes à <c>notify</c> et <c>list</c> : établissement, profil, classes, états, sortie.</summary>
internal sealed class OptionsSelection(bool sortieObligatoire = true)
{
    public Option<string> Uai { get; } = new("--uai") { Description = "UAI de l'établissement.", Required = true };

    public Option<string> Profil { get; } = new("--profil") { Description = "eleve (défaut), responsable, enseignant, personnel ou invite.", DefaultValueFactory = _ => "eleve" };

    public Option<string[]> Classes { get; } = new("--classe") { Description = "Classe(s) (codes, par ex. 6A 5B).", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Etats { get; } = new("--etat") { Description = "État(s) : non-notifie, notifie, active.", AllowMultipleArgumentsPerToken = true };

    public Option<FileInfo> Sortie { get; } = new("--out") { Description = "Fichier à écrire.", Required = sortieObligatoire };

    public void AjouterA(Command commande)
    {
        commande.Options.Add(Uai);
        commande.Options.Add(Profil);
        commande.Options.Add(Classes);
        commande.Options.Add(Etats);
        commande.Options.Add(Sortie);
    }

    public CriteresComptes Criteres(ParseResult resultat) => new()
    {
        Profil = LireProfil(resultat.GetValue(Profil)),
        Classes = resultat.GetValue(Classes) ?? [],
        Etats = (resultat.GetValue(Etats) ?? []).Select(LireEtat).ToList(),
        Tri = TriComptes.Classe,
    };

    public static Profil LireProfil(string? texte) => Identifiants.Replier(texte ?? "eleve") switch
    {
        "eleve" or "eleves" => Core.Domain.Profil.Eleve,
        "responsable" or "responsables" => Core.Domain.Profil.Responsable,
        "enseignant" or "enseignants" => Core.Domain.Profil.Enseignant,
        "personnel" or "personnels" => Core.Domain.Profil.Personnel,
        "invite" or "invites" => Core.Domain.Profil.Invite,
        _ => throw new ErreurMetier($"Profil inconnu « {texte} » : eleve, responsable, enseignant, personnel ou invite."),
    };

    public static EtatCompte LireEtat(string texte) => Identifiants.Replier(texte) switch
    {
        "non-notifie" or "nonnotifie" => EtatCompte.NonNotifie,
        "notifie" or "notifie-non-active" or "notifienonactive" => EtatCompte.NotifieNonActive,
        "active" => EtatCompte.Active,
        _ => throw new ErreurMetier($"État inconnu « {texte} » : non-notifie, notifie ou active."),
    };

    public static EnTeteEtablissement EnTete(Etablissement e, string? portailParDefaut) => new(
        e.Uai, e.Nom, e.Ville, e.NomChef, e.PortailUrl ?? portailParDefaut ?? "http://localhost:5080/portail", e.TexteCourrier, e.TexteContact);
}
