using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.Providers;
using Sosyabot.Tests.Providers.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Nodes;

// A channel connected the real way, the emulator path its posts are created with, and how many posts its
// account holds at the platform with a marker: counted in the platform's state, not in requests, since
// resolving an Unknown may ask again.
public sealed record NodeChannel(Guid Id, string Platform, string CreatePath, Func<string, int> PostsWith);

// One workspace with channels on all six platforms, connected through the real flows against the emulator.
public sealed class SixPlatforms(EmulatedAppFixture fixture)
{
    private readonly EmulatedSubreddit _subreddit =
        fixture.Emulator.Platform<RedditEmulator>().CreateSubreddit($"s{Guid.NewGuid():N}"[..16]);

    // The fields Reddit (subreddit, title) and Listmonk (subject) require, for a post marked `marker`.
    public JsonObject FieldsFor(string marker) => new()
    {
        [RedditDefaults.Key] = new JsonObject { [RedditDefaults.SubredditField] = _subreddit.Name, [RedditDefaults.TitleField] = $"Title {marker}" },
        [ListmonkDefaults.Key] = new JsonObject { [ListmonkDefaults.SubjectField] = $"Subject {marker}" },
    };

    // Mastodon's emulated server has one account, so one Mastodon channel; `perPlatform` of every other.
    public async Task<List<NodeChannel>> ConnectAsync(TestUser user, int perPlatform)
    {
        var channels = new List<NodeChannel> { await MastodonAsync(user) };
        for (var i = 0; i < perPlatform; i++)
        {
            channels.Add(await BlueskyAsync(user));
            channels.Add(await TelegramAsync(user));
            channels.Add(await ListmonkAsync(user));
            channels.Add(await XAsync(user));
            channels.Add(await RedditAsync(user));
        }
        return channels;
    }

    private IServiceProvider Services => fixture.Factory.Services;

    private static int Count<T>(IEnumerable<T> posts, Func<T, string?> text, string marker) =>
        posts.Count(p => text(p)?.Contains(marker, StringComparison.Ordinal) == true);

    private async Task<NodeChannel> MastodonAsync(TestUser user)
    {
        var flow = new MastodonFlow(fixture);
        var result = await flow.ConnectAsync(user, "mastodon.example");
        var server = flow.Current;
        return new(result.ChannelId!.Value, MastodonDefaults.Key, "/mastodon-a/api/v1/statuses", m => Count(server.StatusesOf("1"), s => s.Text, m));
    }

    private async Task<NodeChannel> BlueskyAsync(TestUser user)
    {
        var pds = fixture.Emulator.Platform<BlueskyEmulator>().Main;
        var account = pds.CreateAccount();
        var channel = await CredentialChannels.ConnectAsync(Services, user, BlueskyDefaults.Key,
            new Dictionary<string, string> { ["identifier"] = account.Handle, ["app_password"] = account.AppPassword });
        return new(channel.Id, BlueskyDefaults.Key, "/bsky/xrpc/com.atproto.repo.createRecord", m => Count(pds.PostsOf(account), r => r.Value["text"]?.GetValue<string>(), m));
    }

    private async Task<NodeChannel> TelegramAsync(TestUser user)
    {
        var telegram = fixture.Emulator.Platform<TelegramEmulator>();
        var bot = telegram.CreateBot();
        var chat = telegram.CreateChannel("Releases", $"ch{Guid.NewGuid():N}"[..20]);
        telegram.MakeAdmin(chat, bot);
        var channel = await CredentialChannels.ConnectAsync(Services, user, TelegramDefaults.Key,
            new Dictionary<string, string> { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        return new(channel.Id, TelegramDefaults.Key, $"/telegram/bot{bot.Token}/sendMessage", m => Count(chat.Messages, s => s.Text, m));
    }

    private async Task<NodeChannel> ListmonkAsync(TestUser user)
    {
        var instance = fixture.Emulator.Platform<ListmonkEmulator>().Main;
        var api = instance.CreateApiUser();
        var list = instance.CreateList($"List {Guid.NewGuid():N}"[..12]);
        var channel = await CredentialChannels.ConnectAsync(Services, user, ListmonkDefaults.Key, new Dictionary<string, string>
        {
            ["instance"] = instance.Url, ["api_user"] = api.Name, ["api_token"] = api.Token, ["list"] = list.Id.ToString(),
        });
        return new(channel.Id, ListmonkDefaults.Key, "/listmonk/api/campaigns", m => Count(instance.Campaigns.Where(c => c.ListIds.Contains(list.Id)), c => c.Body, m));
    }

    private async Task<NodeChannel> XAsync(TestUser user)
    {
        var x = fixture.Emulator.Platform<XEmulator>();
        var account = x.SignIn(x.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var result = await new OAuthConnectDriver(fixture).ConnectAsync(user, XDefaults.Key);
        Assert.True(result.Succeeded);
        return new(result.ChannelId!.Value, XDefaults.Key, "/x-api/2/tweets", m => Count(x.TweetsOf(account), t => t.SentText, m));
    }

    private async Task<NodeChannel> RedditAsync(TestUser user)
    {
        var reddit = fixture.Emulator.Platform<RedditEmulator>();
        var account = reddit.SignIn(reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var result = await new OAuthConnectDriver(fixture).ConnectAsync(user, RedditDefaults.Key);
        Assert.True(result.Succeeded);
        return new(result.ChannelId!.Value, RedditDefaults.Key, "/reddit-oauth/api/submit", m => Count(reddit.Posts.Where(p => p.AccountId == account.Id), p => p.Text, m));
    }
}
