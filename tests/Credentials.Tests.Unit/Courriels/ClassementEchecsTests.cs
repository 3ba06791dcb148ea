using System.Net.Sockets;
using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using MailKit.Net.Smtp;

namespace Credentials.Tests.Courriels;

/// <summary>MailKit's errors read by their real SMTP status: 5xx definitive, 4xx and connection problems retried.</summary>
public class ClassementEchecsTests
{
    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable, true, false)]
    [InlineData(SmtpStatusCode.TransactionFailed, true, false)]
    [InlineData(SmtpStatusCode.MailboxBusy, false, false)]
    [InlineData(SmtpStatusCode.InsufficientStorage, false, false)]
    [InlineData(SmtpStatusCode.AuthenticationInvalidCredentials, false, true)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable, false, true)]
    public void Le_code_du_serveur_decide(SmtpStatusCode code, bool definitif, bool connexion)
    {
        var echec = ClassementEchecs.Classer(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, code, "refused"));

        Assert.Equal((definitif, connexion), (echec.Definitif, echec.Connexion));
        Assert.StartsWith($"{(int)code} refused", echec.Reponse, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_connexion_rompue_est_retentee_sur_une_nouvelle_connexion()
    {
        foreach (var erreur in new Exception[] { new SmtpProtocolException("dropped"), new SocketException((int)SocketError.ConnectionRefused), new TimeoutException("slow") })
        {
            var echec = ClassementEchecs.Classer(erreur);
            Assert.Equal((false, true), (echec.Definitif, echec.Connexion));
        }
    }

    [Theory]
    [InlineData("En cas de difficulté : 02 38 00 00 00, Secretariat@College.FR.", "Secretariat@college.fr")]
    [InlineData("Écrivez à <vie.scolaire@lycee.exemple.fr> ou passez nous voir", "vie.scolaire@lycee.exemple.fr")]
    [InlineData("Contactez le secrétariat au 02 38 00 00 00.", null)]
    [InlineData("Adresse : pas-une-adresse@ ou @rien", null)]
    [InlineData(null, null)]
    public void L_adresse_de_contact_est_la_premiere_adresse_valable_du_texte(string? texte, string? attendue)
    {
        Assert.Equal(attendue, AdresseCourriel.Extraire(texte));
    }
}
