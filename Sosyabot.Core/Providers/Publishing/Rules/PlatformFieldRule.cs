using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Publishing.Rules;

// A per-platform field of a post (Reddit's subreddit and title, Listmonk's subject, Mastodon's
// visibility): Name is its key in the post's platform fields, Label what the user reads. Length is
// counted in code points. Format, when set, must match the whole value; FormatHint says what is expected.
public sealed record PlatformFieldRule(string Name, string Label, bool Required)
{
    public int? MaxLength { get; init; }

    public IReadOnlyList<string>? AllowedValues { get; init; }

    public Regex? Format { get; init; }

    public string? FormatHint { get; init; }
}
