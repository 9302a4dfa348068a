using DentalClaimsHub.Adapters.Profiles;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// E-mails a ДМС registry file to the insurer (MailKit). The Message-ID is derived from the delivery's payload id, so
/// a resend after a crash is the same message for the insurer's mail system to discard.
/// </summary>
internal static class DmsMail
{
    public static async Task<ClaimReceipt> SendAsync(DmsMailOptions options, PayerProfile payer, string to, string fileName,
        ClaimTransmission content, string payloadId, string subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new InvalidOperationException($"Payer '{payer.Id}' takes registries by e-mail but Hub:Dms:Smtp:Host is not configured.");
        }

        var message = new MimeMessage { Subject = $"{subject}: {fileName}", MessageId = $"{payloadId}@dentalclaimshub" };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder { TextBody = $"{subject} во вложении: {fileName}.\r\nСообщение сформировано автоматически." };
        body.Attachments.Add(fileName, content.Content, ContentType.Parse(content.ContentType));
        message.Body = body.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(options.Host, options.Port,
            options.RequireTls ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await smtp.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
        }

        var answer = await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return new ClaimReceipt($"{message.MessageId} ({fileName}): {answer}".Trim());
    }
}
