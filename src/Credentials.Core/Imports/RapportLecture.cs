using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>Ce qu'un lecteur constate en lisant : erreurs, avertissements, personnes écartées.</summary>
internal sealed class RapportLecture
{
    public List<ErreurImport> Erreurs { get; } = [];

    public List<AvertissementImport> Avertissements { get; } = [];

    public List<IgnoreImport> Ignores { get; } = [];

    public bool AErreurs => Erreurs.Count > 0;

    public void Erreur(Localisation ou, string message) => Erreurs.Add(new ErreurImport(ou, message));

    public void Avertir(Localisation ou, string message) => Avertissements.Add(new AvertissementImport(ou, message));

    /// <summary>Le courriel normalisé ; un courriel mal formé n'est pas repris, avec un avertissement (il ne bloque pas l'import).</summary>
    public string? Courriel(string? brut, Localisation ou, string personne)
    {
        var courriel = TexteImport.NormaliserCourriel(brut, out var valide);
        if (!valide)
        {
            Avertir(ou, $"le courriel « {brut!.Trim()} » de {personne} est mal formé : il n'est pas repris");
        }

        return courriel;
    }

    public void Ignorer(Localisation ou, Profil profil, string personne, string raison) => Ignores.Add(new IgnoreImport(ou, profil, personne, raison));
}
