using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Net;

namespace Sosyabot.Tests.Core.Net;

public sealed class SafeUrlTests
{
    private static SafeHttpPolicy Policy(bool allowHttp = false, params string[] allowed) =>
        new(Options.Create(new SafeHttpOptions { AllowedPrivateHosts = [.. allowed], AllowHttpForAllowedHosts = allowHttp }));

    [Fact]
    public void A_public_https_address_is_accepted_as_entered()
    {
        var uri = SafeUrl.Parse("  https://mastodon.social/@sosyabot  ", Policy());

        Assert.Equal(new Uri("https://mastodon.social/@sosyabot"), uri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mastodon.social")]
    [InlineData("http://mastodon.social")]
    [InlineData("ftp://mastodon.social")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    public void Anything_but_https_asks_for_https(string input)
    {
        var error = Assert.Throws<InvalidRequestException>(() => SafeUrl.Parse(input, Policy()));

        Assert.StartsWith("Enter the address as https://…", error.Message);
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
    public void A_private_address_names_the_setting_that_allows_it(string input)
    {
        var error = Assert.Throws<InvalidRequestException>(() => SafeUrl.Parse(input, Policy(allowed: "10.0.0.5/32")));

        Assert.Contains("points to a private network address", error.Message);
        Assert.EndsWith("an administrator can allow it under SafeHttp:AllowedPrivateHosts.", error.Message);
    }

    [Fact]
    public void The_private_message_names_the_host_and_not_the_query()
    {
        var error = Assert.Throws<InvalidRequestException>(() => SafeUrl.Parse("https://10.0.0.9/hook?token=s3cret", Policy()));

        Assert.StartsWith("10.0.0.9 points", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void An_allow_listed_address_passes()
    {
        Assert.Equal("10.0.0.5", SafeUrl.Parse("https://10.0.0.5/", Policy(allowed: "10.0.0.5/32")).Host);
    }

    [Fact]
    public void Plain_http_passes_only_for_allow_listed_hosts_with_the_switch_on()
    {
        Assert.Equal("listmonk.lan", SafeUrl.Parse("http://listmonk.lan:9000/", Policy(true, "listmonk.lan")).Host);
        Assert.Throws<InvalidRequestException>(() => SafeUrl.Parse("http://listmonk.lan:9000/", Policy(false, "listmonk.lan")));
        Assert.Throws<InvalidRequestException>(() => SafeUrl.Parse("http://mastodon.social/", Policy(true, "listmonk.lan")));
    }
}
