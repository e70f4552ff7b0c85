using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Tests.Core.Publishing.Counting;

public class XWeightedLengthTests
{
    [Fact]
    public void The_conformance_file_holds_the_v3_cases() => Assert.True(XConformanceCases.All.Count >= 24);

    // Descriptions as the data (the 12,000-character texts would make unreadable test names).
    [Theory]
    [MemberData(nameof(XConformanceCases.Descriptions), MemberType = typeof(XConformanceCases))]
    public void Counts_as_twitter_text_v3_does(string description)
    {
        var expected = XConformanceCases.Named(description);

        var length = XWeightedLength.Count(expected.Text);

        Assert.Equal(expected.WeightedLength, length.Weighted);
        Assert.Equal(expected.Valid, !length.HasInvalidCharacters && length.Weighted <= XWeightedLength.MaxLength);
    }

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("héllo wörld", 11)]
    [InlineData("こんにちは", 10)]
    [InlineData("한국어", 6)]
    [InlineData("👩‍💻", 2)]
    [InlineData("🏳️‍🌈 pride", 8)]
    [InlineData("🇹🇷🇩🇪", 4)]
    [InlineData("see example.com", 27)]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on?with=query", 27)]
    [InlineData("mail me@example.com", 19)]
    [InlineData("file.txt", 8)]
    public void Counts_letters_ideographs_emoji_and_urls(string text, int expected) =>
        Assert.Equal(expected, XWeightedLength.Count(text).Weighted);

    [Fact]
    public void A_decomposed_accent_is_one_character_after_normalisation() =>
        Assert.Equal(XWeightedLength.Count("\u00e9").Weighted, XWeightedLength.Count("e\u0301").Weighted);
}
