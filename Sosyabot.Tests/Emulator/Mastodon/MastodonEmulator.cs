using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Mastodon;

// Two Mastodon servers, so tests can prove that everything (app registration, issuer, account ids)
// is kept per server: a current one (4.3+, RFC 8414 metadata advertising S256) and an old one
// (no metadata endpoint, ignores PKCE parameters, as Doorkeeper did before Mastodon 4.3; a 3.x
// server, so no /api/v2/instance either).
public sealed class MastodonEmulator : IPlatformEmulator
{
    public const string CurrentOrigin = "https://mastodon.example";
    public const string OldOrigin = "https://old.mastodon.example";

    public MastodonServerEmulator Current { get; } = new(CurrentOrigin, "mastodon-a", isAtLeast43: true);

    public MastodonServerEmulator Old { get; } = new(OldOrigin, "mastodon-b", isAtLeast43: false);

    public IReadOnlyDictionary<string, string> Hosts => new Dictionary<string, string>
    {
        [CurrentOrigin] = Current.Prefix + "/",
        [OldOrigin] = Old.Prefix + "/",
    };

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        Current.Map(routes, emulator);
        Old.Map(routes, emulator);
    }
}
