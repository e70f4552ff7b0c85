using System.Globalization;
using System.Text;

namespace Sosyabot.Core.Publishing.Counting;

// X's count of a post, as twitter-text v3 computes it (config/v3.json): after NFC, code points in
// the ranges below weigh 1, every other code point 2, an emoji sequence (ZWJ family, skin tone,
// keycap, flag) 2 as a whole, and each URL 23 whatever its length. Invalid characters
// (U+FFFE, U+FEFF, U+FFFF) make a post X refuses at any length.
// https://docs.x.com/fundamentals/counting-characters
public static class XWeightedLength
{
    public const int MaxLength = 280;
    public const int UrlLength = 23;
    private const int Scale = 100;
    private const int DefaultWeight = 200;

    private static readonly (int Start, int End)[] LightRanges = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];

    public static XLength Count(string text)
    {
        var normalized = Nfc(text);
        var urls = XUrls.Find(normalized);
        var nextUrl = 0;
        var weighted = 0;
        var invalid = false;
        for (var offset = 0; offset < normalized.Length;)
        {
            // A URL that began inside an emoji sequence just counted is passed, never waited for.
            while (nextUrl < urls.Count && urls[nextUrl].Start < offset) nextUrl++;
            if (nextUrl < urls.Count && urls[nextUrl].Start == offset)
            {
                weighted += UrlLength * Scale;
                offset += urls[nextUrl++].Length;
                continue;
            }
            var element = StringInfo.GetNextTextElementLength(normalized, offset);
            if (element > 1 && EmojiSequence.Is(normalized.AsSpan(offset, element)))
            {
                weighted += DefaultWeight;
                offset += element;
                continue;
            }
            var codePoint = CodePointAt(normalized, offset);
            invalid |= codePoint is 0xFFFE or 0xFEFF or 0xFFFF;
            weighted += Weight(codePoint);
            offset += codePoint > 0xFFFF ? 2 : 1;
        }
        return new XLength(weighted / Scale, invalid);
    }

    // .NET refuses to normalise a string holding U+FFFE, U+FFFF or a lone surrogate (Java does not):
    // such a string is normalised piece by piece around them, and they are kept as they are.
    private static string Nfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var result = new StringBuilder(text.Length);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && !Unnormalisable(text, i)) continue;
                result.Append(text[start..i].Normalize(NormalizationForm.FormC));
                if (i < text.Length) result.Append(text[i]);
                start = i + 1;
            }
            return result.ToString();
        }
    }

    private static bool Unnormalisable(string text, int i) =>
        text[i] is '\uFFFE' or '\uFFFF'
        || (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));

    private static int Weight(int codePoint)
    {
        foreach (var (start, end) in LightRanges)
            if (codePoint >= start && codePoint <= end) return Scale;
        return DefaultWeight;
    }

    // A lone surrogate counts as itself, as Java's codePointAt does.
    private static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
}

// Weighted: the number X shows; Invalid: a character X refuses is present.
public readonly record struct XLength(int Weighted, bool HasInvalidCharacters);
