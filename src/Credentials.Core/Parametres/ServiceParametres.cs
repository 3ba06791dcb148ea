using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Parametres;

/// <summary>Ce que la direction saisit dans « Paramètres » : l'établissement tel que ses courriers le présentent.</summary>
public sealed record SaisieParametres(
    string? Nom,
    string? Ville,
    string? NomChef,
    string? PortailUrl,
    string? CourrielExpediteur,
    string? TexteCourrier,
    string? TexteContact)
{
    /// <summary>Qui contacter pour les données personnelles (notice du portail, export d'une personne).</summary>
    public string? ContactDonneesPersonnelles { get; init; }
}

/// <summary>
/// Les réglages de l'établissement (nom, ville, chef d'établissement, adresse du portail, expéditeur et textes des
/// courriers) : lus par tous les courriers, modifiés par la direction seule, vérifiés champ par champ, consignés au
/// journal avec ce qui a changé. Un formulaire ouvert avant une autre modification est refusé (version).
/// </summary>
public sealed class ServiceParametres(CredentialsDbContext db, TimeProvider horloge)
{
    public const int LongueurNom = 200;
    public const int LongueurVille = 100;
    public const int LongueurNomChef = 200;
    public const int LongueurPortailUrl = 300;
    public const int LongueurTexteCourrier = 2000;
    public const int LongueurTexteContact = 500;

    private const string ModifiesEntreTemps = "Les paramètres ont été modifiés entre-temps par quelqu'un d'autre : rien n'a été enregistré. Rechargez la page pour voir leurs nouvelles valeurs.";

    public async Task<Etablissement> LireAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Parametrer);
        return await db.Etablissements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == portee.EtablissementId, ct)
            ?? throw new ErreurMetier("Cet établissement n'existe plus.", CodeErreur.Introuvable);
    }

    /// <summary>Les erreurs de la saisie, sans rien écrire (pour l'aperçu du courrier comme pour l'enregistrement).</summary>
    public static IReadOnlyList<ErreurSaisie> Verifier(SaisieParametres saisie)
    {
        var erreurs = new List<ErreurSaisie>();
        if (string.IsNullOrWhiteSpace(saisie.Nom))
        {
            erreurs.Add(new(nameof(SaisieParametres.Nom), "Le nom de l'établissement est obligatoire : il figure en tête de chaque courrier."));
        }

        UneLigne(erreurs, nameof(SaisieParametres.Nom), saisie.Nom, "Le nom de l'établissement", " : il figure dans l'expéditeur et le sujet des courriels");
        UneLigne(erreurs, nameof(SaisieParametres.Ville), saisie.Ville, "La ville", "");
        UneLigne(erreurs, nameof(SaisieParametres.NomChef), saisie.NomChef, "Le nom du chef d'établissement", "");
        Longueur(erreurs, nameof(SaisieParametres.Nom), saisie.Nom, LongueurNom);
        Longueur(erreurs, nameof(SaisieParametres.Ville), saisie.Ville, LongueurVille);
        Longueur(erreurs, nameof(SaisieParametres.NomChef), saisie.NomChef, LongueurNomChef);
        Longueur(erreurs, nameof(SaisieParametres.TexteCourrier), saisie.TexteCourrier, LongueurTexteCourrier);
        Longueur(erreurs, nameof(SaisieParametres.TexteContact), saisie.TexteContact, LongueurTexteContact);
        Longueur(erreurs, nameof(SaisieParametres.ContactDonneesPersonnelles), saisie.ContactDonneesPersonnelles, LongueurTexteContact);
        if (!string.IsNullOrWhiteSpace(saisie.PortailUrl) && PortailUrl(saisie.PortailUrl) is null)
        {
            erreurs.Add(new(nameof(SaisieParametres.PortailUrl), $"L'adresse du portail doit être une adresse web complète commençant par https:// (ou http://), de {LongueurPortailUrl} caractères au plus, par exemple https://portail.mon-college.fr."));
        }

        if (!string.IsNullOrWhiteSpace(saisie.CourrielExpediteur) && AdresseCourriel.Normaliser(saisie.CourrielExpediteur) is null)
        {
            erreurs.Add(new(nameof(SaisieParametres.CourrielExpediteur), "L'adresse d'expéditeur n'est pas valide : elle doit ressembler à secretariat@mon-college.fr, sans espace ni accent (ou laissez le champ vide)."));
        }

        return erreurs;
    }

    /// <summary>
    /// Enregistre les paramètres si la saisie est valable et que personne ne les a modifiés depuis
    /// <paramref name="versionAttendue"/> ; renvoie les erreurs sinon (rien n'est écrit).
    /// </summary>
    public async Task<IReadOnlyList<ErreurSaisie>> EnregistrerAsync(Portee portee, int versionAttendue, SaisieParametres saisie, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Parametrer);
        var erreurs = Verifier(saisie);
        if (erreurs.Count > 0)
        {
            return erreurs;
        }

        var etablissement = await db.Etablissements.SingleOrDefaultAsync(e => e.Id == portee.EtablissementId, ct)
            ?? throw new ErreurMetier("Cet établissement n'existe plus.", CodeErreur.Introuvable);
        if (etablissement.Version != versionAttendue)
        {
            return [new("", ModifiesEntreTemps)];
        }

        var avant = Champs(etablissement);
        Appliquer(etablissement, saisie);
        var apres = Champs(etablissement);
        var modifies = avant.Where(c => apres[c.Key] != c.Value).Select(c => c.Key).ToList();
        if (modifies.Count == 0)
        {
            return [];
        }

        EcritureJournal.Consigner(db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.ModificationReglages, null, [], "Paramètres modifiés : " + string.Join(", ", modifies) + ".");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new("", ModifiesEntreTemps)];
        }

        return [];
    }

    /// <summary>
    /// Applique une saisie vérifiée (<see cref="Verifier"/>) à un établissement, adresses normalisées : ce que
    /// l'enregistrement écrit est exactement ce que l'aperçu du courrier imprime.
    /// </summary>
    public static void Appliquer(Etablissement etablissement, SaisieParametres saisie)
    {
        etablissement.DefinirContactDonneesPersonnelles(saisie.ContactDonneesPersonnelles);
        etablissement.ModifierReglages(
            saisie.Nom!,
            saisie.Ville,
            saisie.NomChef,
            string.IsNullOrWhiteSpace(saisie.PortailUrl) ? null : PortailUrl(saisie.PortailUrl),
            AdresseCourriel.Normaliser(saisie.CourrielExpediteur),
            saisie.TexteCourrier,
            saisie.TexteContact);
    }

    /// <summary>Une adresse web absolue http(s), sans espace, sans « / » final ; null si elle n'en est pas une.</summary>
    public static string? PortailUrl(string saisie)
    {
        var texte = saisie.Trim().TrimEnd('/');
        return texte.Length <= LongueurPortailUrl
            && !texte.Any(char.IsWhiteSpace)
            && Uri.TryCreate(texte, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                ? texte
                : null;
    }

    /// <summary>
    /// Vrai si le texte contient un retour à la ligne, une tabulation ou un autre caractère de contrôle : dans un
    /// en-tête de courriel (expéditeur, sujet), un CR/LF injecterait des en-têtes et fait échouer chaque envoi.
    /// </summary>
    public static bool ContientControle(string? texte) =>
        texte is not null && texte.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    private static void UneLigne(List<ErreurSaisie> erreurs, string champ, string? valeur, string libelle, string raison)
    {
        if (ContientControle(valeur?.Trim()))
        {
            erreurs.Add(new(champ, $"{libelle} doit tenir sur une ligne, sans retour à la ligne, tabulation ni autre caractère de contrôle{raison}."));
        }
    }

    private static void Longueur(List<ErreurSaisie> erreurs, string champ, string? valeur, int maximum)
    {
        if (valeur is not null && valeur.Trim().Length > maximum)
        {
            erreurs.Add(new(champ, $"{maximum} caractères au plus (vous en avez saisi {valeur.Trim().Length})."));
        }
    }

    /// <summary>Les réglages par leur libellé, pour dire au journal ce qui a changé (sans recopier les textes).</summary>
    private static Dictionary<string, string?> Champs(Etablissement e) => new()
    {
        ["nom"] = e.Nom,
        ["ville"] = e.Ville,
        ["chef d'établissement"] = e.NomChef,
        ["adresse du portail"] = e.PortailUrl,
        ["expéditeur des courriels"] = e.CourrielExpediteur,
        ["texte du courrier"] = e.TexteCourrier,
        ["contact en cas de difficulté"] = e.TexteContact,
        ["contact pour les données personnelles"] = e.ContactDonneesPersonnelles,
    };
}
