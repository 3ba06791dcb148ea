namespace Credentials.Core.Domain;

/// <summary>Une classe (division) d'un établissement, avec sa formation (MEF) et son niveau.</summary>
public class Classe
{
    private Classe()
    {
    }

    public Classe(Etablissement etablissement, string code)
    {
        Etablissement = etablissement;
        EtablissementId = etablissement.Id;
        Code = code.Trim();
    }

    public int Id { get; private set; }

    public int EtablissementId { get; private set; }

    public Etablissement Etablissement { get; private set; } = null!;

    /// <summary>Code de la division (« 6A », « CM1-CM2 B »).</summary>
    public string Code { get; private set; } = "";

    /// <summary>Libellé long, s'il diffère du code.</summary>
    public string? Libelle { get; private set; }

    /// <summary>Identifiant dans l'annuaire d'origine (« Identifiant classe » ONDE).</summary>
    public string? CleImport { get; private set; }

    public string? CodeMef { get; private set; }

    public string? LibelleMef { get; private set; }

    /// <summary>Niveau ou filière (« 6e », « CM2 », « 2NDPRO »).</summary>
    public string? Niveau { get; private set; }

    public string Affichage => Libelle is null ? Code : $"{Code} — {Libelle}";

    public void Decrire(string? libelle, string? codeMef, string? libelleMef, string? niveau, string? cleImport = null)
    {
        Libelle = libelle;
        CodeMef = codeMef;
        LibelleMef = libelleMef;
        Niveau = niveau;
        CleImport = cleImport ?? CleImport;
    }
}
