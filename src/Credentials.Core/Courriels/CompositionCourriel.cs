using MimeKit;

namespace Credentials.Core.Courriels;

/// <summary>
/// Le courriel tel qu'il part, construit une fois (MimeKit) pour tous les transports : le serveur SMTP
/// le reçoit, le dossier Pickup l'écrit tel quel en .eml.
/// </summary>
internal static class CompositionCourriel
{
    public static MimeMessage Composer(MessageSortant message, string nomExpediteur, string texte, string html, IReadOnlyList<PieceJointeRendue> pieces, string? repondreA)
    {
        var courriel = new MimeMessage
        {
            // The Message-ID chosen at enqueueing: a message re-sent after a crash carries the same one.
            MessageId = message.MessageId.Trim('<', '>'),
            Subject = RenduCourriel.Sujet(message.Sujet, nomExpediteur),
        };
        courriel.From.Add(new MailboxAddress(nomExpediteur, message.Expediteur));
        courriel.To.Add(new MailboxAddress(message.NomDestinataire, message.Destinataire));
        if (repondreA is not null && !string.Equals(repondreA, message.Expediteur, StringComparison.OrdinalIgnoreCase))
        {
            // Replies reach the school's contact address, not the (often no-reply) sender.
            courriel.ReplyTo.Add(new MailboxAddress(nomExpediteur, repondreA));
        }

        // RFC 3834: sent by a program, so that out-of-office replies and auto-responders stay quiet.
        courriel.Headers.Add("Auto-Submitted", "auto-generated");
        courriel.Headers.Add(HeaderId.ContentLanguage, "fr");
        var corps = new BodyBuilder { TextBody = texte, HtmlBody = html };
        foreach (var piece in pieces)
        {
            corps.Attachments.Add(piece.NomFichier, piece.Contenu, ContentType.Parse(piece.TypeMime));
        }

        courriel.Body = corps.ToMessageBody();
        return courriel;
    }
}
