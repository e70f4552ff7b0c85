using System.Net;
using Sosyabot.Core.Net;

namespace Sosyabot.Tests.TestSupport;

// Answers DNS lookups from a function of (host, 1-based call number), so a test can change the answer
// between lookups as a rebinding attacker's DNS server would.
internal sealed class StubResolver(Func<string, int, string[]> answer) : IHostAddressResolver
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public static StubResolver Always(params string[] addresses) => new((_, _) => addresses);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(answer(host, call).Select(IPAddress.Parse).ToArray());
    }
}
