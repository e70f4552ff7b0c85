using System.Threading.Channels;

namespace Sosyabot.Web.Mail;

// Mail goes out after the request has answered, so how long sending takes cannot tell a visitor whether
// an address has an account.
public sealed class MailOutbox
{
    private readonly Channel<OutgoingMail> _queue = Channel.CreateBounded<OutgoingMail>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(OutgoingMail mail) => _queue.Writer.TryWrite(mail);

    public IAsyncEnumerable<OutgoingMail> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}
