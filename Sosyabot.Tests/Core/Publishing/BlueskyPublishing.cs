using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// A new account on the emulated bsky.social, connected with an app password.
public sealed class BlueskyPublishing(PublishingFixture fixture) : EnginePlatform(fixture)
{
    public BlueskyPds Pds => Fixture.Emulator.Platform<BlueskyEmulator>().Main;

    public override string Key => BlueskyDefaults.Key;

    public override string Origin => BlueskyDefaults.DefaultPds;

    public override Task<EngineChannel> ConnectAsync(TestUser user) => ConnectAsync(user, accessLifetime: null);

    public async Task<EngineChannel> ConnectAsync(TestUser user, TimeSpan? accessLifetime)
    {
        var account = Pds.CreateAccount(displayName: "Engine", accessLifetime: accessLifetime);
        var channel = await CredentialChannels.ConnectAsync(Fixture.Services, user, Key,
            new Dictionary<string, string> { [BlueskyDefaults.IdentifierField] = account.Handle, [BlueskyDefaults.AppPasswordField] = account.AppPassword });
        return new EngineChannel(channel, account);
    }

    public const string CreateRecordPath = "/bsky/xrpc/com.atproto.repo.createRecord";
    public const string RefreshSessionPath = "/bsky/xrpc/com.atproto.server.refreshSession";

    public override string CreatePath(EngineChannel channel) => CreateRecordPath;

    public override IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text)
    {
        var account = (BlueskyAccount)channel.Account;
        return Pds.PostsOf(account).Where(r => r.Value["text"]?.ToString() == text)
            .Select(r => new PlatformPost(r.Uri, $"https://bsky.app/profile/{account.Handle}/post/{r.Rkey}")).ToList();
    }

    // atproto's rate limiter: RateLimit-* headers with the reset in epoch seconds (bsky-docs advanced-guides/rate-limits.md).
    public override Fault RateLimited(TimeSpan wait) => new(429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""")
    {
        Headers = new Dictionary<string, string>
        {
            ["RateLimit-Limit"] = "5000", ["RateLimit-Remaining"] = "0", ["RateLimit-Policy"] = "5000;w=3600",
            ["RateLimit-Reset"] = EpochSecondsAtLeast(Fixture.Clock.GetUtcNow() + wait),
        },
    };

    // The PDS validating the record against the app.bsky.feed.post lexicon.
    public override Fault Refusal => new(400, """{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"}""");

    // Deleting the app password ends its sessions' refresh tokens; the access JWT is checked by
    // signature alone and lives until it expires, so the refusal comes at the next refresh, which the
    // engine makes before sending once the access token is about to expire.
    public override void Revoke(EngineChannel channel)
    {
        var account = (BlueskyAccount)channel.Account;
        Pds.RevokeSessions(account);
        Fixture.Clock.Advance(account.AccessLifetime);
    }

    public override int SendsAfterRevoke => 0;

    public static string EpochSecondsAtLeast(DateTimeOffset at) => ((at.ToUnixTimeMilliseconds() + 999) / 1000).ToString();
}
