using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Relances;

/// <summary>Ce que la direction saisit : le contenu des courriels, la durée des liens, les délais de relance par profil (« 7, 21 »).</summary>
public sealed record SaisieEnvois(ModeCourriel Mode, string? DureeLienJours, IReadOnlyDictionary<Profil, string?> Relances);

/// <summary>
/// « Paramètres › Relances et courriels » (direction seule) : vérifie chaque champ avec un message précis,
/// n'enregistre rien si un seul est faux, refuse d'écraser une modification faite entre-temps, et consigne.
/// </summary>
public sealed class ReglagesEnvois(CredentialsDbContext db, TimeProvider horloge)
{
    public static string ChampRelances(Profil profil) => $"Relances{profil}";

    public const string ChampDuree = "DureeLienJours";

    public async Task<Etablissement> LireAsync(Portee portee, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Parametrer);
        return await db.Etablissements.AsNoTracking().SingleAsync(e => e.Id == portee.EtablissementId, ct);
    }

    public async Task<IReadOnlyList<ErreurSaisie>> EnregistrerAsync(Portee portee, int versionAttendue, SaisieEnvois saisie, CancellationToken ct = default)
    {
        portee.Exiger(Operation.Parametrer);
        var erreurs = new List<ErreurSaisie>();
        if (!int.TryParse(saisie.DureeLienJours, out var duree) || duree < 1 || duree > Etablissement.DureeLienMax)
        {
            erreurs.Add(new(ChampDuree, $"Durée du lien d'activation : « {saisie.DureeLienJours} » n'est pas un nombre de jours entre 1 et {Etablissement.DureeLienMax}."));
        }

        var jours = new Dictionary<Profil, IReadOnlyList<int>>();
        foreach (var (profil, texte) in saisie.Relances)
        {
            if (CalendrierRelances.Verifier(texte, out var delais) is { } erreur)
            {
                erreurs.Add(new(ChampRelances(profil), $"Relances des {profil.Pluriel()} : {erreur}"));
            }

            jours[profil] = delais;
        }

        if (erreurs.Count > 0)
        {
            return erreurs;
        }

        var etablissement = await db.Etablissements.SingleAsync(e => e.Id == portee.EtablissementId, ct);
        if (etablissement.Version != versionAttendue)
        {
            return [new("", "Ces paramètres ont été modifiés par quelqu'un d'autre entre-temps : rechargez la page et recommencez.")];
        }

        var calendrier = new CalendrierRelances(jours);
        etablissement.ModifierEnvois(saisie.Mode, duree, calendrier);
        var details = $"Courriels : {(saisie.Mode == ModeCourriel.Lien ? $"lien d'activation valable {duree} jours" : "mot de passe provisoire")} ; relances : {(calendrier.EstVide ? "aucune" : calendrier.ToString())}.";
        EcritureJournal.Consigner(db, portee, horloge.GetUtcNow().UtcDateTime, ActionJournal.ModificationReglages, null, [], details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new("", "Ces paramètres ont été modifiés par quelqu'un d'autre entre-temps : rechargez la page et recommencez.")];
        }

        return [];
    }
}
