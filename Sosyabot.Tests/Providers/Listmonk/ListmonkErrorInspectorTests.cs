using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Listmonk;

public class ListmonkErrorInspectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    // Bodies as knadh/listmonk sends them (internal/auth/auth.go, internal/core/lists.go, docs/apis/apis.md).
    public static TheoryData<string, bool, int, string, ProviderErrorKind, string?> Cases => new()
    {
        { "bad credentials at connect", true, 403, """{"message":"invalid API credentials"}""", ProviderErrorKind.Rejected, "Listmonk rejected the API user or token" },
        { "no header at connect", true, 403, """{"message":"invalid session"}""", ProviderErrorKind.Rejected, "Listmonk rejected the API user or token" },
        { "api user deleted later", false, 403, """{"message":"invalid API credentials"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "proxy auth at connect", true, 401, "Unauthorized", ProviderErrorKind.Rejected, "Listmonk rejected the API user or token" },
        { "missing permission", true, 403, """{"message":"permission denied: lists:get_all"}""", ProviderErrorKind.Rejected, "lists:get_all" },
        { "missing permission later", false, 403, """{"message":"permission denied: campaigns:manage"}""", ProviderErrorKind.Rejected, "campaigns:manage" },
        { "unknown list", true, 400, """{"message":"List not found."}""", ProviderErrorKind.Rejected, "List not found." },
        { "no listmonk here", true, 404, "<html><h1>404 Not Found</h1></html>", ProviderErrorKind.Rejected, "answers like Listmonk" },
        { "rate limited", false, 429, """{"message":"Too many requests"}""", ProviderErrorKind.RateLimited, null },
        { "database down", false, 500, """{"message":"Error fetching lists: connection refused"}""", ProviderErrorKind.Transient, null },
        { "backend down", false, 502, "<html>Bad Gateway</html>", ProviderErrorKind.Transient, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_listmonk_error_is_sorted(string name, bool atConnect, int status, string body, ProviderErrorKind kind, string? message)
    {
        var error = CannedResponses.Classify(new ListmonkErrorInspector(atConnect), "Listmonk", CannedResponses.Of(status, body), Now);

        Assert.NotNull(error);
        Assert.True(kind == error.Kind, $"{name}: expected {kind}, got {error.Kind}");
        if (message is not null) Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_success_is_not_an_error() =>
        Assert.Null(new ListmonkErrorInspector(atConnect: true).Inspect(CannedResponses.Of(200, """{"data":{"id":1,"name":"Default list"}}""")));
}
