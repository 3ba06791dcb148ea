using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Courriels;

/// <summary>
/// Ce qu'une notification par courriel a produit. Les comptes <see cref="SansAdresse"/> n'ont pas été
/// touchés : la console leur propose la voie papier (une notification « courrier » de ces comptes, un PDF).
/// </summary>
public sealed record BilanCourriels(long? CampagneId, int Courriels, ResultatLot Lot, IReadOnlyList<CompteIgnore> SansAdresse);

/// <summary>Une famille dont aucun responsable notifié n'a d'adresse : ses fiches, à imprimer ensemble.</summary>
public sealed record FamilleAImprimer(IReadOnlyList<FicheCompte> Responsables, IReadOnlyList<FicheCompte> Eleves);

/// <summary>
/// Ce qu'un envoi aux familles a produit : les courriels en file, les familles à imprimer (déjà notifiées,
/// fiches avec mots de passe, à rendre en un PDF), les élèves sans aucun responsable (non touchés) et les
/// comptes ignorés par les règles (bloqués…).
/// </summary>
public sealed record BilanFamilles(
    long? CampagneId,
    int Courriels,
    IReadOnlyList<FamilleAImprimer> AImprimer,
    IReadOnlyList<CompteIgnore> ElevesSansResponsable,
    IReadOnlyList<CompteIgnore> Ignores)
{
    /// <summary>Les entrées du journal de l'envoi, de quoi réimprimer <see cref="AImprimer"/> plus tard sans rien stocker.</summary>
    public EvenementsFamilles Evenements { get; init; } = new(0, []);
}

/// <summary>
/// Les entrées du journal d'un envoi aux familles : celle des responsables notifiés par courrier (0 s'il n'y
/// en a pas) et celles des élèves notifiés, par l'un ou l'autre canal (un enfant d'une famille à imprimer
/// peut voyager aussi par le courriel de son autre responsable).
/// </summary>
public sealed record EvenementsFamilles(long ResponsablesCourrier, IReadOnlyList<long> Eleves);

/// <summary>Ce qu'un envoi aux familles toucherait : de quoi écrire la confirmation.</summary>
public sealed record ApercuFamilles(int Eleves, int ResponsablesAvecAdresse, int ResponsablesSansAdresse, int ElevesSansResponsable)
{
    public int Responsables => ResponsablesAvecAdresse + ResponsablesSansAdresse;
}

/// <summary>
/// Notifie par courriel : applique les règles d'état (<see cref="ServiceComptes"/>), consigne au journal
/// et met les courriels en file dans UNE transaction ; l'expéditeur les envoie ensuite en arrière-plan.
/// La console (Élèves, Responsables, « Envoyer aux familles ») et la CLI l'appellent tous deux.
/// </summary>
public sealed class ServiceCourriels(
    CredentialsDbContext db,
    ServiceComptes credentials,
    OutilsSecrets outils,
    IOptions<OptionsCourriels> options,
    ReveilExpedition reveil,
    ILogger<ServiceCourriels> logger)
{

    /// <summary>(Re)notifie la sélection par courriel : un courriel par compte ayant une adresse valable.</summary>
    public Task<BilanCourriels> NotifierAsync(Portee portee, CriteresComptes criteres, bool reinitialiser, CancellationToken ct = default) =>
        NotifierAsync(portee, [criteres], reinitialiser, null, ct);

    /// <summary>
    /// (Re)notifie par courriel plusieurs sélections (un publipostage : une par profil) en une campagne et une
    /// transaction : tout part, ou rien.
    /// </summary>
    public async Task<BilanCourriels> NotifierAsync(Portee portee, IReadOnlyList<CriteresComptes> selections, bool reinitialiser, string? libelle, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Notifier);
        var etablissement = await EtablissementAsync(portee, ct);
        var sansAdresse = new List<CompteIgnore>();
        var fiches = new List<FicheCompte>();
        var ignores = new List<CompteIgnore>();
        var nouveaux = 0;
        Evenement? evenement = null;
        foreach (var criteres in selections)
        {
            var (avecAdresse, sans) = await AdressesAsync(portee, criteres, ct);
            sansAdresse.AddRange(sans);
            if (avecAdresse.Count > 0)
            {
                var lotProfil = await credentials.PreparerNotificationAsync(portee, new DemandeNotification(criteres with { Ids = avecAdresse }, reinitialiser, Canal.Courriel), ct);
                fiches.AddRange(lotProfil.Fiches);
                ignores.AddRange(lotProfil.Ignores);
                nouveaux += lotProfil.NouveauxMotsDePasse;
                evenement ??= lotProfil.Evenement;
            }
        }

        if (fiches.Count == 0 && ignores.Count == 0)
        {
            return new BilanCourriels(null, 0, new ResultatLot([], []), sansAdresse);
        }

        var lot = new ResultatLot(fiches, ignores) { NouveauxMotsDePasse = nouveaux, Evenement = evenement };
        var maintenant = outils.Maintenant;
        libelle ??= $"Notification de {Nombre(lot.Fiches.Count, selections[0].Profil)}{Classes(selections[0])}";
        var campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.Notification, libelle, maintenant);
        var entete = EnTeteEtablissement.De(etablissement, options.Value.PortailUrl);
        var expediteur = Expediteur.De(etablissement, options.Value);
        var courriels = 0;
        foreach (var fiche in lot.Fiches)
        {
            // Read again from the tracked account: the address enqueued is the one saved with the notification.
            if (AdresseCourriel.Normaliser(fiche.Courriel) is not { } adresse)
            {
                sansAdresse.Add(SansAdresse(fiche.CompteId, fiche.NomComplet, fiche.Identifiant, fiche.Courriel));
                continue;
            }

            var lien = await LienActivationAsync(etablissement, entete, fiche, ct);
            var contenu = RenduCourriel.Notification(entete, fiche, lien, TextesLangue.De(fiche.Langue));
            BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, expediteur, new NouveauMessage(fiche.CompteId, adresse, fiche.NomComplet, contenu, [fiche.CompteId]), maintenant);
            courriels++;
        }

        campagne.Compter(courriels, courriels, sansAdresse.Count);
        await credentials.EnregistrerAsync(ct);
        reveil.Signaler();
        logger.LogInformation(
            "Campaign {CampagneId} queued {Messages} notification messages for school {EtablissementId} ({WithoutAddress} accounts without address)",
            campagne.Id, courriels, portee.EtablissementId, sansAdresse.Count);
        return new BilanCourriels(campagne.Id, courriels, lot, sansAdresse);
    }

    /// <summary>
    /// En mode « lien » (<see cref="ModeCourriel.Lien"/>), un compte qui reçoit ses identifiants reçoit un lien
    /// d'activation à usage unique au lieu de son mot de passe provisoire (qui reste pour le courrier papier).
    /// Le compte est celui que la notification vient de suivre : le lien s'enregistre avec elle.
    /// </summary>
    internal async Task<LienEnvoye?> LienActivationAsync(Etablissement etablissement, EnTeteEtablissement entete, FicheCompte fiche, CancellationToken ct)
    {
        if (etablissement.ModeCourriel != ModeCourriel.Lien || fiche.Variante != VarianteFiche.Identifiants || fiche.MotDePasse is null)
        {
            return null;
        }

        var compte = await db.Comptes.FindAsync([fiche.CompteId], ct)
            ?? throw new InvalidOperationException("The notified account is no longer in the context.");
        var emis = compte.EmettreLienActivation(TimeSpan.FromDays(etablissement.DureeLienActivationJours), outils);
        return emis.EstAccepte ? new LienEnvoye(LienPortail.Unique(entete.PortailUrl, emis.Jeton!), emis.ExpireLe!.Value) : null;
    }

    /// <summary>Les comptes de la sélection sans adresse valable, dans l'ordre de la sélection : ceux qu'une notification par courriel laisse à la voie papier.</summary>
    public async Task<IReadOnlyList<CompteIgnore>> SansAdresseAsync(Portee portee, CriteresComptes criteres, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        return (await AdressesAsync(portee, criteres, ct)).SansAdresse;
    }

    /// <summary>Combien d'élèves et de responsables (avec ou sans adresse valable) un envoi aux familles toucherait.</summary>
    public async Task<ApercuFamilles> ApercuFamillesAsync(Portee portee, CriteresComptes criteresEleves, CancellationToken ct = default)
    {
        portee.Exiger(Operation.EnvoyerAuxFamilles);
        var eleves = await db.Comptes.AsNoTracking().Filtrer(portee, criteresEleves with { Profil = Profil.Eleve }).Select(c => c.Id).ToListAsync(ct);
        var liens = await LiensAsync(portee, eleves, ct);
        var joignables = liens.GroupBy(l => l.ResponsableId).Select(g => AdresseCourriel.Normaliser(g.First().Courriel) is not null).ToList();
        var avecResponsable = liens.Select(l => l.EleveId).ToHashSet();
        return new ApercuFamilles(eleves.Count, joignables.Count(j => j), joignables.Count(j => !j), eleves.Count(id => !avecResponsable.Contains(id)));
    }

    /// <summary>
    /// « Envoyer aux familles » pour une sélection d'élèves : un courriel par responsable ayant une adresse,
    /// avec sa fiche et celles de ses enfants sélectionnés en PDF. Les responsables sans adresse et leurs
    /// enfants sont notifiés aussi (canal « courrier ») et rendus groupés par famille pour un seul PDF.
    /// Un élève dont un responsable reçoit le courriel n'est notifié qu'une fois, même s'il figure aussi
    /// dans une famille à imprimer (son autre responsable) : une seule fiche, un seul mot de passe.
    /// </summary>
    public async Task<BilanFamilles> EnvoyerAuxFamillesAsync(Portee portee, CriteresComptes criteresEleves, bool reinitialiser, CancellationToken ct = default)
    {
        portee.Exiger(Operation.EnvoyerAuxFamilles);
        var etablissement = await EtablissementAsync(portee, ct);
        var criteres = criteresEleves with { Profil = Profil.Eleve };
        var eleves = await db.Comptes.AsNoTracking().Filtrer(portee, criteres).Trier(criteres)
            .Select(c => new { c.Id, c.Prenom, c.Nom, c.Identifiant })
            .ToListAsync(ct);
        var idsEleves = eleves.Select(e => e.Id).ToList();
        var liens = await LiensAsync(portee, idsEleves, ct);

        var adresses = liens.GroupBy(l => l.ResponsableId).ToDictionary(g => g.Key, g => AdresseCourriel.Normaliser(g.First().Courriel));
        var parCourriel = await NotifierSiBesoinAsync(portee, Profil.Responsable, adresses.Where(a => a.Value is not null).Select(a => a.Key).ToList(), reinitialiser, Canal.Courriel, ct);
        var parCourrier = await NotifierSiBesoinAsync(portee, Profil.Responsable, adresses.Where(a => a.Value is null).Select(a => a.Key).ToList(), reinitialiser, Canal.Courrier, ct);
        var responsablesCourriel = parCourriel.Fiches.ToDictionary(f => f.CompteId);
        var responsablesCourrier = parCourrier.Fiches.ToDictionary(f => f.CompteId);

        // A pupil travels by e-mail if one of his notified responsables has an address, else on paper.
        var responsablesDe = liens.ToLookup(l => l.EleveId, l => l.ResponsableId);
        var elevesCourriel = idsEleves.Where(id => responsablesDe[id].Any(responsablesCourriel.ContainsKey)).ToHashSet();
        var elevesCourrier = idsEleves.Where(id => !elevesCourriel.Contains(id) && responsablesDe[id].Any(responsablesCourrier.ContainsKey)).ToHashSet();
        var elevesParCourriel = await NotifierSiBesoinAsync(portee, Profil.Eleve, elevesCourriel.ToList(), reinitialiser, Canal.Courriel, ct);
        var elevesParCourrier = await NotifierSiBesoinAsync(portee, Profil.Eleve, elevesCourrier.ToList(), reinitialiser, Canal.Courrier, ct);
        var fichesEleves = elevesParCourriel.Fiches.Concat(elevesParCourrier.Fiches).ToDictionary(f => f.CompteId);
        var rangEleve = Rangs(idsEleves);
        var enfantsDe = EnfantsParmi(liens, fichesEleves, rangEleve);

        var maintenant = outils.Maintenant;
        Campagne? campagne = null;
        var comptesConcernes = new HashSet<long>();
        if (responsablesCourriel.Count > 0)
        {
            var libelle = $"Fiches aux familles de {Nombre(eleves.Count, Profil.Eleve)}{Classes(criteres)}";
            campagne = BoiteEnvoi.NouvelleCampagne(db, portee, TypeCampagne.Familles, libelle, maintenant);
            var entete = EnTeteEtablissement.De(etablissement, options.Value.PortailUrl);
            var expediteur = Expediteur.De(etablissement, options.Value);
            // In link mode a child with two guardians gets one link, written in both e-mails (a second one
            // would replace the first).
            var liensEmis = new Dictionary<long, LienEnvoye?>();
            foreach (var responsable in responsablesCourriel.Values)
            {
                var enfants = enfantsDe(responsable.CompteId);
                NouveauMessage message;
                if (etablissement.ModeCourriel == ModeCourriel.Lien)
                {
                    var comptes = new List<(FicheCompte Fiche, LienEnvoye? Lien)>();
                    foreach (var fiche in enfants.Prepend(responsable))
                    {
                        if (!liensEmis.TryGetValue(fiche.CompteId, out var lien))
                        {
                            lien = liensEmis[fiche.CompteId] = await LienActivationAsync(etablissement, entete, fiche, ct);
                        }

                        comptes.Add((fiche, lien));
                    }

                    var contenu = RenduCourriel.FamilleParLiens(entete, comptes, TextesLangue.De(responsable.Langue));
                    message = new NouveauMessage(responsable.CompteId, adresses[responsable.CompteId]!, responsable.NomComplet, contenu, comptes.Select(c => c.Fiche.CompteId).ToList());
                }
                else
                {
                    var famille = RenduCourriel.Famille(entete, responsable, enfants);
                    message = new NouveauMessage(responsable.CompteId, adresses[responsable.CompteId]!, responsable.NomComplet, famille.Courriel, famille.PiecesJointes.Select(p => p.CompteId).ToList(), famille.PiecesJointes);
                }

                comptesConcernes.UnionWith(message.Comptes);
                BoiteEnvoi.Ajouter(db, outils.Coffre, campagne, expediteur, message, maintenant);
            }
        }

        var aImprimer = FamillesAImprimer(responsablesCourrier.Values, enfantsDe, rangEleve);
        var sansResponsable = eleves.Where(e => !elevesCourriel.Contains(e.Id) && !elevesCourrier.Contains(e.Id))
            .Select(e => new CompteIgnore(e.Id, $"{e.Prenom} {e.Nom}", e.Identifiant, "Aucun responsable rattaché à cet élève."))
            .ToList();
        campagne?.Compter(responsablesCourriel.Count, comptesConcernes.Count, responsablesCourrier.Count + sansResponsable.Count);
        await credentials.EnregistrerAsync(ct);
        if (campagne is not null)
        {
            reveil.Signaler();
            logger.LogInformation(
                "Campaign {CampagneId} queued {Messages} family messages for school {EtablissementId} ({Families} families to print)",
                campagne.Id, responsablesCourriel.Count, portee.EtablissementId, aImprimer.Count);
        }

        var ignores = parCourriel.Ignores.Concat(parCourrier.Ignores).Concat(elevesParCourriel.Ignores).Concat(elevesParCourrier.Ignores).ToList();
        var evenements = new EvenementsFamilles(parCourrier.EvenementId, new[] { elevesParCourriel.EvenementId, elevesParCourrier.EvenementId }.Where(id => id > 0).ToList());
        return new BilanFamilles(campagne?.Id, responsablesCourriel.Count, aImprimer, sansResponsable, ignores) { Evenements = evenements };
    }

    /// <summary>
    /// Réimprime les courriers des familles sans adresse d'un envoi aux familles : les <paramref name="responsables"/>
    /// imprimés alors, chacun avec ceux de ses enfants qui figurent parmi <paramref name="eleves"/>, regroupés par
    /// foyer. Chacun est (re)notifié par courrier SANS réinitialisation : mêmes états, mêmes mots de passe
    /// provisoires que lors de l'envoi, et l'impression est consignée au journal.
    /// </summary>
    public async Task<IReadOnlyList<FamilleAImprimer>> ReimprimerFamillesAsync(Portee portee, IReadOnlyCollection<long> responsables, IReadOnlyCollection<long> eleves, CancellationToken ct = default)
    {
        portee.Exiger(Operation.EnvoyerAuxFamilles);
        var imprimes = responsables.ToHashSet();
        var liens = (await LiensAsync(portee, eleves.ToList(), ct)).Where(l => imprimes.Contains(l.ResponsableId)).ToList();
        var parents = await NotifierSiBesoinAsync(portee, Profil.Responsable, imprimes.ToList(), false, Canal.Courrier, ct);
        var enfants = await NotifierSiBesoinAsync(portee, Profil.Eleve, liens.Select(l => l.EleveId).Distinct().ToList(), false, Canal.Courrier, ct);
        await credentials.EnregistrerAsync(ct);
        var fiches = enfants.Fiches.ToDictionary(f => f.CompteId);
        var rangEleve = Rangs(enfants.Fiches.Select(f => f.CompteId));
        return FamillesAImprimer(parents.Fiches, EnfantsParmi(liens, fiches, rangEleve), rangEleve);
    }

    /// <summary>Les responsables sans adresse et leurs enfants, regroupés par foyer (composantes connexes parents–enfants).</summary>
    private static List<FamilleAImprimer> FamillesAImprimer(IEnumerable<FicheCompte> responsables, Func<long, List<FicheCompte>> enfants, Dictionary<long, int> rangEleve)
    {
        var familles = new List<(List<FicheCompte> Responsables, List<FicheCompte> Eleves)>();
        foreach (var responsable in responsables.OrderBy(r => r.Nom).ThenBy(r => r.Prenom))
        {
            var siens = enfants(responsable.CompteId);
            var communes = familles.Where(f => f.Eleves.Any(e => siens.Any(s => s.CompteId == e.CompteId))).ToList();
            var famille = (Responsables: new List<FicheCompte> { responsable }, Eleves: siens);
            foreach (var commune in communes)
            {
                familles.Remove(commune);
                famille.Responsables.AddRange(commune.Responsables);
                famille.Eleves.AddRange(commune.Eleves.Where(e => famille.Eleves.All(s => s.CompteId != e.CompteId)));
            }

            familles.Add(famille);
        }

        return familles
            .Select(f => new FamilleAImprimer(
                f.Responsables.OrderBy(r => r.Nom).ThenBy(r => r.Prenom).ToList(),
                f.Eleves.OrderBy(e => rangEleve[e.CompteId]).ToList()))
            .OrderBy(f => f.Eleves.Count > 0 ? rangEleve[f.Eleves[0].CompteId] : int.MaxValue)
            .ToList();
    }

    /// <summary>Les enfants notifiés d'un responsable, dans l'ordre de la sélection.</summary>
    private static Func<long, List<FicheCompte>> EnfantsParmi(IEnumerable<Lien> liens, Dictionary<long, FicheCompte> fichesEleves, Dictionary<long, int> rangEleve)
    {
        var enfantsDe = liens.ToLookup(l => l.ResponsableId, l => l.EleveId);
        return responsable => enfantsDe[responsable].Distinct()
            .Where(fichesEleves.ContainsKey)
            .Select(id => fichesEleves[id])
            .OrderBy(f => rangEleve[f.CompteId])
            .ToList();
    }

    private static Dictionary<long, int> Rangs(IEnumerable<long> ids) => ids.Select((id, rang) => (id, rang)).ToDictionary(x => x.id, x => x.rang);

    /// <summary>Les liens responsable–élève de ces élèves, responsables légaux d'abord.</summary>
    private async Task<List<Lien>> LiensAsync(Portee portee, List<long> eleves, CancellationToken ct) =>
        await db.Responsabilites.AsNoTracking()
            .Where(r => eleves.Contains(r.EleveId) && r.Responsable.EtablissementId == portee.EtablissementId)
            .OrderBy(r => r.RangLegal == 0 ? int.MaxValue : r.RangLegal).ThenBy(r => r.Responsable.Nom).ThenBy(r => r.Responsable.Prenom)
            .Select(r => new Lien(r.EleveId, r.ResponsableId, r.Responsable.Courriel))
            .ToListAsync(ct);

    /// <summary>La sélection partagée entre comptes ayant une adresse valable et les autres (voie papier).</summary>
    private async Task<(List<long> AvecAdresse, List<CompteIgnore> SansAdresse)> AdressesAsync(Portee portee, CriteresComptes criteres, CancellationToken ct)
    {
        var selection = await db.Comptes.AsNoTracking().Filtrer(portee, criteres).Trier(criteres)
            .Select(c => new { c.Id, c.Prenom, c.Nom, c.Identifiant, c.Courriel })
            .ToListAsync(ct);
        var avecAdresse = selection.Where(c => AdresseCourriel.Normaliser(c.Courriel) is not null).Select(c => c.Id).ToList();
        var sansAdresse = selection.Where(c => AdresseCourriel.Normaliser(c.Courriel) is null)
            .Select(c => SansAdresse(c.Id, $"{c.Prenom} {c.Nom}", c.Identifiant, c.Courriel))
            .ToList();
        return (avecAdresse, sansAdresse);
    }

    private async Task<ResultatLot> NotifierSiBesoinAsync(Portee portee, Profil profil, List<long> ids, bool reinitialiser, Canal canal, CancellationToken ct) =>
        ids.Count == 0
            ? new ResultatLot([], [])
            : await credentials.PreparerNotificationAsync(portee, new DemandeNotification(new CriteresComptes { Profil = profil, Ids = ids }, reinitialiser, canal), ct);

    private async Task<Etablissement> EtablissementAsync(Portee portee, CancellationToken ct) =>
        await db.Etablissements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == portee.EtablissementId, ct)
        ?? throw new ErreurMetier("Établissement introuvable.", CodeErreur.Introuvable);

    private static CompteIgnore SansAdresse(long id, string nom, string identifiant, string? courriel) =>
        new(id, nom, identifiant, string.IsNullOrWhiteSpace(courriel)
            ? "Aucune adresse électronique."
            : $"L'adresse « {courriel.Trim()} » n'est pas valable.");

    private static string Nombre(int nombre, Profil profil) => $"{nombre} {(nombre > 1 ? profil.Pluriel() : profil.EnMinuscules())}";

    private static string Classes(CriteresComptes criteres) => criteres.Classes.Count > 0 ? $" ({string.Join(", ", criteres.Classes.Order())})" : "";

    private sealed record Lien(long EleveId, long ResponsableId, string? Courriel);
}
