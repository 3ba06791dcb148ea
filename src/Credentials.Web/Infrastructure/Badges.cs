using System.Text.Encodings.Web;
using System.Text.Unicode;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Credentials.Web.Features.Envois;
using Microsoft.AspNetCore.Html;

namespace Credentials.Web.Infrastructure;

/// <summary>
/// Les pastilles d'état (compte, courriel) : une icône, jamais la couleur seule, et le libellé. Chaque pastille est
/// écrite une fois pour toutes au démarrage.
/// </summary>
/// <remarks>
/// Une vue partielle par ligne coûtait, sur une page de 50 comptes, 50 recherches de vue, dictionnaires et tampons
/// (docs/performance.md, session 12) ; ces quelques chaînes ne changent jamais.
/// </remarks>
public static class Badges
{
    // As the views write (Hosting: every Unicode range as is, « Activé » and not « Activ&#xE9; »).
    private static readonly HtmlEncoder Encodeur = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Dictionary<(EtatCompte, bool), HtmlString> Etats =
        (from etat in Enum.GetValues<EtatCompte>()
         from bloque in new[] { false, true }
         select (etat, bloque))
        .ToDictionary(c => c, c => EcrireEtat(c.etat, c.bloque));

    private static readonly Dictionary<StatutMessage, HtmlString> Statuts =
        Enum.GetValues<StatutMessage>().ToDictionary(s => s, s =>
        {
            var (classe, icone) = s.Badge();
            return new HtmlString(Pastille(classe, icone, s.Libelle()));
        });

    /// <summary>L'état du compte, suivi de « Bloqué » pour un compte bloqué.</summary>
    public static IHtmlContent Etat(EtatCompte etat, bool bloque) => Etats[(etat, bloque)];

    /// <summary>Où en est un courriel de l'envoi.</summary>
    public static IHtmlContent Statut(StatutMessage statut) => Statuts[statut];

    private static HtmlString EcrireEtat(EtatCompte etat, bool bloque)
    {
        var (classe, icone) = etat switch
        {
            EtatCompte.Active => ("etat-active", "✔"),
            EtatCompte.NotifieNonActive => ("etat-notifie", "✉"),
            _ => ("etat-non-notifie", "○"),
        };
        var pastille = Pastille(classe, icone, etat.Libelle());
        return new HtmlString(bloque ? pastille + " " + Pastille("etat-bloque", "⛔", "Bloqué") : pastille);
    }

    private static string Pastille(string classe, string icone, string libelle) =>
        $"<span class=\"badge {classe}\"><span aria-hidden=\"true\">{icone}</span> {Encodeur.Encode(libelle)}</span>";
}
