using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Credentials.Web.Infrastructure;

namespace Credentials.Web.Features.Eleves;

/// <summary>Après une notification par courriel : ce qui est parti, et les élèves laissés à la voie papier.</summary>
public sealed record ResultatCourrielModel(SelectionEleves Selection, ResumeCampagne? Campagne, IReadOnlyList<CompteIgnore> SansAdresse);

public sealed record ConfirmerFamillesModel(SelectionEleves Selection, ApercuFamilles Apercu);

/// <summary>Après un envoi aux familles : sa campagne, et de quoi réimprimer les familles sans adresse (entrées du journal).</summary>
public sealed record BilanFamillesModel(ResumeCampagne? Campagne, long Imprimer, IReadOnlyList<long> Eleves, IReadOnlyList<string> Classes, int Responsables);

/// <summary>Les phrases du bilan d'un envoi aux familles, qui restent affichées sur la page suivante.</summary>
public static class ResumeFamilles
{
    public static IEnumerable<(TypeMessage Type, string Texte)> Messages(BilanFamilles bilan)
    {
        yield return bilan.Courriels > 0
            ? (TypeMessage.Succes, $"{Libelles.Accorder(bilan.Courriels, "courriel mis", "courriels mis")} en file, un par responsable joignable, avec sa fiche et celles de ses enfants en pièces jointes.")
            : (TypeMessage.Information, "Aucun responsable n'a d'adresse électronique valable : aucun courriel n'est parti.");
        if (bilan.AImprimer.Count > 0)
        {
            // Families and guardians are two counts on the same page: say how one becomes the other.
            var responsables = bilan.AImprimer.Sum(f => f.Responsables.Count);
            var detail = responsables == bilan.AImprimer.Count
                ? ""
                : $" ({Libelles.Accorder(responsables, "responsable", "responsables")} : les responsables d'un même enfant forment une famille)";
            yield return (TypeMessage.Information, $"{Libelles.Accorder(bilan.AImprimer.Count, "famille", "familles")} sans adresse électronique{detail} : téléchargez leurs courriers ci-dessous, en un seul PDF.");
        }

        if (bilan.ElevesSansResponsable.Count > 0)
        {
            var noms = string.Join(", ", bilan.ElevesSansResponsable.Take(5).Select(e => e.NomComplet)) + (bilan.ElevesSansResponsable.Count > 5 ? ", …" : "");
            var plusieurs = bilan.ElevesSansResponsable.Count > 1;
            yield return (TypeMessage.Avertissement, plusieurs
                ? $"{bilan.ElevesSansResponsable.Count} élèves n'ont aucun responsable rattaché et n'ont pas été notifiés ({noms}) : notifiez-les depuis la liste des élèves."
                : $"1 élève n'a aucun responsable rattaché et n'a pas été notifié ({noms}) : notifiez-le depuis la liste des élèves.");
        }

        if (Resume.Ignores(bilan.Ignores) is { } ignores)
        {
            yield return (TypeMessage.Avertissement, ignores);
        }
    }
}
