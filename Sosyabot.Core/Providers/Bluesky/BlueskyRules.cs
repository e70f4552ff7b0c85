using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Bluesky;

// lexicons/app/bsky/feed/post.json: text maxGraphemes 300, maxLength 3000 (bytes of UTF-8);
// app.bsky.embed.images: up to 4, each blob at most 1,000,000 bytes, alt text 2,000 characters (the
// limit of Bluesky's own app, social-app src/lib/constants.ts MAX_ALT_TEXT).
// Video (app.bsky.embed.video): one per post and never beside images (a post has one embed), MP4
// (uploadVideo's input encoding), alt text 1,000 graphemes (the lexicon's maxGraphemes). Size:
// 100,000,000 bytes, what the video service enforces ("file size (100000001 bytes) is larger than
// the maximum allowed size (100000000 bytes)", social-app PR #8596) and social-app's VIDEO_MAX_SIZE
// of that time; the stored embed lexicon still says 50 MB for the processed blob, and newer
// social-app releases allow 300 MB, so this is the conservative figure the service is known to take.
public static class BlueskyRules
{
    public const long MaxVideoBytes = 100_000_000;

    public static readonly PublishingRules Rules = new(
        BlueskyDefaults.Key,
        new TextRule(TextCounter.Graphemes, 300, MaxUtf8Bytes: 3000),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 4, 1_000_000, [Jpeg, Png, WebP, Gif]),
                new MediaKindRule(MediaKind.Video, 1, MaxVideoBytes, [Mp4]) { AltTextLimit = 1000 },
            ],
            MaxItems: 4, MixKinds: false, AltTextLimit: 2000),
        Threads: true,
        Fields: []);
}
