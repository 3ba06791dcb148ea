using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Relances;

/// <summary>Un compte dont une relance est due : son rang (1 à 3) et sa classe, pour la liste « à relancer sur papier ».</summary>
public sealed record CompteARelancer(long CompteId, string NomComplet, string Identifiant, Profil Profil, string? Classe, int Rang);

/// <summary>Ce qu'une vague de relances a produit (ou produirait, en simulation).</summary>
public sealed record BilanRelances(long? CampagneId, int Courriels, IReadOnlyList<CompteARelancer> ParCourriel, IReadOnlyList<CompteARelancer> SurPapier, bool Simulation);

/// <summary>Une vague de relances passée et son effet : combien de ses comptes sont activés depuis.</summary>
public sealed record VagueRelances(long CampagneId, DateTime Date, int Comptes, int ActivesDepuis)
{
    public int Taux => Comptes == 0 ? 0 : (int)Math.Round(100.0 * ActivesDepuis / Comptes);
}

/// <summary>
/// Les relances des comptes « Notifié et non activé » selon le calendrier de l'établissement
/// (<see cref="CalendrierRelances"/>) : un courriel par adresse (une famille de deux enfants en reçoit un
/// seul), avec le lien d'activation ou le même mot de passe provisoire ; les comptes sans aucune adresse
/// attendent le courrier de relance (<see cref="ImprimerAsync"/>). Ni les comptes bloqués ou sortis, ni les
/// comptes activés ne sont relancés. Deux instances peuvent tourner ensemble : chaque compte relancé est
/// écrit sous condition de sa <see cref="Compte.Version"/> lue, dans la transaction qui met les courriels en
/// file ; la seconde instance échoue sans rien envoyer et retrouve au tour suivant ce qui reste dû.
/// </summary>
public sealed class ServiceRelances(
    CredentialsDbContext db,
    ServiceComptes credentials,
    OutilsSecrets outils,
    IOptions<OptionsCourriels> options,
    ReveilExpedition reveil,
    ILogger<ServiceRelances> logger)
{
    /// <summary>Les relances dues maintenant : par courriel (mises en file) ; les comptes sans adresse sont seulement listés.</summary>
    public async Task<BilanRelances> RelancerAsync(Portee portee, bool simulation, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Relancer);
        var etablissement = await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == portee.EtablissementId, ct);
        var dus = await DusAsync(portee, etablissement.CalendrierRelances, suivre: !simulation, ct);
        var adresses = await AdressesAsync(portee, dus.Select(d => d.Compte).ToList(), ct);
        var joignables = adresses.SelectMany(a => a).ToHashSet();
        var parCourriel = dus.Where(d => joignables.Contains(d.Compte.Id)).ToList();
        var surPapier = dus.Where(d => !joignables.Contains(d.Compte.Id)).Select(d => Ligne(d.Compte, d.Rang)).ToList();
        if (simulation || parCourriel.Count == 0)
        {
            return new BilanRelances(null, simulation ? adresses.Count : 0, parCourriel.Select(d => Ligne(d.Compte, d.Rang)).ToList(), surPapier, simulation);
        }

        var maintenant = outils.Maintenant;
        var entete = EnTeteEtablissement.De(etablissement, options.Value.PortailUrl);
        var contenus = new Dictionary<long, (FicheCompte Fiche, LienEnvoye? Lien)>();
        foreach (var (compte, rang) in parCourriel)
        {
            var resultat = compte.Relancer(rang, outils);
            var fiche = ServiceComptes.Fiche(compte, VarianteFiche.Identifiants, resultat.MotDePasse);
            LienEnvoye? lien = null;
            if (etablissement.ModeCourriel == ModeCourriel.Lien)
            {
                var emis = compte.EmettreLienActivation(TimeSpan.FromDays(etablissement.DureeLienActivationJours), outils);
                lien = new LienEnvoye(LienPortail.Unique(entete.PortailUrl, emis.Jeton!), emis.ExpireLe!.Value);
            }

            contenus[compte.Id] = (fiche, lien);
        }

        var campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.Relance, $"Relance de {Libelles.Accorder(parCourriel.Count, "compte non activé", "comptes non activés")}", maintenant);
        var expediteur = Expediteur.De(etablissement, options.Value);
        var courriels = 0;
        foreach (var groupe in adresses.Where(a => a.Any(contenus.ContainsKey)))
        {
            var comptes = groupe.Where(contenus.ContainsKey).Distinct().Select(id => contenus[id]).ToList();
            var langue = comptes.Select(c => TextesLangue.De(c.Fiche.Langue)).FirstOrDefault(l => l is not null);
            var contenu = RenduCourriel.Relance(entete, comptes, langue);
            var premier = comptes[0].Fiche;
            BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, expediteur, new NouveauMessage(premier.CompteId, groupe.Key, comptes.Count == 1 ? premier.NomComplet : null, contenu, comptes.Select(c => c.Fiche.CompteId).ToList()), maintenant);
            courriels++;
        }

        campagne.Compter(courriels, parCourriel.Count, surPapier.Count);
        EcritureJournal.Consigner(db, portee, maintenant, ActionJournal.Relance, Canal.Courriel, parCourriel.Select(d => d.Compte.Id).ToList(), "Relance des comptes notifiés et non activés");
        await credentials.EnregistrerAsync(ct);
        reveil.Signaler();
        logger.LogInformation("Reminder campaign {CampagneId} queued {Messages} messages for {Comptes} accounts of school {EtablissementId}", campagne.Id, courriels, parCourriel.Count, portee.EtablissementId);
        return new BilanRelances(campagne.Id, courriels, parCourriel.Select(d => Ligne(d.Compte, d.Rang)).ToList(), surPapier, false);
    }

    /// <summary>Les comptes dont une relance est due et qui n'ont aucune adresse (ni la leur, ni celle d'un responsable) : « à relancer sur papier ».</summary>
    public async Task<IReadOnlyList<CompteARelancer>> SurPapierAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Relancer);
        var etablissement = await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == portee.EtablissementId, ct);
        var dus = await DusAsync(portee, etablissement.CalendrierRelances, suivre: false, ct);
        var joignables = (await AdressesAsync(portee, dus.Select(d => d.Compte).ToList(), ct)).SelectMany(a => a).ToHashSet();
        return dus.Where(d => !joignables.Contains(d.Compte.Id)).Select(d => Ligne(d.Compte, d.Rang)).OrderBy(l => l.Classe).ThenBy(l => l.NomComplet).ToList();
    }

    /// <summary>
    /// Le courrier de relance des comptes sans adresse d'une classe (toutes si <paramref name="classe"/> est
    /// null) : chacun est marqué relancé, avec le MÊME mot de passe provisoire, et l'impression est consignée.
    /// </summary>
    public async Task<IReadOnlyList<FicheCompte>> ImprimerAsync(Portee portee, string? classe, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Relancer);
        var etablissement = await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == portee.EtablissementId, ct);
        var dus = await DusAsync(portee, etablissement.CalendrierRelances, suivre: true, ct);
        var joignables = (await AdressesAsync(portee, dus.Select(d => d.Compte).ToList(), ct)).SelectMany(a => a).ToHashSet();
        var fiches = new List<FicheCompte>();
        foreach (var (compte, rang) in dus.Where(d => !joignables.Contains(d.Compte.Id) && (classe is null || d.Compte.Classe?.Code == classe)).OrderBy(d => d.Compte.Nom).ThenBy(d => d.Compte.Prenom))
        {
            var resultat = compte.Relancer(rang, outils);
            fiches.Add(ServiceComptes.Fiche(compte, VarianteFiche.Identifiants, resultat.MotDePasse) with { Relance = true });
        }

        if (fiches.Count == 0)
        {
            throw new ErreurMetier(classe is null ? "Aucun compte n'est à relancer sur papier." : $"Aucun compte de la classe {classe} n'est à relancer sur papier.");
        }

        EcritureJournal.Consigner(db, portee, outils.Maintenant, ActionJournal.Relance, Canal.Courrier, fiches.Select(f => f.CompteId).ToList(), "Courrier de relance");
        await credentials.EnregistrerAsync(ct);
        return fiches;
    }

    /// <summary>Les vagues de relances par courriel, les plus récentes d'abord, et combien de leurs comptes sont activés depuis.</summary>
    public async Task<IReadOnlyList<VagueRelances>> VaguesAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Relancer);
        var campagnes = await db.Set<Campagne>().AsNoTracking()
            .Where(c => c.EtablissementId == portee.EtablissementId && c.Type == TypeCampagne.Relance)
            .OrderByDescending(c => c.CreeLe).Take(20)
            .Select(c => new { c.Id, c.CreeLe })
            .ToListAsync(ct);
        var vagues = new List<VagueRelances>();
        foreach (var campagne in campagnes)
        {
            var comptes = db.Set<MessageCompte>().Where(m => m.Message.CampagneId == campagne.Id).Select(m => m.CompteId);
            var actives = await db.Comptes.AsNoTracking()
                .Where(c => c.EtablissementId == portee.EtablissementId && comptes.Contains(c.Id))
                .Select(c => c.Etat == EtatCompte.Active && c.DateActivation >= campagne.CreeLe)
                .ToListAsync(ct);
            vagues.Add(new VagueRelances(campagne.Id, campagne.CreeLe, actives.Count, actives.Count(a => a)));
        }

        return vagues;
    }

    /// <summary>Les comptes notifiés et non activés (ni bloqués ni sortis) d'un profil au calendrier, dont une relance est due.</summary>
    private async Task<List<(Compte Compte, int Rang)>> DusAsync(Portee portee, CalendrierRelances calendrier, bool suivre, CancellationToken ct)
    {
        var maintenant = outils.Maintenant;
        var dus = new List<(Compte, int)>();
        foreach (var (profil, jours) in calendrier.Jours.Where(j => j.Value.Count > 0))
        {
            var limite = maintenant.AddDays(-jours[0]);
            var requete = db.Comptes.Include(c => c.Classe)
                .Filtrer(portee, new CriteresComptes { Profil = profil, Etats = [EtatCompte.NotifieNonActive] })
                .Where(c => !c.Bloque && c.DateSortie == null && c.DateNotification <= limite && c.Relances < jours.Count);
            var comptes = await (suivre ? requete : requete.AsNoTracking()).ToListAsync(ct);
            dus.AddRange(comptes
                .Select(c => (Compte: c, Rang: calendrier.RangDu(profil, c.DateNotification!.Value, maintenant)))
                .Where(d => d.Rang > d.Compte.Relances));
        }

        return dus;
    }

    /// <summary>
    /// Où relancer chaque compte : son adresse, sinon (élève) celles de ses responsables. Regroupé par adresse,
    /// si bien qu'une famille dont deux enfants sont dus reçoit un seul courriel.
    /// </summary>
    private async Task<ILookup<string, long>> AdressesAsync(Portee portee, List<Compte> comptes, CancellationToken ct)
    {
        var eleves = comptes.Where(c => c.Profil == Profil.Eleve && AdresseCourriel.Normaliser(c.Courriel) is null).Select(c => c.Id).ToList();
        var responsables = eleves.Count == 0
            ? []
            : await db.Responsabilites.AsNoTracking()
                .Where(r => eleves.Contains(r.EleveId) && r.Responsable.EtablissementId == portee.EtablissementId && !r.Responsable.Bloque)
                .Select(r => new { r.EleveId, r.Responsable.Courriel })
                .ToListAsync(ct);
        var paires = comptes.Select(c => (Adresse: AdresseCourriel.Normaliser(c.Courriel), c.Id))
            .Concat(responsables.Select(r => (Adresse: AdresseCourriel.Normaliser(r.Courriel), Id: r.EleveId)))
            .Where(p => p.Adresse is not null)
            .Distinct();
        return paires.ToLookup(p => p.Adresse!, p => p.Id);
    }

    private static CompteARelancer Ligne(Compte compte, int rang) =>
        new(compte.Id, compte.NomComplet, compte.Identifiant, compte.Profil, compte.Classe?.Code, rang);
}
