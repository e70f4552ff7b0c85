namespace Sosyabot.Core.Providers.Publishing.Rules;

// The media one post may carry: per kind (a kind missing from Kinds is not accepted), a total,
// whether kinds may share a post, and the alt-text limit (null: the platform takes no alt text).
public sealed record MediaRules(
    IReadOnlyList<MediaKindRule> Kinds,
    int MaxItems,
    bool MixKinds,
    int? AltTextLimit)
{
    public MediaKindRule? For(MediaKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind);
}

// MaxCount of this kind in one post, MaxBytes for each item, and the content types accepted
// (detected from the content, never the file name). AltTextLimit, when set, replaces the post's for
// this kind (Bluesky: 2,000 for an image, 1,000 for a video).
public sealed record MediaKindRule(MediaKind Kind, int MaxCount, long MaxBytes, IReadOnlyList<string> ContentTypes)
{
    public int? AltTextLimit { get; init; }
}
