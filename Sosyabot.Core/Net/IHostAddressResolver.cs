using System.Net;

namespace Sosyabot.Core.Net;

// The DNS seam of the safe client: tests replace it to simulate rebinding and private answers.
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
