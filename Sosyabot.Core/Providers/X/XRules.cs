using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Counting;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.X;

// https://docs.x.com/fundamentals/counting-characters (280 weighted, twitter-text v3) and
// https://docs.x.com/x-api/media/introduction : up to 4 images, or one GIF, or one video, never
// mixed; image 5 MB, GIF 15 MB, video 512 MB (amplify_video); alt text up to 1,000 characters.
public static class XRules
{
    public static readonly PublishingRules Rules = new(
        XDefaults.Key,
        new TextRule(TextCounter.XWeighted, XWeightedLength.MaxLength),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 4, 5 * 1024 * 1024, [Jpeg, Png, WebP]),
                new MediaKindRule(MediaKind.Gif, 1, 15 * 1024 * 1024, [Gif]),
                new MediaKindRule(MediaKind.Video, 1, 512L * 1024 * 1024, [Mp4, QuickTime]),
            ],
            MaxItems: 4, MixKinds: false, AltTextLimit: 1000),
        Threads: true,
        Fields: []);
}
