using System.Text;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Tests.Core.Publishing.Counting;

// Bluesky limits a post to 300 graphemes and 3,000 UTF-8 bytes: each counts differently.
public class BlueskyCountingTests
{
    [Theory]
    [InlineData("hello", 5, 5)]
    [InlineData("café", 4, 5)]
    [InlineData("cafe\u0301", 4, 6)]
    [InlineData("👍", 1, 4)]
    [InlineData("👨‍👩‍👧‍👦", 1, 25)]
    [InlineData("🇹🇷", 1, 8)]
    [InlineData("日本語", 3, 9)]
    public void Counts_graphemes_and_bytes(string text, int graphemes, int bytes)
    {
        Assert.Equal(graphemes, TextCounting.Count(TextCounter.Graphemes, text));
        Assert.Equal(bytes, TextCounting.Utf8Bytes(text));
    }

    [Fact]
    public void Three_hundred_family_emoji_fit_the_grapheme_limit_but_not_the_byte_limit()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 300));

        Assert.Equal(300, TextCounting.Graphemes(text));
        Assert.Equal(7500, Encoding.UTF8.GetByteCount(text));
    }
}
