using System.Globalization;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Credentials.Web.Features.Eleves;

/// <summary>
/// L'onglet Élèves, « Envoyer aux familles » (la notification par courriel est commune aux onglets de comptes,
/// <see cref="OngletComptesController"/>). Les résultats sont des pages GET (PRG) qui ne stockent rien : la
/// campagne et les entrées du journal voyagent dans l'adresse, et les PDF se régénèrent (renotification sans
/// réinitialisation).
/// </summary>
[Route("eleves")]
[Exige(Operation.EnvoyerAuxFamilles)]
public sealed class CourrielsElevesController(ServiceCourriels courriels, SuiviEnvois suivi, RechercheComptes recherche, RendusConsole rendus) : ControleurConsole
{
    private const string Vues = "~/Features/Eleves/Views/";

    /// <summary>Confirmation : combien d'élèves, combien de responsables avec et sans adresse.</summary>
    [HttpPost("familles")]
    public async Task<IActionResult> Familles(SelectionEleves selection, CancellationToken ct)
    {
        if (selection.EstVide)
        {
            return RedirigerAvecMessage(selection.Url(), SectionComptes.Eleves.SelectionVide, TypeMessage.Erreur);
        }

        var apercu = await courriels.ApercuFamillesAsync(Portee, selection.CriteresSelection(), ct);
        return apercu.Eleves == 0
            ? RedirigerAvecMessage(selection.Url(), "Aucun des élèves sélectionnés n'est accessible.", TypeMessage.Erreur)
            : View(Vues + "Familles.cshtml", new ConfirmerFamillesModel(selection, apercu));
    }

    [HttpPost("familles/envoyer")]
    public async Task<IActionResult> EnvoyerAuxFamilles(SelectionEleves selection, bool reinitialiser, CancellationToken ct)
    {
        var bilan = await courriels.EnvoyerAuxFamillesAsync(Portee, selection.CriteresSelection(), reinitialiser, ct);
        foreach (var (type, texte) in ResumeFamilles.Messages(bilan))
        {
            Messages.Ajouter(TempData, type, texte);
        }

        if (bilan.CampagneId is null && bilan.AImprimer.Count == 0)
        {
            return LocalRedirect(selection.Url());
        }

        var parametres = new List<KeyValuePair<string, string?>> { new("imprimer", Texte(bilan.Evenements.ResponsablesCourrier)) };
        parametres.AddRange(bilan.Evenements.Eleves.Select(e => new KeyValuePair<string, string?>("eleves", Texte(e))));
        parametres.AddRange(selection.Classes.Select(c => new KeyValuePair<string, string?>("classes", c)));
        if (bilan.CampagneId is { } campagne)
        {
            parametres.Add(new("campagne", Texte(campagne)));
        }

        return LocalRedirect("/eleves/familles/bilan" + QueryString.Create(parametres).ToUriComponent());
    }

    [HttpGet("familles/bilan")]
    public async Task<IActionResult> BilanFamilles(long? campagne, long imprimer, List<long> eleves, List<string> classes, CancellationToken ct)
    {
        var resume = campagne is { } id ? await suivi.CampagneAsync(Portee, id, ct) : null;
        var responsables = imprimer > 0 ? (await recherche.ComptesDeEvenementAsync(Portee, imprimer, ct)).Count : 0;
        return View(Vues + "BilanFamilles.cshtml", new BilanFamillesModel(resume, imprimer, eleves, classes, responsables));
    }

    /// <summary>
    /// « Courriers des familles sans adresse » : les comptes des entrées du journal de l'envoi (de cet
    /// utilisateur, dans cet établissement), renotifiés sans réinitialisation, donc les mêmes mots de passe.
    /// </summary>
    [HttpPost("familles/courriers")]
    public async Task<IActionResult> CourriersFamilles(long imprimer, List<long> eleves, List<string> classes, CancellationToken ct)
    {
        var responsables = await recherche.ComptesDeEvenementAsync(Portee, imprimer, ct);
        var enfants = new List<long>();
        foreach (var evenement in eleves.Distinct())
        {
            enfants.AddRange(await recherche.ComptesDeEvenementAsync(Portee, evenement, ct));
        }

        var familles = responsables.Count == 0 ? [] : await courriels.ReimprimerFamillesAsync(Portee, responsables, enfants, ct);
        return familles.Count == 0
            ? RedirigerAvecMessage("/eleves", "Aucun courrier de famille à imprimer pour cet envoi.", TypeMessage.Avertissement)
            : rendus.CourriersFamilles(familles, Contexte.Etablissement, classes);
    }

    /// <summary>Les actions « Envoyer aux familles » rouvertes par GET ramènent à la recherche (voir <see cref="RetourFormulaire"/>).</summary>
    [HttpGet("familles")]
    [HttpGet("familles/envoyer")]
    [HttpGet("familles/courriers")]
    public IActionResult RetourRecherche(SelectionEleves selection) => LocalRedirect(selection.Url());

    private static string Texte(long id) => id.ToString(CultureInfo.InvariantCulture);
}
