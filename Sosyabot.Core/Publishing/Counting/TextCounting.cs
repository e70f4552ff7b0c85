using System.Globalization;
using System.Text;
using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Publishing.Counting;

// One entry point from a rule's counter to the count the platform would make.
public static class TextCounting
{
    public static int Count(TextCounter counter, string text) => counter switch
    {
        TextCounter.Utf16 => text.Length,
        TextCounter.CodePoints => CodePoints(text),
        TextCounter.Graphemes => Graphemes(text),
        TextCounter.XWeighted => XWeightedLength.Count(text).Weighted,
        TextCounter.Mastodon => MastodonLength.Count(text),
        _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, null),
    };

    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    public static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
