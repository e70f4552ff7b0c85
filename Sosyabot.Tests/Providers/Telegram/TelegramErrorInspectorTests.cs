using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Telegram;

public class TelegramErrorInspectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private const string Token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

    // Bot API error bodies as the server sends them; "ok": false is what counts, whatever the status.
    public static TheoryData<string, bool, int, string, ProviderErrorKind, string?> Cases => new()
    {
        { "bad token at connect", true, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""", ProviderErrorKind.Rejected, "bot token is not valid" },
        { "token regenerated later", false, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""", ProviderErrorKind.Auth, "@BotFather" },
        { "unknown chat at connect", true, 400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", ProviderErrorKind.Rejected, "cannot find that chat" },
        { "chat gone later", false, 400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", ProviderErrorKind.Auth, "cannot find that chat" },
        { "not a member at connect", true, 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot is not a member of the channel chat"}""", ProviderErrorKind.Rejected, "bot is not a member of the channel chat" },
        { "kicked later", false, 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the channel chat"}""", ProviderErrorKind.Auth, "administrator" },
        { "group upgraded", true, 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890}}""", ProviderErrorKind.Rejected, "-1001234567890" },
        { "bad input", true, 400, """{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}""", ProviderErrorKind.Rejected, "message text is empty" },
        { "error inside a 200", true, 200, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", ProviderErrorKind.Rejected, "cannot find that chat" },
        { "server trouble", false, 500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""", ProviderErrorKind.Transient, null },
        { "proxy page", false, 502, "<html>502 Bad Gateway</html>", ProviderErrorKind.Transient, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bot_api_error_is_sorted(string name, bool atConnect, int status, string body, ProviderErrorKind kind, string? message)
    {
        var error = CannedResponses.Classify(new TelegramErrorInspector(atConnect), "Telegram", CannedResponses.Of(status, body), Now);

        Assert.NotNull(error);
        Assert.True(kind == error.Kind, $"{name}: expected {kind}, got {error.Kind}");
        if (message is not null) Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(17, 17)]
    [InlineData(1, 5)]
    public void Too_many_requests_waits_for_retry_after(int retryAfter, int expectedSeconds)
    {
        var response = CannedResponses.Of(429, $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfter}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");

        var error = new TelegramErrorInspector(atConnect: false).Inspect(response);

        Assert.Equal(ProviderErrorKind.RateLimited, error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), error.RetryAfter);
    }

    [Fact]
    public void A_description_that_echoes_the_token_is_redacted()
    {
        var response = CannedResponses.Of(400, $$"""{"ok":false,"error_code":400,"description":"Bad Request: wrong path /bot{{Token}}/sendMessage"}""");

        var error = new TelegramErrorInspector(atConnect: true).Inspect(response);

        Assert.DoesNotContain(Token, error!.Message);
        Assert.DoesNotContain(Token.Split(':')[1], error.Message);
    }

    [Fact]
    public void A_success_is_not_an_error() =>
        Assert.Null(new TelegramErrorInspector(atConnect: true).Inspect(CannedResponses.Of(200, """{"ok":true,"result":{"id":1,"is_bot":true}}""")));
}
