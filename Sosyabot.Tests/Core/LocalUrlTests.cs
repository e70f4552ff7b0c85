using Sosyabot.Core;

namespace Sosyabot.Tests.Core;

public class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/w/0197a0b2-0000-7000-8000-000000000000/settings")]
    [InlineData("/admin/workspaces?page=2")]
    public void Paths_on_this_site_are_kept(string url) => Assert.Equal(url, LocalUrl.OrRoot(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("w/relative")]
    public void Anything_else_becomes_the_home_page(string? url) => Assert.Equal("/", LocalUrl.OrRoot(url));
}
