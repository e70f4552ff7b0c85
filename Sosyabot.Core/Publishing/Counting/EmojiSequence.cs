namespace Sosyabot.Core.Publishing.Counting;

// Whether one grapheme cluster of several code points is an emoji sequence (UTS #51): a
// pictographic base with modifiers, ZWJs or tags, a keycap, or a flag. twitter-text matches these
// with a generated regex; the cluster boundaries .NET already computes (UAX #29) give the same units.
public static class EmojiSequence
{
    private const int Keycap = 0x20E3;
    private const int VariationSelector16 = 0xFE0F;

    public static bool Is(ReadOnlySpan<char> cluster)
    {
        var first = true;
        foreach (var rune in cluster.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is Keycap or VariationSelector16) return true;
            if (first && IsPictographicOrFlag(value)) return true;
            first = false;
        }
        return false;
    }

    // Extended_Pictographic, approximated by the blocks holding it, plus regional indicators.
    private static bool IsPictographicOrFlag(int value) =>
        value is >= 0x1F000 and <= 0x1FAFF
            or >= 0x2600 and <= 0x27BF
            or >= 0x2300 and <= 0x23FF
            or >= 0x2B00 and <= 0x2BFF
            or >= 0x2190 and <= 0x21FF
            or >= 0x25A0 and <= 0x25FF
            or 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139 or 0x3030 or 0x303D or 0x3297 or 0x3299;
}
