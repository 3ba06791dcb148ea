using Credentials.Core.Secrets;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Securite;

/// <summary>Demo-seed hashes (1,000 iterations) reach the full cost at the next successful portal sign-in.</summary>
public sealed class RehachageTests
{
    [Fact]
    public void Un_hachage_de_demonstration_est_refait_au_cout_complet_a_la_connexion_reussie_et_seulement_alors()
    {
        var demo = OutilsDeTest.Creer();
        var compte = new CompteBuilder().Construire();
        var provisoire = compte.Notifier(false, demo).MotDePasse!;
        Assert.True(compte.Activer(provisoire, "Un-Mot-De-Passe-42", null, demo).EstAccepte);
        Assert.StartsWith("pbkdf2-sha512$1000$", compte.MotDePasseHash);

        var complet = demo with { Hacheur = new HacheurPbkdf2(iterations: 3_000) };
        Assert.False(compte.SeConnecter("Pas-Le-Bon-42", complet).EstAccepte);
        Assert.StartsWith("pbkdf2-sha512$1000$", compte.MotDePasseHash);

        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", complet).EstAccepte);
        Assert.StartsWith("pbkdf2-sha512$3000$", compte.MotDePasseHash);
        var rehache = compte.MotDePasseHash;
        Assert.True(compte.SeConnecter("Un-Mot-De-Passe-42", complet).EstAccepte);
        Assert.Equal(rehache, compte.MotDePasseHash);
    }
}
