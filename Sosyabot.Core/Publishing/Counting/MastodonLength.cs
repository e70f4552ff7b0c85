using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sosyabot.Core.Publishing.Counting;

// Mastodon's StatusLengthValidator (app/validators/status_length_validator.rb): graphemes of the
// content warning plus the text, where each URL with a scheme counts as 23 (the server's
// characters_reserved_per_url) and a remote mention @user@domain as its local @user.
public static partial class MastodonLength
{
    public const int UrlLength = 23;

    public static int Count(string text, string? contentWarning = null) => Countable(contentWarning) + Countable(text);

    private static int Countable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        // Mastodon extracts URLs without their scheme off (extract_url_without_protocol: false).
        var entities = XUrls.Find(text)
            .Where(u => text.AsSpan(u.Start).StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .Select(u => (u.Start, u.Length, Replacement: new string('x', UrlLength)))
            .ToList();
        foreach (Match mention in Mention().Matches(text))
        {
            if (entities.Any(e => mention.Index < e.Start + e.Length && e.Start < mention.Index + mention.Length)) continue;
            entities.Add((mention.Index, mention.Length, "@" + mention.Groups["user"].Value));
        }

        var rewritten = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, replacement) in entities.OrderBy(e => e.Start))
        {
            rewritten.Append(text, at, start - at).Append(replacement);
            at = start + length;
        }
        rewritten.Append(text, at, text.Length - at);
        return new StringInfo(rewritten.ToString()).LengthInTextElements;
    }

    // Account::MENTION_RE: not after a word character, '=' or '/'; a domain part is optional.
    [GeneratedRegex(@"(?<![=/\w])@(?<user>[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\w]+(?:[.-]+[\w]+)*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
