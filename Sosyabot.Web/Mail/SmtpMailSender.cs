using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sosyabot.Web.Mail;

public sealed class SmtpMailSender(MailOutbox outbox, IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in outbox.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(mail, stoppingToken);
            }
            // Any failure (refused, TLS, DNS) loses this mail only: an exception leaving a background service stops the app.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The body holds a reset link: never logged.
                logger.LogWarning("Sending mail \"{Subject}\" failed: {Reason}", mail.Subject, e.Message);
            }
        }
    }

    private async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.Username)) client.Credentials = new NetworkCredential(smtp.Username, smtp.Password);
        using var message = new MailMessage(smtp.From!, mail.To, mail.Subject, mail.Body)
        {
            // Plain 7-bit text keeps the link in one piece for every mail client.
            BodyEncoding = Encoding.ASCII,
            BodyTransferEncoding = TransferEncoding.SevenBit,
        };
        await client.SendMailAsync(message, ct);
    }
}
