using System.Globalization;
using Credentials.Core.Domain;
using Credentials.Core.Publipostage;

namespace Credentials.Web.Features.Publipostage;

/// <summary>Les filtres du publipostage, dans l'adresse (GET) et repostés par les boutons d'action.</summary>
public sealed class FiltresPublipostage
{
    public List<Profil> Profils { get; set; } = [];

    public List<string> Classes { get; set; } = [];

    /// <summary>« actives », « non-actives » ou vide (tous).</summary>
    public string? Activation { get; set; }

    /// <summary>« avec » ou « sans » adresse électronique ; sinon tous.</summary>
    public string? Courriel { get; set; }

    public DateOnly? Depuis { get; set; }

    public DateOnly? Avant { get; set; }

    public int Page { get; set; } = 1;

    public CriteresPublipostage Criteres() => new()
    {
        Profils = Profils.Count == 0 ? Enum.GetValues<Profil>() : Profils,
        Classes = Classes.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
        Actives = Activation switch { "actives" => true, "non-actives" => false, _ => null },
        AvecCourriel = Courriel switch { "avec" => true, "sans" => false, _ => null },
        CreesDepuis = Depuis,
        CreesAvant = Avant,
    };

    public IEnumerable<KeyValuePair<string, string>> Parametres(bool avecPage = true)
    {
        foreach (var p in Profils)
        {
            yield return new("profils", p.ToString());
        }

        foreach (var c in Classes)
        {
            yield return new("classes", c);
        }

        if (Activation is "actives" or "non-actives")
        {
            yield return new("activation", Activation);
        }

        if (Courriel is "avec" or "sans")
        {
            yield return new("courriel", Courriel);
        }

        if (Depuis is { } depuis)
        {
            yield return new("depuis", depuis.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Avant is { } avant)
        {
            yield return new("avant", avant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (avecPage && Page > 1)
        {
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Les mêmes filtres, réduits aux comptes sans adresse électronique (la voie papier après un envoi par courriel).</summary>
    public FiltresPublipostage SansCourriel() => new()
    {
        Profils = Profils,
        Classes = Classes,
        Activation = Activation,
        Courriel = "sans",
        Depuis = Depuis,
        Avant = Avant,
    };

    public string Url(int? page = null) =>
        "/publipostage" + Microsoft.AspNetCore.Http.QueryString.Create(
            Parametres(avecPage: false).Concat(page is > 1 ? [new("page", page.Value.ToString(CultureInfo.InvariantCulture))] : [])!).ToUriComponent();
}

public sealed record PublipostageModel(
    FiltresPublipostage Filtres,
    ApercuPublipostage Apercu,
    IReadOnlyList<LignePublipostage> Lignes,
    int Total,
    int Taille,
    IReadOnlyList<string> Classes)
{
    public int Page => Math.Clamp(Filtres.Page, 1, NombrePages);

    public int NombrePages => Math.Max(1, (Total + Taille - 1) / Taille);
}

/// <summary>La confirmation d'un publipostage : les mêmes filtres, le canal choisi et ce qui va se passer.</summary>
public sealed record ConfirmerPublipostageModel(FiltresPublipostage Filtres, string Canal, ConfirmationPublipostage Confirmation)
{
    public bool ParCourriel => Canal == "courriel";
}
