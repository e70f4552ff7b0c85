using System.Text.RegularExpressions;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Reddit;

// POST /api/submit: a title (1-300 characters) and a subreddit are required; a self post's body
// is at most 40,000 characters. An image post carries one image (a gallery up to 20), a video post
// one video; the two are separate post kinds. Image 20 MB, video 1 GB (Reddit's upload help).
public static partial class RedditRules
{
    public const string SubredditField = "subreddit";
    public const string TitleField = "title";

    public static readonly PublishingRules Rules = new(
        RedditDefaults.Key,
        new TextRule(TextCounter.CodePoints, 40000),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 20, 20 * 1024 * 1024, [Jpeg, Png, Gif]),
                new MediaKindRule(MediaKind.Gif, 1, 20 * 1024 * 1024, [Gif]),
                new MediaKindRule(MediaKind.Video, 1, 1024L * 1024 * 1024, [Mp4, QuickTime]),
            ],
            MaxItems: 20, MixKinds: false, AltTextLimit: null),
        Threads: false,
        Fields:
        [
            // Subreddit names: 3-21 letters, digits or underscores (r/ is a prefix, not part of it).
            new PlatformFieldRule(SubredditField, "Subreddit", Required: true)
            {
                Format = SubredditName(),
                FormatHint = "3 to 21 letters, digits or underscores, without r/",
            },
            new PlatformFieldRule(TitleField, "Title", Required: true) { MaxLength = 300 },
        ])
    {
        // A title carries the post; the body of a self post may be empty.
        RequiresContent = false,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]{2,20}$")]
    private static partial Regex SubredditName();
}
