using Sosyabot.Core.Providers.Mastodon;

namespace Sosyabot.Tests.Providers.Mastodon;

public class MastodonDefaultsTests
{
    [Fact]
    public void Connected_apps_page_is_on_the_users_own_server() =>
        Assert.Equal("https://fosstodon.org/oauth/authorized_applications", MastodonDefaults.ConnectedAppsUrl("https://fosstodon.org"));

    [Fact]
    public void The_server_part_of_an_instance_keeps_a_non_default_port() =>
        Assert.Equal("social.example.org:8443", MastodonInstance.Authority("https://social.example.org:8443"));
}
