using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Bluesky;

// lexicons/app/bsky/feed/post.json: text maxGraphemes 300, maxLength 3000 (bytes of UTF-8);
// app.bsky.embed.images: up to 4, each blob at most 1,000,000 bytes; one embed per post, so images
// and a video never share one. Video: 100 MB as Bluesky announced (the older lexicon said 50 MB).
// Alt text: 2,000 characters, the limit of Bluesky's own app (social-app src/lib/constants.ts).
public static class BlueskyRules
{
    public static readonly PublishingRules Rules = new(
        BlueskyDefaults.Key,
        new TextRule(TextCounter.Graphemes, 300, MaxUtf8Bytes: 3000),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 4, 1_000_000, [Jpeg, Png, WebP, Gif]),
                new MediaKindRule(MediaKind.Video, 1, 100_000_000, [Mp4, QuickTime, WebM]),
            ],
            MaxItems: 4, MixKinds: false, AltTextLimit: 2000),
        Threads: true,
        Fields: []);
}
