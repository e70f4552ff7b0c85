using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Bluesky;

// Links, mentions and hashtags are not found by Bluesky in the text: the post carries them as facets
// with UTF-8 byte ranges. Patterns follow the official client's detection (packages/api/src/rich-text/
// detection.ts): a mention is @handle with a dot, a link starts with http(s)://, a tag is # plus at
// least one character that is not a digit or punctuation, at most 64. Trailing punctuation is not part
// of a link or tag. A mention whose handle does not resolve stays plain text, as in the app.
// https://docs.bsky.app/docs/advanced-guides/post-richtext
public static partial class BlueskyFacets
{
    private const int MaxTagLength = 64;

    public static async Task<JsonArray> BuildAsync(string text, Func<string, Task<string?>> resolveHandle)
    {
        var found = new List<(int Start, int Length, JsonObject Feature)>();
        foreach (Match m in Mention().Matches(text))
            if (await resolveHandle(m.Groups["handle"].Value) is { } did)
                found.Add((m.Index, m.Length, Feature("mention", "did", did)));
        foreach (Match m in Link().Matches(text))
        {
            var uri = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '"', '\'');
            found.Add((m.Index, uri.Length, Feature("link", "uri", uri)));
        }
        foreach (Match m in Tag().Matches(text))
        {
            var tag = m.Groups["tag"].Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '"', '\'');
            if (tag.Length is > 0 and <= MaxTagLength && !tag.All(char.IsDigit))
                found.Add((m.Groups["tag"].Index - 1, tag.Length + 1, Feature("tag", "tag", tag)));
        }

        var facets = new JsonArray();
        foreach (var (start, length, feature) in found.OrderBy(f => f.Start))
        {
            var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
            facets.Add(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = byteStart, ["byteEnd"] = byteStart + Encoding.UTF8.GetByteCount(text.AsSpan(start, length)) },
                ["features"] = new JsonArray(feature),
            });
        }
        return facets;
    }

    private static JsonObject Feature(string kind, string property, string value) =>
        new() { ["$type"] = $"app.bsky.richtext.facet#{kind}", [property] = value };

    [GeneratedRegex(@"(?<=^|[\s(])@(?<handle>([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<=^|[\s(])https?://[^\s]+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=^|\s)[#＃](?<tag>[^\s#＃]*[^\d\s\p{P}][^\s#＃]*)")]
    private static partial Regex Tag();
}
