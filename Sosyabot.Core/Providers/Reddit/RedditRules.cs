using System.Text.RegularExpressions;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Reddit;

// POST /api/submit: a title (1-300 characters) and a subreddit are required; a self post's body
// is at most 40,000 characters. An image post carries one image, 20 MB at most (Reddit's upload
// help). Galleries (up to 20 images) and video posts (1 GB) are Reddit post kinds the publisher
// does not send yet, so they are not listed: the composer must not offer what would be refused.
public static partial class RedditRules
{
    public const string SubredditHint = "2 to 21 letters, digits or underscores, like pics or r/pics";

    public static readonly PublishingRules Rules = new(
        RedditDefaults.Key,
        new TextRule(TextCounter.CodePoints, 40000),
        new MediaRules(
            [
                new MediaKindRule(MediaKind.Image, 1, 20 * 1024 * 1024, [Jpeg, Png, Gif]),
                new MediaKindRule(MediaKind.Gif, 1, 20 * 1024 * 1024, [Gif]),
            ],
            MaxItems: 1, MixKinds: false, AltTextLimit: null),
        Threads: false,
        Fields:
        [
            new PlatformFieldRule(RedditDefaults.SubredditField, "Subreddit", Required: true)
            {
                Format = SubredditInput(),
                FormatHint = SubredditHint,
            },
            new PlatformFieldRule(RedditDefaults.TitleField, "Title", Required: true) { MaxLength = 300 },
        ])
    {
        // A title carries the post; the body of a self post may be empty.
        RequiresContent = false,
    };

    // "r/pics", "/r/pics", " pics " → "pics"; null when it cannot be a subreddit name.
    public static string? SubredditName(string? raw) =>
        SubredditInput().Match(raw ?? "") is { Success: true } match ? match.Groups["name"].Value : null;

    // Subreddit names are 3-21 letters, digits and underscores today; a few old ones have two (r/de).
    // The r/ prefix people type is accepted and is not part of the name.
    [GeneratedRegex(@"^\s*/?(?:[rR]/)?(?<name>[A-Za-z0-9][A-Za-z0-9_]{1,20})/?\s*$")]
    private static partial Regex SubredditInput();
}
