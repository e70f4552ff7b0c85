using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// A new Reddit account connected through the real OAuth flow, posting text posts (the text is the
// title) to a subreddit of its own.
public sealed class RedditPublishing(PublishingFixture fixture) : EnginePlatform(fixture)
{
    public sealed record Account(RedditAccount User, EmulatedSubreddit Subreddit);

    public RedditEmulator Reddit => Fixture.Emulator.Platform<RedditEmulator>();

    public override string Key => RedditDefaults.Key;

    public override string Origin => "https://oauth.reddit.com";

    public override async Task<EngineChannel> ConnectAsync(TestUser user)
    {
        var account = Reddit.SignIn(Reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var subreddit = Reddit.CreateSubreddit($"s{Guid.NewGuid():N}"[..16]);
        return new EngineChannel(await ConnectWithOAuthAsync(user), new Account(account, subreddit));
    }

    public override string CreatePath(EngineChannel channel) => "/reddit-oauth/api/submit";

    public override JsonObject Fields(EngineChannel channel, string text) => new()
    {
        [RedditDefaults.SubredditField] = ((Account)channel.Account).Subreddit.Name,
        [RedditDefaults.TitleField] = text,
    };

    public override IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text)
    {
        var account = (Account)channel.Account;
        return Reddit.Posts.Where(p => p.AccountId == account.User.Id && p.Title == text)
            .Select(p => new PlatformPost(p.Name, "https://www.reddit.com" + p.Permalink)).ToList();
    }

    // Reddit's 429 names the wait in x-ratelimit-reset, seconds until the window resets (see RedditErrorInspector).
    public override Fault RateLimited(TimeSpan wait) => new(429, """{"message": "Too Many Requests", "error": 429}""")
    {
        Headers = new Dictionary<string, string>
        {
            ["x-ratelimit-used"] = "100", ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(),
        },
    };

    // /api/submit refuses inside HTTP 200 (r2/lib/errors.py), here the account banned from the subreddit after it was checked.
    public override Fault Refusal => new(200, """{"json": {"errors": [["SUBREDDIT_NOTALLOWED", "you aren't allowed to post there.", "sr"]]}}""");

    // The user revokes the app under reddit.com/prefs/apps.
    public override void Revoke(EngineChannel channel) => Reddit.RevokeAll(((Account)channel.Account).User);
}
