using Sosyabot.Core;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Providers;

public class ServerAddressTests
{
    [Theory]
    [InlineData("https://listmonk.example", "https://listmonk.example")]
    [InlineData("listmonk.example", "https://listmonk.example")]
    [InlineData("  HTTPS://Listmonk.Example:443/  ", "https://listmonk.example")]
    [InlineData("https://example.com/listmonk/", "https://example.com/listmonk")]
    [InlineData("https://example.com:8443/lists", "https://example.com:8443/lists")]
    public void One_server_typed_several_ways_has_one_address(string typed, string expected) =>
        Assert.Equal(expected, ServerAddress.Normalize(typed, "Listmonk"));

    [Theory]
    [InlineData("", "Enter the address")]
    [InlineData("http://listmonk.example", "https://")]
    [InlineData("ftp://listmonk.example", "https://")]
    [InlineData("https://a:b@listmonk.example", "without a user name")]
    [InlineData("https://listmonk.example/?x=1", "?query")]
    [InlineData("https://listmonk.example/#top", "#fragment")]
    public void An_address_that_is_not_a_plain_https_server_is_refused(string typed, string message)
    {
        var error = Assert.Throws<InvalidRequestException>(() => ServerAddress.Normalize(typed, "Listmonk"));

        Assert.Contains(message, error.Message);
    }
}
