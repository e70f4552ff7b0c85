using Sosyabot.Core.Providers.Listmonk;

namespace Sosyabot.Tests.Providers.Listmonk;

public class ListmonkHtmlTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("one", "<p>one</p>\n")]
    [InlineData("a\r\nb\n\n\n  c  ", "<p>a<br>\nb</p>\n<p>c</p>\n")]
    [InlineData("(see http://x.example/p)", "<p>(see <a href=\"http://x.example/p\">http://x.example/p</a>)</p>\n")]
    [InlineData("<b>\"{{ x }}\"</b>", "<p>&lt;b&gt;&quot;&#123;&#123; x &#125;&#125;&quot;&lt;/b&gt;</p>\n")]
    public void Text_becomes_encoded_paragraphs_with_links(string text, string html) =>
        Assert.Equal(html, ListmonkHtml.Paragraphs(text));
}
