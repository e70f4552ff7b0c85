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

    public static TimeSpan For(string platform, PublishingOptions options) =>
        options.Pacing.TryGetValue(platform, out var configured) ? configured : ByPlatform.GetValueOrDefault(platform, Default);
}
