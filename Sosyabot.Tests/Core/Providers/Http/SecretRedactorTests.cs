using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Core.Providers.Http;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnop1234 failed", "abcdefghijklmnop1234")]
    [InlineData("GET https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("refresh_token=r3fr3sh-s3cr3t&grant_type=refresh_token", "r3fr3sh-s3cr3t")]
    [InlineData("session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLXZhbHVl expired", "eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9")]
    [InlineData("cookie auth_token=0123456789abcdef; ct0=fedcba9876543210", "0123456789abcdef")]
    public void Credentials_in_a_message_are_removed(string message, string secret)
    {
        var redacted = SecretRedactor.Redact(message);

        Assert.DoesNotContain(secret, redacted);
    }

    [Fact]
    public void Provider_exceptions_are_redacted_on_construction()
    {
        var error = new ProviderException(ProviderErrorKind.Rejected, "Echoed access_token=leaked-value-123 back");

        Assert.DoesNotContain("leaked-value-123", error.Message);
        Assert.Contains("access_token=***", error.Message);
    }

    [Fact]
    public void Ordinary_messages_are_left_alone() =>
        Assert.Equal("Text character limit of 500 exceeded", SecretRedactor.Redact("Text character limit of 500 exceeded"));
}
