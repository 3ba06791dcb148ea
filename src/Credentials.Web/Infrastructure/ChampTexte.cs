namespace Credentials.Web.Infrastructure;

/// <summary>
/// Un champ de formulaire de la console (partiel <c>_ChampTexte</c>) : libellé, aide, erreurs du ModelState reliées
/// par <c>aria-describedby</c> ; une zone de texte quand <see cref="Lignes"/> est positif.
/// </summary>
public sealed record ChampTexte(string Id, string Libelle, string? Valeur, string Type = "text", bool Requis = false, bool Lecture = false, string? Aide = null, string? Autocomplete = null)
{
    public int Lignes { get; init; }

    public int? LongueurMax { get; init; }
}
