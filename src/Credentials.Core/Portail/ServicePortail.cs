using System.Net;
using System.Security.Cryptography;
using System.Text;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Exploitation;
using Credentials.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Portail;

/// <summary>Le titulaire connecté au portail ; l'empreinte change avec son mot de passe (les autres sessions tombent).</summary>
public sealed record SessionPortail(long CompteId, string Identifiant, string Empreinte);

/// <summary>Le mot de passe provisoire est reconnu : de quoi afficher l'étape « choisir son mot de passe ».</summary>
public sealed record ChoixMotDePasse(string Jeton, string Identifiant, string Prenom, string Nom);

/// <summary>Ce que la page « Mon compte » montre.</summary>
public sealed record MonCompte(
    string Identifiant,
    string Prenom,
    string Nom,
    string Etablissement,
    Profil Profil,
    string? Courriel,
    DateTime? DateActivation,
    DateTime? DateDerniereConnexion);

/// <summary>Les démarches du portail (leur libellé va au journal, leur nom aux logs).</summary>
public enum DemarchePortail
{
    Activation = 1,
    Connexion = 2,
    Renouvellement = 3,
    ChangementMotDePasse = 4,
}

/// <summary>
/// Le portail d'activation : première connexion, connexion, code de renouvellement, changement de mot de
/// passe. Chaque essai passe par les limites (<see cref="LimiteurPortail"/>), coûte exactement un calcul
/// PBKDF2 tant qu'il échoue (leurre pour un identifiant inconnu) et répond la même chose à un identifiant
/// inconnu et à un mauvais secret ; la raison d'un refus n'est dite qu'à qui a donné le bon secret.
/// Chaque démarche est consignée au journal du compte, dans le même enregistrement que le changement.
/// </summary>
public sealed class ServicePortail(
    CredentialsDbContext db,
    OutilsSecrets outils,
    LimiteurPortail limiteur,
    SecretLeurre leurre,
    JetonsActivation jetons,
    IOptions<OptionsPortail> options,
    ILogger<ServicePortail> logger)
{
    /// <summary>L'auteur des entrées du journal écrites par le portail.</summary>
    public const string Auteur = "portail";

    public const int LongueurMaxIdentifiant = 100;

    /// <summary>Première connexion, étape 1 : identifiant et mot de passe provisoire.</summary>
    public async Task<ResultatPortail<ChoixMotDePasse>> VerifierProvisoireAsync(string? identifiant, string? provisoire, IPAddress? adresse, CancellationToken ct = default)
    {
        var erreurs = new List<ErreurPortail>();
        var id = LireIdentifiant(identifiant, erreurs);
        LireSecret(provisoire, ChampsPortail.MotDePasseProvisoire, MessagesPortail.ProvisoireVide, erreurs);
        if (erreurs.Count > 0)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(erreurs);
        }

        var (compte, verdict) = await EssayerAsync(
            DemarchePortail.Activation, id, adresse, provisoire!, new(ChampsPortail.Identifiant, MessagesPortail.ActivationRefusee), null, (c, o) => EvaluerActivation(c, provisoire!, o), ct);
        if (compte is null || verdict.Issue != IssueEssai.Accepte)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(verdict.Erreurs);
        }

        var jeton = jetons.Emettre(compte.Id, FormatSecret.Normaliser(provisoire), outils.Maintenant + options.Value.DureeChoixMotDePasse);
        return ResultatPortail<ChoixMotDePasse>.Ok(new ChoixMotDePasse(jeton, compte.Identifiant, compte.Prenom, compte.Nom));
    }

    /// <summary>Première connexion, étape 2 : le mot de passe choisi (et une adresse courriel facultative) → compte activé.</summary>
    public async Task<ResultatPortail<ChoixMotDePasse>> ActiverAsync(string? jeton, string? motDePasse, string? confirmation, string? courriel, CancellationToken ct = default)
    {
        var contenu = jetons.Lire(jeton, outils.Maintenant);
        var compte = contenu is null ? null : await db.Comptes.SingleOrDefaultAsync(c => c.Id == contenu.CompteId, ct);
        if (contenu is null || compte is null)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(null, MessagesPortail.DelaiDepasse);
        }

        var choix = new ChoixMotDePasse(jeton!, compte.Identifiant, compte.Prenom, compte.Nom);
        var erreurs = VerifierNouveau(motDePasse, confirmation, Contexte(compte) with { Provisoire = contenu.Provisoire });
        var adresseCourriel = AdresseCourriel.Normaliser(courriel);
        if (adresseCourriel is null && !string.IsNullOrWhiteSpace(courriel))
        {
            erreurs.Add(new(ChampsPortail.Courriel, MessagesPortail.CourrielInvalide));
        }

        if (erreurs.Count > 0)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(erreurs, choix);
        }

        var activation = compte.Activer(contenu.Provisoire, motDePasse!, adresseCourriel, outils);
        if (activation.Refus is { } refus)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(null, refus.Motif switch
            {
                MotifRefus.CompteBloque => MessagesPortail.CompteBloque,
                MotifRefus.MotDePasseProvisoireExpire => MessagesPortail.ProvisoireExpire,
                MotifRefus.CompteDejaActive => MessagesPortail.DejaActive,
                _ => MessagesPortail.DelaiDepasse,
            });
        }

        Consigner(compte, ActionJournal.Activation, adresseCourriel is null ? "Première connexion" : "Première connexion, adresse courriel donnée");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResultatPortail<ChoixMotDePasse>.Refuse(null, MessagesPortail.ModificationSimultanee);
        }

        logger.LogInformation("Portal account {CompteId} activated", compte.Id);
        Metriques.ActivationsPortail.Add(1);
        return ResultatPortail<ChoixMotDePasse>.Ok(choix);
    }

    /// <summary>Connexion d'un compte activé : met à jour la date de dernière connexion.</summary>
    public async Task<ResultatPortail<SessionPortail>> SeConnecterAsync(string? identifiant, string? motDePasse, IPAddress? adresse, CancellationToken ct = default)
    {
        var erreurs = new List<ErreurPortail>();
        var id = LireIdentifiant(identifiant, erreurs);
        LireSecret(motDePasse, ChampsPortail.MotDePasse, MessagesPortail.MotDePasseVide, erreurs);
        if (erreurs.Count > 0)
        {
            return ResultatPortail<SessionPortail>.Refuse(erreurs);
        }

        var (compte, verdict) = await EssayerAsync(
            DemarchePortail.Connexion, id, adresse, motDePasse!, new(ChampsPortail.Identifiant, MessagesPortail.ConnexionRefusee), ActionJournal.ConnexionPortail, (c, o) => EvaluerConnexion(c, motDePasse!, o), ct);
        return compte is not null && verdict.Issue == IssueEssai.Accepte
            ? ResultatPortail<SessionPortail>.Ok(Session(compte))
            : ResultatPortail<SessionPortail>.Refuse(verdict.Erreurs);
    }

    /// <summary>Un code de renouvellement (une fois, avant son expiration) et un nouveau mot de passe. Renvoie l'identifiant.</summary>
    public async Task<ResultatPortail<string>> RenouvelerAsync(string? identifiant, string? code, string? motDePasse, string? confirmation, IPAddress? adresse, CancellationToken ct = default)
    {
        var erreurs = new List<ErreurPortail>();
        var id = LireIdentifiant(identifiant, erreurs);
        LireSecret(code, ChampsPortail.Code, MessagesPortail.CodeVide, erreurs);
        erreurs.AddRange(VerifierNouveau(motDePasse, confirmation, new ContexteMotDePasse(id)));
        if (erreurs.Count > 0)
        {
            return ResultatPortail<string>.Refuse(erreurs);
        }

        var (compte, verdict) = await EssayerAsync(
            DemarchePortail.Renouvellement, id, adresse, code!, new(ChampsPortail.Identifiant, MessagesPortail.RenouvellementRefuse), ActionJournal.RenouvellementMotDePasse, (c, o) => EvaluerRenouvellement(c, code!, motDePasse!, o), ct);
        return compte is not null && verdict.Issue == IssueEssai.Accepte
            ? ResultatPortail<string>.Ok(compte.Identifiant)
            : ResultatPortail<string>.Refuse(verdict.Erreurs);
    }

    /// <summary>Le titulaire connecté change son mot de passe ; renvoie la nouvelle session.</summary>
    public async Task<ResultatPortail<SessionPortail>> ChangerMotDePasseAsync(SessionPortail session, string? actuel, string? motDePasse, string? confirmation, IPAddress? adresse, CancellationToken ct = default)
    {
        var titulaire = await CompteDeSessionAsync(session, ct);
        if (titulaire is null)
        {
            return ResultatPortail<SessionPortail>.Refuse(null, "Votre session a expiré\u00A0: reconnectez-vous.");
        }

        var erreurs = new List<ErreurPortail>();
        LireSecret(actuel, ChampsPortail.MotDePasseActuel, "Saisissez votre mot de passe actuel.", erreurs);
        erreurs.AddRange(VerifierNouveau(motDePasse, confirmation, Contexte(titulaire) with { Actuel = actuel }));
        if (erreurs.Count > 0)
        {
            return ResultatPortail<SessionPortail>.Refuse(erreurs);
        }

        var (compte, verdict) = await EssayerAsync(
            DemarchePortail.ChangementMotDePasse,
            session.Identifiant,
            adresse,
            actuel!,
            new(ChampsPortail.MotDePasseActuel, MessagesPortail.MotDePasseActuelIncorrect),
            ActionJournal.ChangementMotDePasse,
            (c, o) => c.ChangerMotDePasse(actuel!, motDePasse!, o).Refus?.Motif switch
            {
                null => Verdict.Accepte,
                MotifRefus.CompteBloque => Verdict.Reconnu("compte bloqué", MessagesPortail.CompteBloque),
                MotifRefus motif => Verdict.Echec(Detail(motif)),
            },
            ct);
        return compte is not null && verdict.Issue == IssueEssai.Accepte
            ? ResultatPortail<SessionPortail>.Ok(Session(compte))
            : ResultatPortail<SessionPortail>.Refuse(verdict.Erreurs);
    }

    /// <summary>La page « Mon compte », ou null si la session ne vaut plus (compte bloqué, mot de passe changé ailleurs).</summary>
    public async Task<MonCompte?> MonCompteAsync(SessionPortail session, CancellationToken ct = default)
    {
        var compte = await CompteDeSessionAsync(session, ct);
        return compte is null
            ? null
            : new MonCompte(compte.Identifiant, compte.Prenom, compte.Nom, compte.Etablissement.Nom, compte.Profil, compte.Courriel, compte.DateActivation, compte.DateDerniereConnexion);
    }

    /// <summary>L'identifiant tel qu'on le cherche : sans espaces autour, minuscules sans accents, sans caractère de contrôle.</summary>
    public static string NormaliserIdentifiant(string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return "";
        }

        var replie = Identifiants.Replier(saisie.Length > 1000 ? saisie[..1000] : saisie).Trim();
        var sb = new StringBuilder(replie.Length);
        foreach (var c in replie)
        {
            // CR, LF, other controls and Unicode line separators never reach a log line or a key.
            sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c);
        }

        return sb.ToString();
    }

    private async Task<(Compte? Compte, Verdict Verdict)> EssayerAsync(
        DemarchePortail demarche,
        string identifiant,
        IPAddress? adresse,
        string secret,
        ErreurPortail refus,
        ActionJournal? actionSiAccepte,
        Func<Compte, OutilsSecrets, Verdict> evaluer,
        CancellationToken ct)
    {
        var echec = new Verdict(IssueEssai.Echec, null, [refus]);
        var tentative = await limiteur.ReserverAsync(identifiant, adresse, ct);
        if (!tentative.Autorisee)
        {
            // Refused unverified, with the same answer as a wrong secret; nothing written (bounded under attack).
            // No identifier in the log: it is built from the person's name.
            logger.LogDebug("Portal {Demarche} refused during a delay", demarche);
            Metriques.RefusPortail.Add(1);
            return (null, echec);
        }

        var compte = await db.Comptes.SingleOrDefaultAsync(c => c.Identifiant == identifiant, ct);
        var compteur = new HacheurCompteur(outils.Hacheur);
        var verdict = compte is null ? Verdict.Echec("identifiant inconnu") : evaluer(compte, outils with { Hacheur = compteur });
        if (compteur.Calculs == 0)
        {
            leurre.Verifier(secret);
        }

        // Once the secret is checked, the attempt's outcome is written whatever the client does: hanging up must not
        // lose a failure's record or an activation, and a commit cancelled half-way was logged as an error by EF.
        ct = CancellationToken.None;

        if (verdict.Issue == IssueEssai.Echec)
        {
            logger.LogDebug("Portal {Demarche} failed for {Identifiant}", demarche, identifiant);
            Metriques.RefusPortail.Add(1);
            if (compte is not null)
            {
                Consigner(compte, ActionJournal.EchecConnexionPortail, $"{Libelle(demarche)}\u00A0: {verdict.Detail}");
            }

            foreach (var charge in tentative.Charges.Where(c => c.VerrouilleJusqua is not null))
            {
                limiteur.JournaliserVerrouillage(charge);
                if (compte is not null && charge.Type == TypeLimite.Identifiant)
                {
                    Consigner(compte, ActionJournal.VerrouillagePortail, $"Essais suspendus jusqu'au {Libelles.DateHeure(charge.VerrouilleJusqua)} après {Libelles.Accorder(charge.Echecs, "échec", "échecs")}");
                }
            }

            // Known or unknown identifier, a failure commits the same write (the counters' last failure,
            // plus the journal rows when the account exists): the response time doesn't tell them apart.
            await using var ecriture = await db.Database.BeginTransactionAsync(ct);
            await limiteur.NoterEchecAsync(tentative, ct);
            await db.SaveChangesAsync(ct);
            await ecriture.CommitAsync(ct);
            return (null, echec);
        }

        if (verdict.Issue == IssueEssai.Accepte && actionSiAccepte is { } action)
        {
            Consigner(compte!, action, Libelle(demarche));
        }
        else if (verdict.Detail is { } detail)
        {
            Consigner(compte!, ActionJournal.EchecConnexionPortail, $"{Libelle(demarche)}\u00A0: {detail}");
        }

        // The secret was right: the account's change, its journal entry and the refund commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, new Verdict(IssueEssai.Echec, null, [new(null, MessagesPortail.ModificationSimultanee)]));
        }

        await limiteur.RembourserAsync(tentative, ct);
        await transaction.CommitAsync(ct);
        if (verdict.Issue == IssueEssai.Accepte)
        {
            logger.LogInformation("Portal {Demarche} succeeded for account {CompteId}", demarche, compte!.Id);
        }

        return (compte, verdict);
    }

    private static Verdict EvaluerActivation(Compte compte, string saisie, OutilsSecrets o) =>
        compte.VerifierMotDePasseProvisoire(saisie, o).Refus?.Motif switch
        {
            null => Verdict.Accepte,
            MotifRefus.CompteBloque when compte.EstMotDePasseProvisoire(saisie, o) || compte.EstMotDePasse(saisie, o) => Verdict.Reconnu("compte bloqué", MessagesPortail.CompteBloque),
            MotifRefus.MotDePasseProvisoireExpire when compte.EstMotDePasseProvisoire(saisie, o) => Verdict.Reconnu("mot de passe provisoire expiré", MessagesPortail.ProvisoireExpire),
            MotifRefus.CompteDejaActive when compte.EstMotDePasse(saisie, o) => Verdict.Reconnu("compte déjà activé", MessagesPortail.DejaActive),
            MotifRefus motif => Verdict.Echec(Detail(motif)),
        };

    private Verdict EvaluerConnexion(Compte compte, string motDePasse, OutilsSecrets o) =>
        compte.SeConnecter(motDePasse, o).Refus?.Motif switch
        {
            null => Verdict.Accepte,
            MotifRefus.CompteBloque when compte.EstMotDePasse(motDePasse, o) || compte.EstMotDePasseProvisoire(motDePasse, o) => Verdict.Reconnu("compte bloqué", MessagesPortail.CompteBloque),
            MotifRefus.CompteNonActive when compte.EstMotDePasseProvisoire(motDePasse, o) => compte.MotDePasseProvisoireExpire(outils.Maintenant)
                ? Verdict.Reconnu("mot de passe provisoire expiré", MessagesPortail.ProvisoireExpire)
                : Verdict.Reconnu("compte pas encore activé", MessagesPortail.PasEncoreActive),
            MotifRefus motif => Verdict.Echec(Detail(motif)),
        };

    private static Verdict EvaluerRenouvellement(Compte compte, string code, string motDePasse, OutilsSecrets o)
    {
        if (!compte.EstCodeRenouvellement(code, o))
        {
            return Verdict.Echec("code de renouvellement incorrect ou déjà utilisé");
        }

        // Only now may the password be checked against the holder's name: the code proved who is asking.
        var manquements = PolitiqueMotDePasse.Verifier(motDePasse, Contexte(compte));
        if (manquements.Count > 0)
        {
            return new Verdict(IssueEssai.Reconnu, null, manquements.Select(m => new ErreurPortail(ChampsPortail.MotDePasse, m.Message)).ToList());
        }

        return compte.UtiliserCodeRenouvellement(code, motDePasse, o).Refus?.Motif switch
        {
            null => Verdict.Accepte,
            MotifRefus.CompteBloque => Verdict.Reconnu("compte bloqué", MessagesPortail.CompteBloque),
            MotifRefus.CodeRenouvellementExpire => Verdict.Reconnu("code de renouvellement expiré", MessagesPortail.CodeExpire),
            MotifRefus motif => Verdict.Echec(Detail(motif)),
        };
    }

    private async Task<Compte?> CompteDeSessionAsync(SessionPortail session, CancellationToken ct)
    {
        var compte = await db.Comptes.AsNoTracking().Include(c => c.Etablissement).SingleOrDefaultAsync(c => c.Id == session.CompteId, ct);
        return compte is { Bloque: false, Etat: EtatCompte.Active } && Empreinte(compte) == session.Empreinte ? compte : null;
    }

    private static List<ErreurPortail> VerifierNouveau(string? motDePasse, string? confirmation, ContexteMotDePasse contexte)
    {
        var erreurs = PolitiqueMotDePasse.Verifier(motDePasse, contexte).Select(m => new ErreurPortail(ChampsPortail.MotDePasse, m.Message)).ToList();
        if (!string.IsNullOrEmpty(motDePasse) && confirmation != motDePasse)
        {
            erreurs.Add(new(ChampsPortail.Confirmation, MessagesPortail.ConfirmationDifferente));
        }

        return erreurs;
    }

    private static string LireIdentifiant(string? saisie, List<ErreurPortail> erreurs)
    {
        var identifiant = NormaliserIdentifiant(saisie);
        if (identifiant.Length == 0)
        {
            erreurs.Add(new(ChampsPortail.Identifiant, MessagesPortail.IdentifiantVide));
        }
        else if (identifiant.Length > LongueurMaxIdentifiant)
        {
            erreurs.Add(new(ChampsPortail.Identifiant, MessagesPortail.IdentifiantTropLong));
        }

        return identifiant;
    }

    private static void LireSecret(string? saisie, string champ, string siVide, List<ErreurPortail> erreurs)
    {
        if (string.IsNullOrEmpty(saisie))
        {
            erreurs.Add(new(champ, siVide));
        }
        else if (saisie.Length > PolitiqueMotDePasse.LongueurMax * 2)
        {
            erreurs.Add(new(champ, MessagesPortail.SecretTropLong));
        }
    }

    private void Consigner(Compte compte, ActionJournal action, string? details)
    {
        var evenement = new Evenement(compte.EtablissementId, outils.Maintenant, Auteur, action, null, 1, details);
        db.Evenements.Add(evenement);
        db.EvenementComptes.Add(new EvenementCompte(evenement, compte.Id));
    }

    private static ContexteMotDePasse Contexte(Compte compte) => new(compte.Identifiant, compte.Nom, compte.Prenom);

    private static SessionPortail Session(Compte compte) => new(compte.Id, compte.Identifiant, Empreinte(compte));

    private static string Empreinte(Compte compte) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(compte.MotDePasseHash ?? "")))[..16];

    private static string Libelle(DemarchePortail demarche) => demarche switch
    {
        DemarchePortail.Activation => "Première connexion",
        DemarchePortail.Connexion => "Connexion",
        DemarchePortail.Renouvellement => "Code de renouvellement",
        _ => "Changement de mot de passe",
    };

    private static string Detail(MotifRefus motif) => motif switch
    {
        MotifRefus.CompteBloque => "compte bloqué",
        MotifRefus.CompteNonNotifie => "compte non notifié",
        MotifRefus.CompteDejaActive => "compte déjà activé",
        MotifRefus.CompteNonActive => "compte pas encore activé",
        MotifRefus.MotDePasseProvisoireExpire => "mot de passe provisoire expiré",
        MotifRefus.CodeRenouvellementAbsent => "aucun code de renouvellement en cours",
        MotifRefus.CodeRenouvellementExpire => "code de renouvellement expiré",
        MotifRefus.CodeRenouvellementIncorrect => "code de renouvellement incorrect",
        _ => "mot de passe incorrect",
    };

    private enum IssueEssai
    {
        Accepte,

        /// <summary>Le secret est bon mais la démarche est refusée (compte bloqué, expiré…) : la raison peut être dite.</summary>
        Reconnu,
        Echec,
    }

    /// <summary>L'issue d'un essai, le détail consigné au journal (null : rien à consigner) et les erreurs à montrer.</summary>
    private sealed record Verdict(IssueEssai Issue, string? Detail, IReadOnlyList<ErreurPortail> Erreurs)
    {
        public static Verdict Accepte { get; } = new(IssueEssai.Accepte, null, []);

        public static Verdict Echec(string detail) => new(IssueEssai.Echec, detail, []);

        public static Verdict Reconnu(string detail, string message) => new(IssueEssai.Reconnu, detail, [new ErreurPortail(null, message)]);
    }
}
