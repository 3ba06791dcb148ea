using Credentials.Core.Domain;

namespace Credentials.Core.Imports;

/// <summary>Ce qu'un lecteur constate en lisant : erreurs, avertissements, personnes écartées.</summary>
internal sealed class RapportLecture
{
    public List<ErreurImport> Erreurs { get; } = [];

    public List<AvertissementImport> Avertissements { get; } = [];

    public List<IgnoreImport> Ignores { get; } = [];

    private readonly Dictionary<string, (int Index, int Nombre, Localisation Ou, string Texte, string Sequence)> malDecodes = new(StringComparer.Ordinal);

    public bool AErreurs => Erreurs.Count > 0;

    /// <summary>
    /// Vérifie qu'un nom n'est pas du texte mal décodé (« GrÃ©gory ») : un tel nom ferait un identifiant faux à jamais.
    /// Une seule erreur par fichier, à la première ligne en cause, avec le nombre des autres.
    /// </summary>
    public void VerifierDecodage(Localisation ou, params string?[] textes)
    {
        foreach (var texte in textes)
        {
            if (TexteImport.MalDecode(texte) is not { } sequence)
            {
                continue;
            }

            if (malDecodes.TryGetValue(ou.Fichier, out var deja))
            {
                malDecodes[ou.Fichier] = deja with { Nombre = deja.Nombre + 1 };
                Erreurs[deja.Index] = ErreurMalDecode(deja.Ou, deja.Texte, deja.Sequence, deja.Nombre + 1);
            }
            else
            {
                malDecodes[ou.Fichier] = (Erreurs.Count, 1, ou, texte!, sequence);
                Erreurs.Add(ErreurMalDecode(ou, texte!, sequence, 1));
            }

            return;
        }
    }

    private static ErreurImport ErreurMalDecode(Localisation ou, string texte, string sequence, int nombre)
    {
        var autres = nombre > 1 ? $" (et {Domain.Libelles.Accorder(nombre - 1, "autre ligne", "autres lignes")})" : "";
        var signe = sequence == "\uFFFD" ? "un caractère illisible" : $"« {sequence} »";
        return new ErreurImport(ou, $"le nom « {texte} » contient {signe}{autres}, signe d'un texte mal décodé : le fichier n'est probablement pas dans l'encodage qu'il déclare (ouvert puis réenregistré par un éditeur ou un tableur). Rien n'est importé, car l'identifiant serait faux à jamais : exportez le fichier à nouveau et déposez-le sans l'ouvrir");
    }

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
