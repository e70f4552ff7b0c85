using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Mastodon;

// Defaults of a stock Mastodon server; the text limit of each server is its own
// (configuration.statuses.max_characters, read by MastodonServerLimits). Media: 4 attachments,
// images 16 MB, video 99 MB (mastodon.social's /api/v2/instance), descriptions 1,500 characters;
// a video cannot share a status with images (MediaAttachment validation in PostStatusService).
public static class MastodonRules
{
    public const int DefaultMaxCharacters = 500;

    public static readonly IReadOnlyList<string> Visibilities = ["public", "unlisted", "private", "direct"];

    public static readonly PublishingRules Rules = new(
        MastodonDefaults.Key,
        new TextRule(TextCounter.Mastodon, DefaultMaxCharacters),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 4, 16 * 1024 * 1024, [Jpeg, Png, WebP]),
                new MediaKindRule(MediaKind.Gif, 4, 16 * 1024 * 1024, [Gif]),
                new MediaKindRule(MediaKind.Video, 1, 99 * 1024 * 1024, [Mp4, QuickTime, WebM]),
            ],
            MaxItems: 4, MixKinds: false, AltTextLimit: 1500),
        Threads: true,
        Fields:
        [
            new PlatformFieldRule(MastodonDefaults.VisibilityField, "Visibility", Required: false) { AllowedValues = Visibilities },
            // Counted together with the text against the server's limit, as Mastodon does.
            new PlatformFieldRule(MastodonDefaults.ContentWarningField, "Content warning", Required: false),
        ]);
}
