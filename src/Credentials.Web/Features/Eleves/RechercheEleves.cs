using Credentials.Core.Comptes;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Credentials.Web.Features.Eleves;

/// <summary>Les filtres de l'onglet, dans l'URL (GET) : une recherche se met en favori et se partage.</summary>
public class RechercheEleves
{
    /// <summary>L'onglet (élèves ou responsables) : fixé par le contrôleur, jamais lu dans la requête.</summary>
    [BindNever]
    public SectionComptes Section { get; set; } = SectionComptes.Eleves;

    public string? Q { get; set; }

    public string? Mef { get; set; }

    public List<string> Classes { get; set; } = [];

    public List<EtatCompte> Etats { get; set; } = [];

    /// <summary>« Bloqué » sous État(s) : seulement les comptes bloqués, quel que soit leur état.</summary>
    public bool Bloques { get; set; }

    /// <summary>« Élèves extérieurs » : ceux d'un autre établissement qui suivent ici un enseignement partagé.</summary>
    public bool? Externes { get; set; }

    public bool SeulementExternes => Externes == true;

    /// <summary>« avec » ou « sans » adresse électronique (onglet Responsables) ; sinon tous.</summary>
    public string? Courriel { get; set; }

    private bool? AvecCourriel => Courriel switch { "avec" => true, "sans" => false, _ => null };

    /// <summary>La langue de la famille : un code proposé, « fr » (français seul), sinon toutes (un code inconnu est ignoré).</summary>
    public string? Langue { get; set; }

    private string? LangueValable => CriteresComptes.LangueConnue(Langue);

    public TriComptes Tri { get; set; } = TriComptes.Nom;

    public bool Desc { get; set; }

    public int Page { get; set; } = 1;

    public int Taille { get; set; } = 50;

    public CriteresComptes Criteres(IReadOnlyCollection<long>? ids = null) => new()
    {
        Profil = Section.Profil,
        Recherche = Q,
        Mef = Mef,
        Classes = Classes.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
        Etats = Etats,
        Bloques = Bloques ? true : null,
        Externes = Externes,
        AvecCourriel = AvecCourriel,
        Langue = LangueValable,
        Tri = Tri,
        Descendant = Desc,
        Ids = ids,
    };

    /// <summary>Les paramètres de la recherche, pour reconstruire son URL (tri, pages, retour).</summary>
    public IEnumerable<KeyValuePair<string, string>> Parametres(bool avecPage = true)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            yield return new("q", Q);
        }

        if (!string.IsNullOrWhiteSpace(Mef))
        {
            yield return new("mef", Mef);
        }

        foreach (var c in Classes)
        {
            yield return new("classes", c);
        }

        foreach (var e in Etats)
        {
            yield return new("etats", e.ToString());
        }

        if (Bloques)
        {
            yield return new("bloques", "true");
        }

        if (Externes is { } externes)
        {
            yield return new("externes", externes ? "true" : "false");
        }

        if (AvecCourriel is not null)
        {
            yield return new("courriel", Courriel!);
        }

        if (LangueValable is { } langue)
        {
            yield return new("langue", langue);
        }

        if (Tri != TriComptes.Nom)
        {
            yield return new("tri", Tri.ToString());
        }

        if (Desc)
        {
            yield return new("desc", "true");
        }

        if (Taille != 50)
        {
            yield return new("taille", Taille.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (avecPage && Page > 1)
        {
            yield return new("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string UrlPage(int page) => Url(null, true, ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Trier par cette colonne ; un second clic inverse l'ordre.</summary>
    public string UrlTri(TriComptes tri) =>
        Url(null, false, ("tri", tri.ToString()), ("desc", (Tri == tri && !Desc) ? "true" : "false"));

    /// <summary>L'adresse de la recherche sur <paramref name="chemin"/> (par défaut, la liste de l'onglet).</summary>
    public string Url(string? chemin = null, bool avecPage = true, params (string Cle, string Valeur)[] remplacements)
    {
        chemin ??= Section.Chemin;
        var parametres = Parametres(avecPage).Where(p => remplacements.All(r => r.Cle != p.Key))
            .Concat(remplacements.Select(r => new KeyValuePair<string, string>(r.Cle, r.Valeur)));
        return chemin + Microsoft.AspNetCore.Http.QueryString.Create(parametres!).ToUriComponent();
    }
}

/// <summary>Une sélection postée : des lignes cochées, ou « tous les résultats de la recherche ».</summary>
public sealed class SelectionEleves : RechercheEleves
{
    public List<long> Ids { get; set; } = [];

    public bool Tous { get; set; }

    public string? Operation { get; set; }

    public bool EstVide => !Tous && Ids.Count == 0;

    /// <summary>L'action vient de la page d'un compte : on y revient après (et non à la liste).</summary>
    public long? Depuis { get; set; }

    /// <summary>Où revenir après l'action ou son annulation : la page du compte d'où elle part, sinon la recherche.</summary>
    public string Retour() => Depuis is { } id ? $"{Section.Chemin}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : Url();

    public CriteresComptes CriteresSelection() => Criteres(Tous ? null : Ids);

    /// <summary>L'adresse d'une page qui relit cette sélection en GET (critères, et lignes cochées ou « tous »).</summary>
    public string UrlSelection(string chemin, params (string Cle, string? Valeur)[] ajouts)
    {
        var selection = Tous
            ? [new KeyValuePair<string, string?>("tous", "true")]
            : Ids.Select(id => new KeyValuePair<string, string?>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var parametres = Parametres(avecPage: false).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .Concat(selection)
            .Concat(ajouts.Where(a => a.Valeur is not null).Select(a => new KeyValuePair<string, string?>(a.Cle, a.Valeur)));
        return chemin + Microsoft.AspNetCore.Http.QueryString.Create(parametres).ToUriComponent();
    }
}
