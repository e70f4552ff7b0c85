namespace Sosyabot.Core.Providers;

// Every platform the product supports, in menu order, whether or not this build can connect it yet.
public static class PlatformCatalog
{
    public static IReadOnlyList<PlatformInfo> All { get; } =
    [
        X.XDefaults.Info,
        Bluesky.BlueskyDefaults.Info,
        Telegram.TelegramDefaults.Info,
        Listmonk.ListmonkDefaults.Info,
        Threads.ThreadsDefaults.Info,
        Pinterest.PinterestDefaults.Info,
        YouTube.YouTubeDefaults.Info,
        Reddit.RedditDefaults.Info,
        LinkedIn.LinkedInDefaults.Info,
        Slack.SlackDefaults.Info,
        Mastodon.MastodonDefaults.Info,
        Instagram.InstagramDefaults.Info,
        Facebook.FacebookDefaults.Info,
        TikTok.TikTokDefaults.Info,
        Snapchat.SnapchatDefaults.Info,
    ];

    public static PlatformInfo? Find(string key) => All.FirstOrDefault(p => p.Key == key);
}
