using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Tests.Core.Publishing.Counting;

// Cases from twitter-text's conformance/extract.yml "urls" section, plus the boundaries the weighted count relies on.
public class XUrlsTests
{
    [Theory]
    [InlineData("text http://example.com", "http://example.com")]
    [InlineData("a http://www.example.com/path/to/page.html?q=1&b=2 b", "http://www.example.com/path/to/page.html?q=1&b=2")]
    [InlineData("trailing dot http://example.com.", "http://example.com")]
    [InlineData("in parens (http://example.com)", "http://example.com")]
    [InlineData("wiki http://en.wikipedia.org/wiki/Primer_(film) ok", "http://en.wikipedia.org/wiki/Primer_(film)")]
    [InlineData("no scheme www.example.com", "www.example.com")]
    [InlineData("no scheme example.co.jp", "example.co.jp")]
    [InlineData("short t.co/abcde", "t.co/abcde")]
    [InlineData("port http://example.com:8080/x", "http://example.com:8080/x")]
    [InlineData("idn http://例え.jp", "http://例え.jp")]
    public void Finds_the_url(string text, string url)
    {
        var found = Assert.Single(XUrls.Find(text));
        Assert.Equal(url, text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("no tld example.notatld")]
    [InlineData("an email user@example.com")]
    [InlineData("a hashtag #example.com")]
    [InlineData("a cashtag $example.com")]
    [InlineData("version 1.2.3")]
    public void Finds_no_url(string text) => Assert.Empty(XUrls.Find(text));
}
