using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Portail;

/// <summary>
/// Un hachage factice, vérifié quand un essai n'a fait aucun calcul PBKDF2 (identifiant inconnu, compte
/// non activé, secret provisoire seulement déchiffré) : chaque réponse coûte le même temps.
/// </summary>
public sealed class SecretLeurre(OutilsSecrets outils)
{
    // Computed with the portal's first request (a page view), so that no sign-in attempt pays for it.
    private readonly string hash = outils.Hacheur.Hacher(outils.Generateur.Nouveau());

    public void Verifier(string saisie) => outils.Hacheur.Verifier(hash, saisie);
}

/// <summary>Compte les calculs PBKDF2 d'un essai, pour savoir s'il faut vérifier le leurre.</summary>
internal sealed class HacheurCompteur(IHacheurSecrets interne) : IHacheurSecrets
{
    public int Calculs { get; private set; }

    public string Hacher(string secret)
    {
        Calculs++;
        return interne.Hacher(secret);
    }

    public bool Verifier(string hash, string secret)
    {
        Calculs++;
        return interne.Verifier(hash, secret);
    }

    public bool DoitRehacher(string hash) => interne.DoitRehacher(hash);
}
