using Sosyabot.Core.Providers.Telegram;

namespace Sosyabot.Core.Publishing;

// The least time between two posts to one channel, by platform: each platform's documented pace,
// so a burst to one channel does not earn 429s.
public static class PublishPacing
{
    public static readonly TimeSpan Default = TimeSpan.FromMilliseconds(200);

    private static readonly Dictionary<string, TimeSpan> ByPlatform = new()
    {
        [TelegramDefaults.Key] = TelegramDefaults.PublishInterval,
    };

    // Every platform's pace, the configured ones over the defaults, as the claim hands them to SQL;
    // a platform not listed gets Default.
    public static (string[] Platforms, TimeSpan[] Paces) Table(PublishingOptions options)
    {
        var paces = new Dictionary<string, TimeSpan>(ByPlatform);
        foreach (var (platform, pace) in options.Pacing) paces[platform] = pace;
        return (paces.Keys.ToArray(), paces.Values.ToArray());
    }
}
