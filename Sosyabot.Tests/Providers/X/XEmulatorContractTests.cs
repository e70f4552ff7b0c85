using System.Net;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;

namespace Sosyabot.Tests.Providers.X;

// The web session check refuses what x.com refuses; the provider never sends these requests, so the
// emulator's own answers are pinned here.
public sealed class XEmulatorContractTests : IAsyncLifetime
{
    private ProviderEmulator _emulator = default!;
    private XWebCookies _cookies = default!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        var x = new XEmulator();
        _emulator = await ProviderEmulator.StartAsync(x);
        _cookies = x.CreateWebSession(x.CreateAccount("someone"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("bearer", "cookie", "csrf", HttpStatusCode.OK, null)]
    [InlineData(null, "cookie", "csrf", HttpStatusCode.BadRequest, 215)]
    [InlineData("wrong-bearer", "cookie", "csrf", HttpStatusCode.Unauthorized, 89)]
    [InlineData("bearer", "cookie", null, HttpStatusCode.Forbidden, 353)]
    [InlineData("bearer", "cookie", "mismatch", HttpStatusCode.Forbidden, 353)]
    [InlineData("bearer", "no-ct0-cookie", "csrf", HttpStatusCode.Forbidden, 353)]
    [InlineData("bearer", "unknown-session", "csrf", HttpStatusCode.Unauthorized, 32)]
    public async Task Verify_credentials_requires_the_web_bearer_a_known_session_and_matching_csrf(
        string? bearer, string cookie, string? csrf, HttpStatusCode expected, int? code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _emulator.Url("x-api/1.1/account/verify_credentials.json"));
        if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", bearer == "bearer" ? $"Bearer {XEmulator.WebBearerToken}" : $"Bearer {bearer}");
        request.Headers.Add("Cookie", cookie switch
        {
            "no-ct0-cookie" => $"auth_token={_cookies.AuthToken}",
            "unknown-session" => $"auth_token=00000000000000000000; ct0={_cookies.Ct0}",
            _ => $"auth_token={_cookies.AuthToken}; ct0={_cookies.Ct0}",
        });
        if (csrf is not null) request.Headers.Add("x-csrf-token", csrf == "mismatch" ? "f00" : _cookies.Ct0);

        using var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (code is { } c) Assert.Contains($"\"code\":{c},", body);
        else Assert.Contains("\"screen_name\":\"someone\"", body);
    }
}
