using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing.Validation;
using static Sosyabot.Core.Providers.Reddit.RedditDefaults;

namespace Sosyabot.Core.Providers.Reddit;

// One post on Reddit as /api/submit takes it, read from a publish request. Everything Reddit would
// refuse for its rules or its shape is refused here, before a request leaves.
internal sealed record RedditPost(string Subreddit, string Title, string Kind, string Text, string? Url, string? FlairId, PublishMedia? Image)
{
    public const string SelfKind = "self";
    public const string LinkKind = "link";
    public const string ImageKind = "image";

    public static RedditPost From(PublishRequest request)
    {
        // Parts, subreddit, title, lengths and media are RedditRules'; what is left is each post kind's shape.
        request.EnsureValid(RedditRules.Rules);
        var subreddit = RedditRules.SubredditName(request.Field(SubredditField))!;
        var title = request.Field(TitleField)!.Trim();
        var image = request.Part.Media.Count == 1 ? request.Part.Media[0] : null;
        var kind = request.Field(KindField)?.Trim().ToLowerInvariant() is { Length: > 0 } chosen ? chosen : image is null ? SelfKind : ImageKind;
        var text = request.Part.Text;
        var flair = request.Field(FlairField) is { Length: > 0 } f ? f.Trim() : null;

        switch (kind)
        {
            case SelfKind:
                if (image is not null) throw Rejected("A Reddit text post cannot carry an image. Choose an image post, or remove the image.");
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

    private static ProviderException Rejected(string message) => new(ProviderErrorKind.Rejected, message);
}
