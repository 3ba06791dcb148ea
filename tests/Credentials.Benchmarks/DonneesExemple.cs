using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Benchmarks;

/// <summary>Des fiches plausibles, en nombre, pour les mesures et les images d'exemple.</summary>
public static class DonneesExemple
{
    public static readonly EnTeteEtablissement Etablissement = new(
        "0450750W", "Lycée des métiers Auguste Rodin", "Orléans", "Claire Dubois-Marchand",
        "https://portail.lycee-rodin.fr", null, null);

    private static readonly string[] Prenoms =
        ["Léa", "Jean-Baptiste", "Éloïse", "Noé", "Chloé", "Maël", "Inès", "François", "Zoé", "Anaïs", "Loïc", "Hélène"];

    private static readonly string[] Noms =
        ["Delacœur", "N'Diaye-Lefèvre", "Martin", "Bernard", "Lefèvre", "Garçon", "Moreau", "Nguyễn", "Petit", "Rousseau"];

    private static readonly (string Classe, string Code, string Libelle)[] Classes =
    [
        ("6A", "6EME", "6ÈME"), ("5B", "5EME", "5ÈME"), ("2NDE AG", "2NDPRO", "2NDPRO MET.GEST.ADM."),
        ("1BTS2", "1BTS", "1ère année BTS"), ("TLE PRO", "TLEPRO", "TERMINALE PRO COMMERCE"),
    ];

    private static readonly DateTime Rentree = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary><paramref name="nombre"/> comptes en classes de 30, dans l'ordre classe puis nom ; un tiers activés, un sur dix non notifié.</summary>
    public static IEnumerable<FicheCompte> Fiches(int nombre, Profil profil = Profil.Eleve)
    {
        // Seeded, so that the sample images only change when the layout does.
        var hasard = new Random(2026);
        for (var i = 0; i < nombre; i++)
        {
            var (classe, code, libelle) = Classes[i / 30 % Classes.Length];
            var etat = (i % 10) switch
            {
                0 => EtatCompte.NonNotifie,
                1 or 4 or 7 => EtatCompte.Active,
                _ => EtatCompte.NotifieNonActive,
            };
            var prenom = Prenoms[i % Prenoms.Length];
            var nom = Noms[i / Prenoms.Length % Noms.Length];
            yield return new FicheCompte(
                CompteId: i + 1,
                Profil: profil,
                Nom: nom,
                Prenom: prenom,
                Identifiant: $"{Ascii(prenom)}.{Ascii(nom)}{i}",
                Etat: etat,
                Variante: etat == EtatCompte.Active ? VarianteFiche.Rappel : VarianteFiche.Identifiants,
                MotDePasse: etat == EtatCompte.NotifieNonActive ? new string(hasard.GetItems(GenerateurSecrets.Alphabet.AsSpan(), GenerateurSecrets.Longueur)) : null,
                MotDePasseExpireLe: etat == EtatCompte.NotifieNonActive ? Rentree.AddDays(30) : null,
                Classe: i < 30 * Classes.Length ? classe : $"{classe}-{i / (30 * Classes.Length)}",
                CodeMef: code,
                LibelleMef: libelle,
                Courriel: i % 2 == 0 ? $"parent{i}@exemple.fr" : null,
                DateCreation: Rentree.AddDays(-10),
                DateNotification: etat == EtatCompte.NonNotifie ? null : Rentree,
                DateDerniereConnexion: etat == EtatCompte.Active ? Rentree.AddDays(3) : null,
                Bloque: false);
        }
    }

    /// <summary>« N'Diaye-Lefèvre » → « ndiayelefevre » : un identifiant comme en attribue l'annuaire.</summary>
    private static string Ascii(string texte) => new(texte.Replace("œ", "oe").Normalize(System.Text.NormalizationForm.FormD)
        .Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
}
