using Sosyabot.Core.Providers.X;

namespace Sosyabot.Tests.Providers.X;

public class XPostTextTests
{
    [Theory]
    [InlineData("Read https://example.com/a?b=1 now", "Read https://t.co/AbCdEf1234 now")]
    [InlineData("Docs at example.org/guide, then lunch", "Docs at https://t.co/x1, then lunch")]
    [InlineData("Fish & chips <3", "Fish &amp; chips &lt;3")]
    [InlineData("  two\nlines  ", "two lines")]
    [InlineData("Cafe\u0301", "Café")]
    public void What_x_shows_compares_equal_to_what_was_sent(string sent, string shown) =>
        Assert.Equal(XPostText.Comparable(sent), XPostText.Comparable(shown));

    [Theory]
    [InlineData("Launch today", "Launch tomorrow")]
    [InlineData("See https://a.example/x part 1", "See https://a.example/x part 2")]
    public void Different_words_stay_different(string sent, string other) =>
        Assert.NotEqual(XPostText.Comparable(sent), XPostText.Comparable(other));
}
