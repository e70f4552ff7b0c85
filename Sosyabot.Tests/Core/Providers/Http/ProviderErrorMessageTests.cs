using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Core.Providers.Http;

public class ProviderErrorMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 2, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(180, "try again in 3 minutes (at 14:05 UTC)")]
    [InlineData(30, "try again in 30 seconds (at 14:02 UTC)")]
    [InlineData(61, "try again in 2 minutes (at 14:03 UTC)")]
    [InlineData(7200, "try again in 2 hours (at 16:02 UTC)")]
    public void A_rate_limit_says_when_to_try_again(int seconds, string expected)
    {
        var e = new ProviderException(ProviderErrorKind.RateLimited, "429 Too Many Requests", TimeSpan.FromSeconds(seconds));

        var message = ProviderErrorMessage.For(e, "Bluesky", Now);

        Assert.Equal($"Bluesky is rate-limiting this account; {expected}.", message);
    }

    [Fact]
    public void Other_errors_keep_the_platforms_message()
    {
        var e = new ProviderException(ProviderErrorKind.Transient, "Bluesky did not answer in time.");

        Assert.Equal("Bluesky did not answer in time.", ProviderErrorMessage.For(e, "Bluesky", Now));
    }
}
