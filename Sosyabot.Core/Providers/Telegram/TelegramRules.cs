using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Telegram;

// https://core.telegram.org/bots/api#sendmessage : text 1-4096 characters, caption 0-1024, both
// counted in UTF-16 code units. sendMediaGroup takes 2-10 photos and videos, mixed; photos up to
// 10 MB, other uploads up to 50 MB. No alt text, no threads (a reply is not a thread on a channel).
public static class TelegramRules
{
    public static readonly PublishingRules Rules = new(
        TelegramDefaults.Key,
        new TextRule(TextCounter.Utf16, 4096),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 10, 10 * 1024 * 1024, [Jpeg, Png, WebP]),
                new MediaKindRule(MediaKind.Gif, 1, 50 * 1024 * 1024, [Gif]),
                new MediaKindRule(MediaKind.Video, 10, 50 * 1024 * 1024, [Mp4, QuickTime]),
            ],
            MaxItems: 10, MixKinds: true, AltTextLimit: null),
        // A thread goes out as a chain of replies, each part answering the one before (reply_parameters).
        Threads: true,
        // disable_notification: subscribers get the message without a sound.
        Fields: [new PlatformFieldRule(TelegramProvider.SilentField, "Send silently", Required: false) { AllowedValues = ["true", "false"] }])
    {
        Caption = new TextRule(TextCounter.Utf16, 1024),
    };
}
