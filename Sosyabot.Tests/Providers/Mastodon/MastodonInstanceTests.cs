using Sosyabot.Core;
using Sosyabot.Core.Providers.Mastodon;

namespace Sosyabot.Tests.Providers.Mastodon;

public class MastodonInstanceTests
{
    [Theory]
    [InlineData("mastodon.social", "https://mastodon.social")]
    [InlineData("  mastodon.social  ", "https://mastodon.social")]
    [InlineData("https://mastodon.social", "https://mastodon.social")]
    [InlineData("https://Mastodon.Social/", "https://mastodon.social")]
    [InlineData("HTTPS://fosstodon.org", "https://fosstodon.org")]
    [InlineData("social.example.org:8443", "https://social.example.org:8443")]
    [InlineData("https://social.example.org:443/", "https://social.example.org")]
    [InlineData("mastodon.bücher.example", "https://mastodon.xn--bcher-kva.example")]
    public void Server_addresses_become_one_https_origin(string input, string expected)
    {
        Assert.Equal(expected, MastodonInstance.Normalize(input));
    }

    [Theory]
    [InlineData("", "Enter the address")]
    [InlineData("   ", "Enter the address")]
    [InlineData("http://mastodon.social", "https")]
    [InlineData("ftp://mastodon.social", "https")]
    [InlineData("not a url", "not a server address")]
    [InlineData("https://mastodon.social/path", "without a path")]
    [InlineData("https://mastodon.social/@alice", "without a path")]
    [InlineData("mastodon.social?x=1", "without a path")]
    [InlineData("https://alice:secret@mastodon.social", "without a user name or password")]
    [InlineData("alice@mastodon.social", "without a user name or password")]
    public void Anything_but_a_bare_https_server_is_refused_with_a_reason(string input, string reason)
    {
        var error = Assert.Throws<InvalidRequestException>(() => MastodonInstance.Normalize(input));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Connected_apps_page_is_on_the_users_own_server()
    {
        Assert.Equal("https://fosstodon.org/oauth/authorized_applications", MastodonDefaults.ConnectedAppsUrl("https://fosstodon.org"));
    }
}
