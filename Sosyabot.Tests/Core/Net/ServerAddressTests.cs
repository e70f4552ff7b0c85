using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Net;

namespace Sosyabot.Tests.Core.Net;

public class ServerAddressTests
{
    private static SafeHttpPolicy Policy(bool allowHttp = false, params string[] allowed) =>
        new(Options.Create(new SafeHttpOptions { AllowedPrivateHosts = [.. allowed], AllowHttpForAllowedHosts = allowHttp }));

    private static string Normalize(string? input, bool allowPath = true, SafeHttpPolicy? policy = null) =>
        ServerAddress.Normalize(input, "server", policy ?? Policy(), allowPath);

    [Fact]
    public void An_address_longer_than_the_limit_is_refused_without_being_echoed()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Normalize(new string('a', 40_000) + ".example"));

        Assert.Equal($"The address of a server has at most {ServerAddress.MaxLength} characters.", error.Message);
    }

    [Theory]
    [InlineData("mastodon.social", "https://mastodon.social")]
    [InlineData("  https://Mastodon.Social/  ", "https://mastodon.social")]
    [InlineData("HTTPS://Listmonk.Example:443/", "https://listmonk.example")]
    [InlineData("social.example.org:8443", "https://social.example.org:8443")]
    [InlineData("mastodon.bücher.example", "https://mastodon.xn--bcher-kva.example")]
    [InlineData("https://example.com/listmonk/", "https://example.com/listmonk")]
    [InlineData("https://example.com:8443/lists", "https://example.com:8443/lists")]
    public void One_server_typed_several_ways_has_one_address(string typed, string expected) =>
        Assert.Equal(expected, Normalize(typed));

    [Theory]
    [InlineData("", "Enter the address")]
    [InlineData("   ", "Enter the address")]
    [InlineData("not a url", "not a server address")]
    [InlineData("/etc/passwd", "not a server address")]
    [InlineData("http://mastodon.social", "over https")]
    [InlineData("ftp://mastodon.social", "over https")]
    [InlineData("https://alice:secret@mastodon.social", "without a user name or password")]
    [InlineData("alice@mastodon.social", "without a user name or password")]
    [InlineData("https://listmonk.example/?x=1", "?query")]
    [InlineData("https://listmonk.example/#top", "#fragment")]
    public void Anything_but_a_plain_server_address_is_refused_with_a_reason(string typed, string reason)
    {
        var error = Assert.Throws<InvalidRequestException>(() => Normalize(typed));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("https://mastodon.social/@alice")]
    [InlineData("https://mastodon.social/path")]
    public void Where_only_an_origin_makes_sense_a_path_is_refused(string typed)
    {
        var error = Assert.Throws<InvalidRequestException>(() => Normalize(typed, allowPath: false));

        Assert.Contains("without a path", error.Message);
    }

    [Theory]
    [InlineData("https://localhost/")]
    [InlineData("https://app.localhost/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.6/")]
    public void A_private_address_names_the_setting_that_allows_it(string typed)
    {
        var error = Assert.Throws<InvalidRequestException>(() => Normalize(typed, policy: Policy(allowed: "10.0.0.5/32")));

        Assert.Contains("points to a private network address", error.Message);
        Assert.EndsWith("an administrator can allow it under SafeHttp:AllowedPrivateHosts.", error.Message);
    }

    [Fact]
    public void An_allow_listed_address_passes() =>
        Assert.Equal("https://10.0.0.5", Normalize("https://10.0.0.5/", policy: Policy(allowed: "10.0.0.5/32")));

    [Fact]
    public void Plain_http_passes_only_for_allow_listed_hosts_with_the_switch_on()
    {
        Assert.Equal("http://listmonk.lan:9000", Normalize("http://listmonk.lan:9000/", policy: Policy(true, "listmonk.lan")));
        Assert.Throws<InvalidRequestException>(() => Normalize("http://listmonk.lan:9000/", policy: Policy(false, "listmonk.lan")));
        Assert.Throws<InvalidRequestException>(() => Normalize("http://mastodon.social/", policy: Policy(true, "listmonk.lan")));
    }
}
