using Microsoft.AspNetCore.WebUtilities;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// A channel on the emulated mastodon.example, connected through its real OAuth flow. Every channel
// is the server's account "1" (the browser is signed in as it); tests tell their posts apart by text.
public sealed class MastodonPublishing(PublishingFixture fixture) : EnginePlatform(fixture)
{
    public const string StatusesPath = "/mastodon-a/api/v1/statuses";

    public MastodonServerEmulator Server => Fixture.Emulator.Platform<MastodonEmulator>().Current;

    public override string Key => MastodonDefaults.Key;

    public override string Origin => MastodonEmulator.CurrentOrigin;

    public override async Task<EngineChannel> ConnectAsync(TestUser user) =>
        new(await ConnectWithOAuthAsync(user, "mastodon.example"), Server.Account(Server.SignedInAccountId));

    public override string CreatePath(EngineChannel channel) => StatusesPath;

    // The resolver's probes: the part's Idempotency-Key with a blank text.
    public List<RecordedRequest> Probes() =>
        Fixture.Emulator.RequestsTo("POST", StatusesPath).Where(r => QueryHelpers.ParseQuery(r.Body)["status"].ToString().Length == 0).ToList();

    public override IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text)
    {
        var account = (MastodonServerEmulator.EmulatedAccount)channel.Account;
        return Server.StatusesOf(account.Id).Where(s => s.Text == text)
            .Select(s => new PlatformPost(s.Id, $"{MastodonEmulator.CurrentOrigin}/@{account.Username}/{s.Id}")).ToList();
    }

    // Rack::Attack's throttle answer (config/initializers/rack_attack.rb): the reset as an ISO 8601 time.
    public override Fault RateLimited(TimeSpan wait) => new(429, """{"error":"Too many requests"}""")
    {
        Headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = (Fixture.Clock.GetUtcNow() + wait).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
        },
    };

    // The server's own limit, lowered by its admin after the post was validated.
    public override Fault Refusal => new(422, """{"error":"Validation failed: Text character limit of 500 exceeded"}""");

    // "Revoke" on the server's authorized-applications page.
    public override void Revoke(EngineChannel channel) => Server.RevokeTokensOf(((MastodonServerEmulator.EmulatedAccount)channel.Account).Id);
}
