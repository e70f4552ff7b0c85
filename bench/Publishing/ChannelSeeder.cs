using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Connections;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.Emulator.X;

namespace Sosyabot.Bench.Publishing;

public sealed record BenchChannel(Guid Id, string Platform);

// Each channel is a new account at the emulator, connected through the app's real connect services
// (OAuth for X, Reddit and Mastodon; credentials for the others), so its tokens are stored encrypted
// exactly as a user's connect stores them. Platforms connect in parallel; within one, one at a time,
// because the emulated consent page authorizes whichever account is signed in.
public sealed class ChannelSeeder(IServiceProvider services, ProviderEmulator emulator, Guid userId, Guid workspaceId)
{
    public const string Subreddit = "sosyabot_bench";
    public static readonly string[] Platforms = ["mastodon", "bluesky", "x", "reddit", "listmonk", "telegram"];

    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task<List<BenchChannel>> SeedAsync(int count)
    {
        emulator.Platform<RedditEmulator>().CreateSubreddit(Subreddit);
        var perPlatform = await Task.WhenAll(Platforms.Select((platform, p) => Task.Run(async () =>
        {
            var channels = new List<BenchChannel>();
            for (var n = p; n < count; n += Platforms.Length) channels.Add(new(await ConnectAsync(platform, n), platform));
            return channels;
        })));
        return perPlatform.SelectMany(c => c).ToList();
    }

    private Task<Guid> ConnectAsync(string platform, int n)
    {
        switch (platform)
        {
            case "x":
                var x = emulator.Platform<XEmulator>();
                x.SignIn(x.CreateAccount($"bench{n}"));
                return OAuthAsync(platform, null);
            case "reddit":
                var reddit = emulator.Platform<RedditEmulator>();
                reddit.SignIn(reddit.CreateAccount($"bench{n}"));
                return OAuthAsync(platform, null);
            case "mastodon":
                var server = emulator.Platform<MastodonEmulator>().Current;
                var id = (100_000 + n).ToString();
                server.AddAccount(new MastodonServerEmulator.EmulatedAccount(id, $"bench{n}", $"Bench {n}", "https://mastodon.example/avatars/missing.png"));
                server.SignedInAccountId = id;
                return OAuthAsync(platform, new Uri(MastodonEmulator.CurrentOrigin).Host);
            case "bluesky":
                var account = emulator.Platform<BlueskyEmulator>().Main.CreateAccount();
                return CredentialsAsync(platform, new() { ["identifier"] = account.Handle, ["app_password"] = account.AppPassword });
            case "listmonk":
                var listmonk = emulator.Platform<ListmonkEmulator>().Main;
                var api = listmonk.CreateApiUser();
                var list = listmonk.CreateList($"Bench list {n}");
                return CredentialsAsync(platform, new() { ["instance"] = listmonk.Url, ["api_user"] = api.Name, ["api_token"] = api.Token, ["list"] = list.Id.ToString() });
            default:
                var telegram = emulator.Platform<TelegramEmulator>();
                var bot = telegram.CreateBot();
                var chat = telegram.CreateChannel($"Bench {n}", $"bench_channel_{n}");
                telegram.MakeAdmin(chat, bot);
                return CredentialsAsync(platform, new() { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        }
    }

    private async Task<Guid> CredentialsAsync(string platform, Dictionary<string, string> values)
    {
        await using var scope = services.CreateAsyncScope();
        var channel = await scope.ServiceProvider.GetRequiredService<CredentialConnectService>().ConnectAsync(userId, workspaceId, platform, values);
        return channel.Id;
    }

    // The browser's part: start, visit the authorize page (the emulator consents and redirects), hand back code and state.
    private async Task<Guid> OAuthAsync(string platform, string? instance)
    {
        OAuthStart start;
        await using (var scope = services.CreateAsyncScope())
            start = await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().StartAsync(userId, workspaceId, platform, null, instance);
        using var consent = await _browser.GetAsync(start.RedirectTo);
        if (consent.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{platform} authorize answered {consent.StatusCode}.");
        var query = QueryHelpers.ParseQuery(consent.Headers.Location!.Query);
        string? Value(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        await using (var scope = services.CreateAsyncScope())
        {
            var completion = await scope.ServiceProvider.GetRequiredService<OAuthFlowService>()
                .CompleteAsync(userId, platform, new OAuthCallback(Value("code"), Value("state"), Value("error"), Value("iss")), start.BrowserNonce);
            return completion.ChannelId ?? throw new InvalidOperationException($"Connecting {platform} failed: {completion.ErrorCode}.");
        }
    }
}
