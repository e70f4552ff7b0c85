using System.Text.Json;
using Sosyabot.Core.Providers.Mastodon;

namespace Sosyabot.Tests.Providers.Mastodon;

// The limit comes from configuration.statuses.max_characters; anything else means the stock 500.
public class MastodonServerLimitsTests
{
    [Theory]
    [InlineData("""{"configuration":{"statuses":{"max_characters":5000}}}""", 5000)]
    [InlineData("""{"configuration":{"statuses":{}}}""", 500)]
    [InlineData("""{"configuration":{}}""", 500)]
    [InlineData("""{"domain":"glitch.example"}""", 500)]
    [InlineData("""{"configuration":{"statuses":{"max_characters":"many"}}}""", 500)]
    [InlineData("""{"configuration":{"statuses":{"max_characters":0}}}""", 500)]
    [InlineData("[]", 500)]
    public void Reads_the_limit_or_falls_back_to_500(string json, int expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, MastodonServerLimits.MaxCharacters(document.RootElement));
    }

    [Fact]
    public void No_json_at_all_is_the_stock_limit() => Assert.Equal(500, MastodonServerLimits.MaxCharacters(null));
}
