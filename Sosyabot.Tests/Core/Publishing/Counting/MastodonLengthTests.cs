using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Tests.Core.Publishing.Counting;

// Mastodon's StatusLengthValidator: URLs 23, remote mentions by their local part, graphemes.
public class MastodonLengthTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("read https://example.com/a/very/long/path/indeed/with/more/segments", 28)]
    [InlineData("no scheme example.com", 21)]
    [InlineData("hi @alice@mastodon.social", 9)]
    [InlineData("hi @alice", 9)]
    [InlineData("mail alice@example.com", 22)]
    [InlineData("👨‍👩‍👧‍👦 family", 8)]
    [InlineData("café", 4)]
    public void Counts_as_the_server_does(string text, int expected) => Assert.Equal(expected, MastodonLength.Count(text));

    [Fact]
    public void The_content_warning_counts_with_the_text() => Assert.Equal(9, MastodonLength.Count("text", "spoil"));
}
