using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// Two PDSes: bsky.social, where most accounts live (an entryway: their repos sit on a
// *.host.bsky.network host), and a self-hosted one, each with its own accounts and signing key, so
// a session from one is worthless on the other. Beside them Bluesky's video service.
public sealed class BlueskyEmulator : IPlatformEmulator
{
    public BlueskyEmulator()
    {
        Video = new BlueskyVideoService("/bsky-video", [Main, SelfHosted]);
    }

    public BlueskyPds Main { get; } = new("bsky.social", "/bsky", repoHost: "amanita.us-east.host.bsky.network");
    public BlueskyPds SelfHosted { get; } = new("pds.example", "/pds");
    public BlueskyVideoService Video { get; }

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["https://bsky.social"] = "bsky/",
        ["https://pds.example"] = "pds/",
        ["https://video.bsky.app"] = "bsky-video/",
    };

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        Main.Map(routes);
        SelfHosted.Map(routes);
        Video.Map(routes);
    }
}
