using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing.Validation;

// One target's content resolved for one channel: the parts in order (one for a single post, more
// for a thread), and the platform fields (subreddit, title, subject...). Instance is the channel's
// server where the platform has several (Mastodon), for the per-server text limit.
public sealed record ContentToValidate(
    Guid ChannelId,
    string Platform,
    IReadOnlyList<ContentPart> Parts,
    IReadOnlyDictionary<string, string> Fields)
{
    public string? Instance { get; init; }
}

public sealed record ContentPart(string Text, IReadOnlyList<ContentMedia> Media);

// What validation needs of a stored upload: never its bytes.
public sealed record ContentMedia(MediaKind Kind, string ContentType, long Length, int? Width = null, int? Height = null, string? AltText = null);
