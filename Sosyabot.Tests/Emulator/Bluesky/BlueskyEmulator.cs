using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// Two PDSes: bsky.social, where most accounts live, and a self-hosted one, each with its own accounts
// and signing key, so a session from one is worthless on the other.
public sealed class BlueskyEmulator : IPlatformEmulator
{
    public BlueskyPds Main { get; } = new("bsky.social", "/bsky");
    public BlueskyPds SelfHosted { get; } = new("pds.example", "/pds");

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["https://bsky.social"] = "bsky/",
        ["https://pds.example"] = "pds/",
    };

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        Main.Map(routes);
        SelfHosted.Map(routes);
    }
}
