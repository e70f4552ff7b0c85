namespace Sosyabot.Core.Providers.Publishing.Rules;

// How a platform counts the length of a text; Sosyabot.Core.Publishing.Counting implements each.
public enum TextCounter
{
    // UTF-16 code units, as Telegram counts (a non-BMP emoji is 2).
    Utf16,

    // Unicode code points, as Reddit (Python) counts.
    CodePoints,

    // Extended grapheme clusters (StringInfo text elements), as Bluesky counts.
    Graphemes,

    // twitter-text v3: weighted code points, emoji sequences 2, each URL 23.
    XWeighted,

    // Mastodon's StatusLengthValidator: URLs 23, a remote mention counts as its local part.
    Mastodon,
}
