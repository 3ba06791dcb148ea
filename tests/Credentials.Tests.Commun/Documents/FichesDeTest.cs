using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Tests.Documents;

/// <summary>Des fiches déterministes : chaque mot de passe est unique et se retrouve sans ambiguïté dans un PDF.</summary>
internal static class FichesDeTest
{
    public static readonly EnTeteEtablissement College = new(
        "0450750W", "Collège Les Étangs", "Orléans", null, "https://portail.exemple.fr", null, null);

    public static readonly DateTime Rentree = new(2026, 9, 1, 6, 0, 0, DateTimeKind.Utc);

    public static FicheCompte Fiche(
        long id = 1,
        EtatCompte etat = EtatCompte.NotifieNonActive,
        Profil profil = Profil.Eleve,
        string prenom = "Léa",
        string nom = "Martin",
        string? classe = "6A") =>
        new(
            CompteId: id,
            Profil: profil,
            Nom: nom,
            Prenom: prenom,
            Identifiant: $"compte.{id}",
            Etat: etat,
            Variante: etat == EtatCompte.Active ? VarianteFiche.Rappel : VarianteFiche.Identifiants,
            // Set even for activated accounts: the renderers must refuse to print it.
            MotDePasse: etat == EtatCompte.NonNotifie ? null : MotDePasse(id),
            MotDePasseExpireLe: etat == EtatCompte.NotifieNonActive ? Rentree.AddDays(30) : null,
            Classe: classe,
            CodeMef: "6EME",
            LibelleMef: "6ÈME GÉNÉRALE",
            Courriel: null,
            DateCreation: Rentree.AddDays(-5),
            DateNotification: etat == EtatCompte.NonNotifie ? null : Rentree,
            DateDerniereConnexion: etat == EtatCompte.Active ? Rentree.AddDays(2) : null,
            Bloque: false);

    /// <summary>Un tiers activés, un sur dix non notifié, le reste à activer ; classes de 30.</summary>
    public static List<FicheCompte> Serie(int nombre) =>
        Enumerable.Range(1, nombre)
            .Select(i => Fiche(
                i,
                (i % 10) switch { 0 => EtatCompte.NonNotifie, 1 or 4 or 7 => EtatCompte.Active, _ => EtatCompte.NotifieNonActive },
                classe: $"C{(i - 1) / 30:000}",
                nom: $"Nom{i:00000}"))
            .ToList();

    /// <summary>10 caractères de l'alphabet des secrets, différents pour chaque numéro.</summary>
    public static string MotDePasse(long id)
    {
        var alphabet = GenerateurSecrets.Alphabet;
        var caracteres = new char[GenerateurSecrets.Longueur];
        for (var i = caracteres.Length - 1; i >= 0; i--)
        {
            caracteres[i] = alphabet[(int)(id % alphabet.Length)];
            id /= alphabet.Length;
        }

        caracteres[0] = 'Z';
        return new string(caracteres);
    }

    public static string Imprime(FicheCompte fiche) => FormatSecret.PourAffichage(fiche.MotDePasse!);
}
