using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Core.Providers.Bluesky;

// The app.bsky.richtext.facet entries of a post's text: links, mentions and hashtags with UTF-8
// byte offsets (byteStart inclusive, byteEnd exclusive), as the lexicon wants. Detection follows
// @atproto/api's RichText.detectFacets (packages/api/src/rich-text/detection.ts). A mention
// carries the handle: the publisher resolves it to a DID (Handles) and drops the ones that fail.
public static partial class BlueskyFacets
{
    private const int MaxTagLength = 64;

    public static IReadOnlyList<BlueskyFacet> Detect(string text)
    {
        var facets = new List<BlueskyFacet>();
        foreach (Match m in Mention().Matches(text))
        {
            var handle = m.Groups["handle"];
            if (!IsHandle(handle.Value)) continue;
            facets.Add(Facet(text, handle.Index - 1, handle.Length + 1, BlueskyFacetKind.Mention, handle.Value.ToLowerInvariant()));
        }
        foreach (Match m in Link().Matches(text))
        {
            var link = m.Groups["link"];
            var value = TrailingPunctuation().Replace(link.Value, "");
            if (value.EndsWith(')') && !value.Contains('(')) value = value[..^1];
            string uri;
            if (m.Groups["scheme"].Success) uri = value;
            else if (IsKnownTld(m.Groups["domain"].Value)) uri = "https://" + value;
            else continue;
            facets.Add(Facet(text, link.Index, value.Length, BlueskyFacetKind.Link, uri));
        }
        foreach (Match m in Tag().Matches(text))
        {
            var tag = TrailingPunctuationUnicode().Replace(m.Groups["tag"].Value, "");
            if (tag.Length == 0 || tag.Length > MaxTagLength) continue;
            var hash = m.Groups["hash"];
            facets.Add(Facet(text, hash.Index, tag.Length + 1, BlueskyFacetKind.Tag, tag));
        }
        return facets.OrderBy(f => f.ByteStart).ToList();
    }

    // The handles the publisher must resolve to DIDs (com.atproto.identity.resolveHandle).
    public static IReadOnlyList<string> Handles(IEnumerable<BlueskyFacet> facets) =>
        facets.Where(f => f.Kind == BlueskyFacetKind.Mention).Select(f => f.Value).Distinct().ToList();

    // The facets as the post record carries them. A mention whose handle does not resolve stays plain
    // text, as in the official app. https://docs.bsky.app/docs/advanced-guides/post-richtext
    public static async Task<JsonArray> BuildAsync(string text, Func<string, Task<string?>> resolveHandle)
    {
        var facets = Detect(text);
        var dids = new Dictionary<string, string?>();
        foreach (var handle in Handles(facets)) dids[handle] = await resolveHandle(handle);
        var array = new JsonArray();
        foreach (var facet in facets)
        {
            var feature = facet.Kind switch
            {
                BlueskyFacetKind.Mention => dids[facet.Value] is { } did ? Feature("mention", "did", did) : null,
                BlueskyFacetKind.Link => Feature("link", "uri", facet.Value),
                _ => Feature("tag", "tag", facet.Value),
            };
            if (feature is null) continue;
            array.Add(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = facet.ByteStart, ["byteEnd"] = facet.ByteEnd },
                ["features"] = new JsonArray(feature),
            });
        }
        return array;
    }

    private static JsonObject Feature(string kind, string property, string value) =>
        new() { ["$type"] = $"app.bsky.richtext.facet#{kind}", [property] = value };

    private static BlueskyFacet Facet(string text, int charStart, int charLength, BlueskyFacetKind kind, string value)
    {
        var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, charStart));
        return new BlueskyFacet(byteStart, byteStart + Encoding.UTF8.GetByteCount(text.AsSpan(charStart, charLength)), kind, value);
    }

    // A handle is a domain name with at least two labels (atproto syntax/handle.ts).
    private static bool IsHandle(string handle) => handle.Length <= 253 && HandleSyntax().IsMatch(handle);

    private static bool IsKnownTld(string domain)
    {
        var tld = domain[(domain.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return XTlds.Generic.Contains(tld) || XTlds.CountryCode.Contains(tld);
    }

    [GeneratedRegex(@"(?:^|\s|\()@(?<handle>[a-zA-Z0-9.-]+)\b")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex HandleSyntax();

    [GeneratedRegex(@"(?:^|\s|\()(?<link>(?<scheme>https?://)\S+|(?<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Link();

    [GeneratedRegex(@"[.,;:!?]$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"(?:^|\s)(?<hash>[#＃])(?<tag>(?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*[^\d\s\p{P}\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\p{P}+$")]
    private static partial Regex TrailingPunctuationUnicode();
}

public enum BlueskyFacetKind
{
    Link,
    Mention,
    Tag,
}

// Value: the link's URI, the mention's handle (resolved to a DID before publishing), or the tag without '#'.
public sealed record BlueskyFacet(int ByteStart, int ByteEnd, BlueskyFacetKind Kind, string Value);
