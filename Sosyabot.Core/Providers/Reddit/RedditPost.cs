using System.Text.RegularExpressions;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using static Sosyabot.Core.Providers.Reddit.RedditDefaults;

namespace Sosyabot.Core.Providers.Reddit;

// One post on Reddit as /api/submit takes it, read from a publish request. Everything Reddit would
// refuse for its shape is refused here, before a request leaves.
internal sealed partial record RedditPost(string Subreddit, string Title, string Kind, string Text, string? Url, string? FlairId, PublishMedia? Image)
{
    public const string SelfKind = "self";
    public const string LinkKind = "link";
    public const string ImageKind = "image";

    public static RedditPost From(PublishRequest request)
    {
        // Reddit has no replies-as-thread; the engine must not split a Reddit target into parts.
        if (request.PartCount != 1)
            throw Rejected($"Reddit posts have one part, but this one has {request.PartCount}. Send it to Reddit as a single post.");
        var subreddit = SubredditName(request.Field(SubredditField))
            ?? throw Rejected("Reddit needs the subreddit to post to (like “r/pics” or “pics”).");
        var title = request.Field(TitleField)?.Trim() ?? "";
        if (title.Length == 0) throw Rejected("Reddit posts need a title.");
        if (Length(title) > TitleLimit) throw Rejected($"Reddit: the title has {Length(title)} of {TitleLimit} characters.");

        var media = request.Part.Media;
        if (media.Count > 1) throw Rejected($"Reddit takes one image per post; this post has {media.Count}. Remove all but one.");
        var image = media.Count == 1 ? media[0] : null;
        if (image is { Kind: MediaKind.Video }) throw Rejected("Sosyabot does not send videos to Reddit yet. Remove the video or post it as a link.");
        var kind = request.Field(KindField)?.Trim().ToLowerInvariant() is { Length: > 0 } chosen ? chosen : image is null ? SelfKind : ImageKind;
        var text = request.Part.Text;
        var flair = request.Field(FlairField) is { Length: > 0 } f ? f.Trim() : null;

        switch (kind)
        {
            case SelfKind:
                if (image is not null) throw Rejected("A Reddit text post cannot carry an image. Choose an image post, or remove the image.");
                if (Length(text) > TextLimit) throw Rejected($"Reddit: the text has {Length(text)} of {TextLimit:N0} characters.");
                return new(subreddit, title, kind, text, null, flair, null);
            case LinkKind:
                var url = request.Field(UrlField)?.Trim() is { Length: > 0 } field ? field : text.Trim();
                if (!Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
                    throw Rejected("A Reddit link post needs a web address starting with http:// or https://.");
                return new(subreddit, title, kind, "", link.AbsoluteUri, flair, null);
            case ImageKind:
                return image is null
                    ? throw Rejected("A Reddit image post needs an image. Add one, or choose a text post.")
                    : new(subreddit, title, kind, "", null, flair, image);
            default:
                throw Rejected($"Reddit has no post kind “{kind}”. Use self (text), link or image.");
        }
    }

    // "r/pics", "/r/pics", " pics " → "pics"; null when it cannot be a subreddit name.
    public static string? SubredditName(string? raw)
    {
        var name = raw?.Trim().TrimStart('/') ?? "";
        if (name.StartsWith("r/", StringComparison.OrdinalIgnoreCase)) name = name[2..];
        name = name.TrimEnd('/');
        return NamePattern().IsMatch(name) ? name : null;
    }

    // Reddit counts characters as Python does: code points, not UTF-16 units.
    private static int Length(string text) => text.EnumerateRunes().Count();

    private static ProviderException Rejected(string message) => new(ProviderErrorKind.Rejected, message);

    // Subreddit names are 2–21 letters, digits and underscores (profiles are u_<name>).
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]{1,20}$")]
    private static partial Regex NamePattern();
}
