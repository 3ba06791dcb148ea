using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Courriels;

/// <summary>Fait partir un courriel. Une instance par travailleur : SmtpClient n'est pas thread-safe.</summary>
public interface ITransportCourriel : IDisposable
{
    /// <summary>Rend la main quand le serveur a accepté le message (250) ; lève SmtpException sinon.</summary>
    Task EnvoyerAsync(MailMessage message, CancellationToken ct);
}

/// <summary>Crée le transport configuré (<c>Mail:Transport</c>) : dossier Pickup ou serveur SMTP, tous deux par SmtpClient.</summary>
public sealed class FabriqueTransports(IOptions<OptionsCourriels> options)
{
    public ITransportCourriel Creer()
    {
        var o = options.Value;
        if (o.Transport == TransportCourriel.Smtp)
        {
            var smtp = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
            {
                EnableSsl = o.Smtp.StartTls,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)o.Smtp.Timeout.TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(o.Smtp.User))
            {
                smtp.Credentials = new NetworkCredential(o.Smtp.User, o.Smtp.Password);
            }

            return new TransportSmtpClient(smtp, o.Smtp.Timeout);
        }

        var dossier = o.PickupDirectory!;

        // The .eml files hold clear-text provisional passwords: owner-only (0600 in a 0700 folder), purged by DepotCourriels.
        Secrets.FichiersProteges.Preparer(dossier);
        var pickup = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = dossier,
        };
        return new TransportSmtpClient(pickup, o.Smtp.Timeout);
    }

    private sealed class TransportSmtpClient(SmtpClient client, TimeSpan delai) : ITransportCourriel
    {
        public async Task EnvoyerAsync(MailMessage message, CancellationToken ct)
        {
            // SmtpClient.Timeout only governs the synchronous Send: the async path needs its own deadline.
            using var limite = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limite.CancelAfter(delai);
            try
            {
                await client.SendMailAsync(message, limite.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The SMTP server did not answer within {delai.TotalSeconds:0} s.");
            }
        }

        public void Dispose() => client.Dispose();
    }
}

/// <summary>Ce qu'un échec d'envoi veut dire pour la suite.</summary>
internal readonly record struct EchecEnvoi(bool Definitif, bool Connexion, string Reponse);

/// <summary>Classe les échecs : 5xx = refus définitif ; 4xx, panne de connexion, délai dépassé = nouvelle tentative.</summary>
internal static class ClassementEchecs
{
    // Authentication replies are 5xx but say nothing about the message: the relay's settings are wrong,
    // and every message would be lost if they counted as a definitive refusal.
    private static readonly HashSet<int> CodesAuthentification = [530, 534, 535, 538];

    public static EchecEnvoi Classer(Exception erreur)
    {
        var reponse = Reponse(erreur);
        if (erreur is SmtpException smtp)
        {
            var code = (int)smtp.StatusCode;
            if (code is >= 500 and < 600 && !CodesAuthentification.Contains(code))
            {
                return new EchecEnvoi(true, false, reponse);
            }

            var connexion = smtp.StatusCode is SmtpStatusCode.GeneralFailure or SmtpStatusCode.ServiceNotAvailable || smtp.InnerException is IOException or System.Net.Sockets.SocketException;
            return new EchecEnvoi(false, connexion, reponse);
        }

        return new EchecEnvoi(false, erreur is IOException or System.Net.Sockets.SocketException or TimeoutException, reponse);
    }

    private static string Reponse(Exception erreur)
    {
        var messages = new List<string>();
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            messages.Add(e is SmtpException s && (int)s.StatusCode > 0 ? $"{(int)s.StatusCode} {e.Message}" : e.Message);
        }

        var texte = string.Join(" — ", messages.Distinct());
        return texte.Length > 2000 ? texte[..2000] : texte;
    }
}
