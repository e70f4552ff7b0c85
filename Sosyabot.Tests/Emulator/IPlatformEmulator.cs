using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator;

// One platform's fake: which real origins it stands in for, and its endpoints with the real paths,
// parameters, auth styles, JSON shapes and error bodies. Each real origin is served under its own
// path prefix, so the app reaches it through Providers:HostOverrides alone.
public interface IPlatformEmulator
{
    IReadOnlyDictionary<string, string> Hosts { get; }

    void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator);
}
