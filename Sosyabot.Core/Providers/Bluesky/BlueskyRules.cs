using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Bluesky;

// lexicons/app/bsky/feed/post.json: text maxGraphemes 300, maxLength 3000 (bytes of UTF-8);
// app.bsky.embed.images: up to 4, each blob at most 1,000,000 bytes. Video (app.bsky.embed.video,
// 100 MB as Bluesky announced, through video.bsky.app's upload service) is not listed until the
// publisher sends it: these rules are what Sosyabot can post, so the composer never offers a video
// that the publisher would refuse.
// Alt text: 2,000 characters, the limit of Bluesky's own app (social-app src/lib/constants.ts).
public static class BlueskyRules
{
    public static readonly PublishingRules Rules = new(
        BlueskyDefaults.Key,
        new TextRule(TextCounter.Graphemes, 300, MaxUtf8Bytes: 3000),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 4, 1_000_000, [Jpeg, Png, WebP, Gif]),
            ],
            MaxItems: 4, MixKinds: false, AltTextLimit: 2000),
        Threads: true,
        Fields: []);
}
