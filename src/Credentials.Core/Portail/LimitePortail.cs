namespace Credentials.Core.Portail;

/// <summary>
/// Le compteur d'échecs d'une clé du portail : « id:&lt;identifiant saisi&gt; » ou « ip:&lt;adresse&gt; ».
/// Un identifiant inconnu a son compteur comme un connu : le verrouillage ne dit pas si le compte existe.
/// </summary>
public class LimitePortail
{
    /// <summary>Longueur maximale d'une clé (préfixe compris).</summary>
    public const int LongueurCle = 110;

    private LimitePortail()
    {
    }

    public LimitePortail(string cle, DateTime maintenant)
    {
        Cle = cle;
        DebutFenetre = maintenant;
    }

    public string Cle { get; private set; } = "";

    /// <summary>Échecs comptés depuis <see cref="DebutFenetre"/>.</summary>
    public int Echecs { get; private set; }

    public DateTime DebutFenetre { get; private set; }

    /// <summary>Tant que cette date n'est pas passée, tout essai est refusé, même le bon mot de passe.</summary>
    public DateTime? BloqueJusqua { get; private set; }

    /// <summary>
    /// Le dernier échec vérifié (un essai refusé pendant un délai n'en est pas un). L'écrire pour tout échec,
    /// identifiant connu ou non, donne aux deux la même écriture en base, donc le même temps de réponse.
    /// </summary>
    public DateTime? DernierEchec { get; private set; }

    /// <summary>Jeton de concurrence : deux instances qui comptent en même temps ne perdent pas d'échec.</summary>
    public int Version { get; private set; }

    public bool EstBloquee(DateTime maintenant) => BloqueJusqua is { } fin && fin > maintenant;

    /// <summary>
    /// Compte un essai comme un échec avant de vérifier le secret (remboursé s'il réussit) : des essais
    /// simultanés ne peuvent donc pas dépasser la limite. Renvoie la fin du délai si cet essai en ouvre un.
    /// </summary>
    public DateTime? Compter(DateTime maintenant, ReglesLimite regles)
    {
        if (DebutFenetre + regles.Fenetre <= maintenant)
        {
            Echecs = 0;
            DebutFenetre = maintenant;
            BloqueJusqua = null;
        }

        Echecs++;
        Version++;
        if (Echecs >= regles.MaxParFenetre)
        {
            BloqueJusqua = DebutFenetre + regles.Fenetre;
            return BloqueJusqua;
        }

        var delai = regles.Delai(Echecs);
        if (delai > TimeSpan.Zero)
        {
            BloqueJusqua = maintenant + delai;
            return BloqueJusqua;
        }

        return null;
    }
}
