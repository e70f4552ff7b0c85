using Microsoft.Extensions.Configuration;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Core.Providers;

public class HostOverridesTests
{
    private static HostOverrides From(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void An_origin_key_with_colons_maps_to_its_replacement_keeping_path_and_query()
    {
        var overrides = From(new() { ["Providers:HostOverrides:https://oauth.reddit.com"] = "http://127.0.0.1:5123/reddit-oauth" });

        var rewritten = overrides.Rewrite(new Uri("https://oauth.reddit.com/api/v1/me?raw_json=1"));

        Assert.Equal("http://127.0.0.1:5123/reddit-oauth/api/v1/me?raw_json=1", rewritten.AbsoluteUri);
    }

    [Fact]
    public void A_first_path_segment_with_a_colon_stays_a_path()
    {
        var overrides = From(new() { ["Providers:HostOverrides:https://api.telegram.org"] = "http://127.0.0.1:5123/telegram" });

        var rewritten = overrides.Rewrite(new Uri("https://api.telegram.org/bot123456:AAE-secret_x/getMe?x=1"));

        Assert.Equal("http://127.0.0.1:5123/telegram/bot123456:AAE-secret_x/getMe?x=1", rewritten.AbsoluteUri);
    }

    [Fact]
    public void Other_origins_and_ports_are_left_alone()
    {
        var overrides = From(new() { ["Providers:HostOverrides:https://oauth.reddit.com"] = "http://127.0.0.1:5123/x" });

        Assert.Equal("https://www.reddit.com/api/v1/authorize", overrides.Rewrite(new Uri("https://www.reddit.com/api/v1/authorize")).AbsoluteUri);
        Assert.Equal("https://oauth.reddit.com:8443/a", overrides.Rewrite(new Uri("https://oauth.reddit.com:8443/a")).AbsoluteUri);
    }

    [Fact]
    public void No_overrides_configured_means_real_urls()
    {
        var overrides = From([]);

        Assert.True(overrides.IsEmpty);
        Assert.Equal("https://api.x.com/2/users/me", overrides.Rewrite(new Uri("https://api.x.com/2/users/me")).AbsoluteUri);
    }
}
