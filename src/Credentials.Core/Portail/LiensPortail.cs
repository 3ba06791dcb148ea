using System.Net;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Portail;

/// <summary>Un lien à usage unique valable : de quoi afficher le formulaire « choisir un mot de passe ».</summary>
public sealed record LienOuvert(ObjetLien Objet, string Jeton, string Identifiant, string Prenom, string Nom);

/// <summary>Pourquoi un lien ne sert pas (la page l'explique et dit quoi faire).</summary>
public enum RefusLien
{
    /// <summary>Inconnu, déjà utilisé ou remplacé par une notification plus récente.</summary>
    Invalide = 1,
    Expire = 2,
    CompteBloque = 3,
}

/// <summary>Ce qu'un lien a donné : l'identifiant du compte, ou le refus et l'objet du lien s'il est connu.</summary>
public sealed record ResultatLienPortail(string? Identifiant, ObjetLien? Objet, RefusLien? Refus, IReadOnlyList<ErreurPortail> Erreurs)
{
    public bool EstAccepte => Refus is null && Erreurs.Count == 0;
}

/// <summary>
/// Les liens à usage unique du portail (<see cref="LienUnique"/> : un seul mécanisme pour les deux objets) :
/// activer un compte par le lien reçu par courriel, et « mot de passe oublié » — un lien envoyé à l'adresse
/// du titulaire d'un compte activé, au plus un par quart d'heure, la demande comptée par les limites du portail.
/// Ouvrir un lien ne change rien (les messageries ouvrent parfois les liens pour les vérifier) : seul le
/// formulaire envoyé le consomme. Chaque usage et chaque envoi sont consignés au journal du compte.
/// </summary>
public sealed class LiensPortail(
    CredentialsDbContext db,
    OutilsSecrets outils,
    LimiteurPortail limiteur,
    IOptions<OptionsCourriels> courriels,
    ReveilExpedition reveil,
    ILogger<LiensPortail> logger)
{
    /// <summary>Le lien ouvert dans le navigateur : valable (le formulaire), ou pourquoi pas.</summary>
    public async Task<(LienOuvert? Lien, RefusLien? Refus)> OuvrirAsync(string? jeton, CancellationToken ct = default)
    {
        var (compte, refus) = await TrouverAsync(jeton, ct);
        return compte is null
            ? (null, refus)
            : (new LienOuvert(compte.LienObjet!.Value, jeton!, compte.Identifiant, compte.Prenom, compte.Nom), null);
    }

    /// <summary>Le formulaire du lien : le mot de passe choisi (et, à l'activation, une adresse facultative).</summary>
    public async Task<ResultatLienPortail> UtiliserAsync(string? jeton, string? motDePasse, string? confirmation, string? courriel, CancellationToken ct = default)
    {
        var (compte, refus) = await TrouverAsync(jeton, ct);
        if (compte is null)
        {
            return new ResultatLienPortail(null, null, refus, []);
        }

        var objet = compte.LienObjet!.Value;
        var erreurs = PolitiqueMotDePasse.Verifier(motDePasse, new ContexteMotDePasse(compte.Identifiant, compte.Nom, compte.Prenom))
            .Select(m => new ErreurPortail(ChampsPortail.MotDePasse, m.Message)).ToList();
        if (!string.IsNullOrEmpty(motDePasse) && confirmation != motDePasse)
        {
            erreurs.Add(new(ChampsPortail.Confirmation, MessagesPortail.ConfirmationDifferente));
        }

        var adresse = AdresseCourriel.Normaliser(courriel);
        if (objet == ObjetLien.Activation && adresse is null && !string.IsNullOrWhiteSpace(courriel))
        {
            erreurs.Add(new(ChampsPortail.Courriel, MessagesPortail.CourrielInvalide));
        }

        if (erreurs.Count > 0)
        {
            return new ResultatLienPortail(compte.Identifiant, objet, null, erreurs);
        }

        var resultat = objet == ObjetLien.Activation
            ? compte.ActiverParLien(jeton!, motDePasse!, adresse, outils)
            : compte.ChoisirMotDePasseParLien(jeton!, motDePasse!, outils);
        if (resultat.Refus is not null)
        {
            return new ResultatLienPortail(null, objet, RefusLien.Invalide, []);
        }

        Consigner(compte, objet == ObjetLien.Activation ? ActionJournal.Activation : ActionJournal.NouveauMotDePasseParLien, objet == ObjetLien.Activation
            ? adresse is null ? "Première connexion par lien d'activation" : "Première connexion par lien d'activation, adresse courriel donnée"
            : "Nouveau mot de passe par le lien envoyé à l'adresse du compte");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two submissions of one link: the first one won, the link is spent.
            return new ResultatLienPortail(null, objet, RefusLien.Invalide, []);
        }

        logger.LogInformation("Portal one-time link ({Objet}) used for account {CompteId}", objet, compte.Id);
        return new ResultatLienPortail(compte.Identifiant, objet, null, []);
    }

    /// <summary>
    /// « Mot de passe oublié » : si l'identifiant est celui d'un compte activé avec une adresse, un lien part à
    /// cette adresse. La réponse ne dit jamais si c'est le cas ; chaque demande compte comme un échec pour
    /// les limites de l'identifiant et de l'adresse IP (pas plus de quelques demandes, puis un délai).
    /// </summary>
    public async Task DemanderNouveauMotDePasseAsync(string? identifiant, IPAddress? adresseIp, CancellationToken ct = default)
    {
        var id = ServicePortail.NormaliserIdentifiant(identifiant);
        if (id.Length is 0 or > ServicePortail.LongueurMaxIdentifiant)
        {
            return;
        }

        var tentative = await limiteur.ReserverAsync(id, adresseIp, ct);
        if (!tentative.Autorisee)
        {
            // No identifier in the log: it is built from the person's name.
            logger.LogDebug("Portal password link request refused during a delay");
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var compte = await db.Comptes.Include(c => c.Etablissement).Include(c => c.Classe).SingleOrDefaultAsync(c => c.Identifiant == id, ct);
        var emis = compte?.EmettreLienNouveauMotDePasse(outils);
        if (compte is not null && emis is { EstAccepte: true } lien && AdresseCourriel.Normaliser(compte.Courriel) is { } destinataire)
        {
            var etablissement = compte.Etablissement;
            var entete = EnTeteEtablissement.De(etablissement, courriels.Value.PortailUrl);
            var portee = Portee.Cli(etablissement.Id) with { Auteur = ServicePortail.Auteur };
            var campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.MotDePasseOublie, $"Mot de passe oublié\u00A0: {compte.NomComplet}", outils.Maintenant);
            var contenu = RenduCourriel.NouveauMotDePasse(entete, ServiceComptes.Fiche(compte, VarianteFiche.Rappel, null), new LienEnvoye(LienPortail.Unique(entete.PortailUrl, lien.Jeton!), lien.ExpireLe!.Value));
            BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, Expediteur.De(etablissement, courriels.Value), new NouveauMessage(compte.Id, destinataire, compte.NomComplet, contenu, [compte.Id]), outils.Maintenant);
            campagne.Compter(1, 1, 0);
            Consigner(compte, ActionJournal.LienNouveauMotDePasse, "Demandé sur le portail, envoyé à l'adresse du compte");
        }
        else if (compte is not null)
        {
            Consigner(compte, ActionJournal.LienNouveauMotDePasse, $"Demandé sur le portail, rien envoyé\u00A0: {emis?.Refus?.Message ?? "pas d'adresse valable"}");
        }

        await limiteur.NoterEchecAsync(tentative, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        reveil.Signaler();
    }

    private async Task<(Compte? Compte, RefusLien? Refus)> TrouverAsync(string? jeton, CancellationToken ct)
    {
        var empreinte = LienUnique.Empreinte(jeton);
        var compte = empreinte is null ? null : await db.Comptes.SingleOrDefaultAsync(c => c.LienHash == empreinte, ct);
        if (compte?.LienObjet is not { } objet)
        {
            return (null, RefusLien.Invalide);
        }

        return compte.VerifierLien(jeton, objet, outils.Maintenant).Refus?.Motif switch
        {
            null => (compte, null),
            MotifRefus.LienExpire => (null, RefusLien.Expire),
            MotifRefus.CompteBloque => (null, RefusLien.CompteBloque),
            _ => (null, RefusLien.Invalide),
        };
    }

    private void Consigner(Compte compte, ActionJournal action, string details)
    {
        var evenement = new Evenement(compte.EtablissementId, outils.Maintenant, ServicePortail.Auteur, action, Canal.Courriel, 1, details);
        db.Evenements.Add(evenement);
        db.EvenementComptes.Add(new EvenementCompte(evenement, compte.Id));
    }
}
