using Sosyabot.Core;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core;

public class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/w/0197a0b2-0000-7000-8000-000000000000/settings")]
    [InlineData("/admin/workspaces?page=2")]
    [InlineData("/w/x/posts?q=hello%20world&returnTo=%2Fw%2Fy")]
    public void Paths_on_this_site_are_kept(string url) => Assert.Equal(url, LocalUrl.OrRoot(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("w/relative")]
    [MemberData(nameof(RedirectPayloads.All), MemberType = typeof(RedirectPayloads))]
    public void Anything_else_becomes_the_home_page(string? url) => Assert.Equal("/", LocalUrl.OrRoot(url));
}
