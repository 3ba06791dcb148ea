using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Credentials.Core.Courriels;

/// <summary>Fait partir un courriel. Une instance par travailleur : une connexion SMTP n'envoie qu'un message à la fois.</summary>
public interface ITransportCourriel : IDisposable
{
    /// <summary>
    /// Rend la main quand le serveur a accepté le message (250) ; lève sinon l'erreur de MailKit
    /// (<see cref="SmtpCommandException"/> avec le code du serveur, <see cref="SmtpProtocolException"/>,
    /// erreur de socket…), que <see cref="ClassementEchecs"/> interprète.
    /// </summary>
    Task EnvoyerAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Crée le transport configuré (<c>Mail:Transport</c>) : un dossier de fichiers .eml, ou un serveur SMTP par MailKit.</summary>
public sealed class FabriqueTransports(IOptions<OptionsCourriels> options)
{
    public ITransportCourriel Creer()
    {
        var o = options.Value;
        if (o.Transport == TransportCourriel.Smtp)
        {
            return new TransportSmtp(o.Smtp);
        }

        var dossier = o.PickupDirectory!;
        // The .eml files hold clear-text provisional passwords: owner-only (0600 in a 0700 folder), purged by DepotCourriels.
        Secrets.FichiersProteges.Preparer(dossier);
        return new TransportPickup(dossier);
    }

    /// <summary>
    /// Une connexion MailKit gardée ouverte d'un message à l'autre (PIPELINING quand le serveur l'offre) ;
    /// ouverte au premier envoi, avec STARTTLS et authentification selon la configuration.
    /// </summary>
    private sealed class TransportSmtp(OptionsSmtp smtp) : ITransportCourriel
    {
        private readonly SmtpClient client = new() { Timeout = (int)smtp.Timeout.TotalMilliseconds };

        public async Task EnvoyerAsync(MimeMessage message, CancellationToken ct)
        {
            using var limite = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limite.CancelAfter(smtp.Timeout);
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(smtp.Host, smtp.Port, Options(smtp.SecuriteEffective), limite.Token);
                    if (!string.IsNullOrEmpty(smtp.User))
                    {
                        await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", limite.Token);
                    }
                }

                await client.SendAsync(message, limite.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The SMTP server did not answer within {smtp.Timeout.TotalSeconds:0} s.");
            }
        }

        private static SecureSocketOptions Options(SecuriteSmtp securite) => securite switch
        {
            SecuriteSmtp.StartTls => SecureSocketOptions.StartTls,
            SecuriteSmtp.StartTlsSiDisponible => SecureSocketOptions.StartTlsWhenAvailable,
            SecuriteSmtp.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };

        public void Dispose()
        {
            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect(quit: true);
                }
            }
            catch (Exception erreur) when (erreur is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException or OperationCanceledException)
            {
                // QUIT on a connection the server already dropped: nothing left to close.
            }

            client.Dispose();
        }
    }

    /// <summary>Le même <see cref="MimeMessage"/> écrit dans un fichier .eml (écrit à côté puis renommé : jamais de fichier à moitié écrit).</summary>
    private sealed class TransportPickup(string dossier) : ITransportCourriel
    {
        public async Task EnvoyerAsync(MimeMessage message, CancellationToken ct)
        {
            // As MailKit does before DATA: 7-bit safe transfer encodings, so any reader takes the file.
            message.Prepare(EncodingConstraint.SevenBit);
            var nom = Path.Combine(dossier, $"{Guid.NewGuid():N}");
            await message.WriteToAsync(nom + ".tmp", ct);
            Secrets.FichiersProteges.RestreindreFichier(nom + ".tmp");
            File.Move(nom + ".tmp", nom + ".eml");
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>Ce qu'un échec d'envoi veut dire pour la suite.</summary>
internal readonly record struct EchecEnvoi(bool Definitif, bool Connexion, string Reponse);

/// <summary>
/// Classe les échecs d'après le vrai code du serveur : 5xx = refus définitif (le seul destinataire du
/// message) ; 4xx = nouvelle tentative ; connexion impossible, protocole rompu, TLS ou authentification
/// refusés, délai dépassé = nouvelle tentative et connexion à refaire.
/// </summary>
internal static class ClassementEchecs
{
    // Authentication replies are 5xx but say nothing about the message: the relay's settings are wrong,
    // and every message would be lost if they counted as a definitive refusal.
    private static readonly HashSet<int> CodesAuthentification = [530, 534, 535, 538];

    public static EchecEnvoi Classer(Exception erreur)
    {
        var reponse = Reponse(erreur);
        if (erreur is SmtpCommandException commande)
        {
            var code = (int)commande.StatusCode;
            var definitif = code is >= 500 and < 600 && !CodesAuthentification.Contains(code);
            return new EchecEnvoi(definitif, CodesAuthentification.Contains(code) || code is 421, reponse);
        }

        var connexion = erreur is IOException or SocketException or TimeoutException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or NotSupportedException;
        return new EchecEnvoi(false, connexion, reponse);
    }

    private static string Reponse(Exception erreur)
    {
        var messages = new List<string>();
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            messages.Add(e is SmtpCommandException s && (int)s.StatusCode > 0 ? $"{(int)s.StatusCode} {e.Message}" : e.Message);
        }

        var texte = string.Join(" — ", messages.Distinct());
        return texte.Length > 2000 ? texte[..2000] : texte;
    }
}
