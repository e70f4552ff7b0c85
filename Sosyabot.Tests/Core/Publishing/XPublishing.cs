using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// A new X account, connected through the real OAuth 2.0 flow with PKCE.
public sealed class XPublishing(PublishingFixture fixture) : EnginePlatform(fixture)
{
    public XEmulator X => Fixture.Emulator.Platform<XEmulator>();

    public override string Key => XDefaults.Key;

    public override string Origin => "https://api.x.com";

    public override async Task<EngineChannel> ConnectAsync(TestUser user)
    {
        var account = X.SignIn(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        return new EngineChannel(await ConnectWithOAuthAsync(user), account);
    }

    public override string CreatePath(EngineChannel channel) => "/x-api/2/tweets";

    public override IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text)
    {
        var account = (XAccount)channel.Account;
        return X.TweetsOf(account).Where(t => t.SentText == text)
            .Select(t => new PlatformPost(t.Id, $"https://x.com/{account.Username}/status/{t.Id}")).ToList();
    }

    // API v2's 429: x-rate-limit-reset in epoch seconds (https://docs.x.com/x-api/fundamentals/rate-limits).
    public override Fault RateLimited(TimeSpan wait) => new(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""")
    {
        Headers = new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "100", ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = BlueskyPublishing.EpochSecondsAtLeast(Fixture.Clock.GetUtcNow() + wait),
        },
    };

    // The emulator's own refusal of a text the account already posted (XEmulator.Tweets.cs).
    public override Fault Refusal => new(403, """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""");

    // The user removes the app under Settings → Security → Connected apps: its tokens die.
    public override void Revoke(EngineChannel channel) => X.RevokeAll((XAccount)channel.Account);
}
