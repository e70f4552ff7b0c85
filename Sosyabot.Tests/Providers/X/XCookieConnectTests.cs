using Sosyabot.Core.Providers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.X;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.X;

// Login type 2: the auth_token and ct0 cookies of a signed-in browser, checked with X before saving.
public class XCookieConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string VerifyPath = "/x-api/1.1/account/verify_credentials.json";

    private readonly OAuthConnectDriver _driver = new(fixture);
    private XEmulator X => fixture.Emulator.Platform<XEmulator>();

    private async Task<Channel> ConnectAsync(TestUser user, IReadOnlyDictionary<string, string> values)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialConnectService>().ConnectAsync(user.Id, user.WorkspaceId, XDefaults.Key, values);
    }

    private static Dictionary<string, string> Values(XWebCookies cookies) => new() { ["auth_token"] = cookies.AuthToken, ["ct0"] = cookies.Ct0 };

    [Fact]
    public async Task The_cookies_of_a_signed_in_session_connect_the_account_with_encrypted_cookies()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = X.CreateAccount($"u{Guid.NewGuid():N}"[..12], "Grace Hopper");
        var cookies = X.CreateWebSession(account);

        var saved = await ConnectAsync(user, Values(cookies));

        var channel = await _driver.ChannelAsync(saved.Id);
        Assert.Equal(account.Id, channel.Pid);
        Assert.Equal("Grace Hopper", channel.DisplayName);
        Assert.Equal(account.Username, channel.Username);
        Assert.Equal(account.ProfileImageUrl, channel.AvatarUrl);
        Assert.Equal(LoginType.Credentials, channel.LoginType);
        Assert.Null(channel.TokenExpiresAt);
        Assert.Null(channel.RefreshTokenCipher);
        Assert.DoesNotContain(cookies.AuthToken, channel.AccessTokenCipher);
        Assert.DoesNotContain(cookies.Ct0, channel.AccessTokenCipher);
        using var stored = JsonDocument.Parse((await _driver.TokensAsync(channel.Id)).AccessToken!);
        Assert.Equal(cookies.AuthToken, stored.RootElement.GetProperty("auth_token").GetString());
        Assert.Equal(cookies.Ct0, stored.RootElement.GetProperty("ct0").GetString());
        Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountConnected));
    }

    [Fact]
    public async Task The_check_is_made_the_way_the_x_web_app_makes_it()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var cookies = X.CreateWebSession(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var mark = _driver.Mark();

        await ConnectAsync(user, Values(cookies));

        var request = Assert.Single(_driver.RequestsSince(mark, "GET", VerifyPath));
        Assert.Equal($"Bearer {XEmulator.WebBearerToken}", request.Header("Authorization"));
        Assert.Equal($"auth_token={cookies.AuthToken}; ct0={cookies.Ct0}", request.Header("Cookie"));
        Assert.Equal(cookies.Ct0, request.Header("x-csrf-token"));
        Assert.Equal("OAuth2Session", request.Header("x-twitter-auth-type"));
        Assert.Equal("yes", request.Header("x-twitter-active-user"));
        Assert.StartsWith("Mozilla/5.0", request.Header("User-Agent"));
    }

    [Fact]
    public async Task Pasted_values_with_the_cookie_name_quotes_and_spaces_are_cleaned()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = X.CreateAccount($"u{Guid.NewGuid():N}"[..12]);
        var cookies = X.CreateWebSession(account);

        var saved = await ConnectAsync(user, new Dictionary<string, string>
        {
            ["auth_token"] = $"  auth_token={cookies.AuthToken};",
            ["ct0"] = $"\"{cookies.Ct0}\"\n",
        });

        Assert.Equal(account.Id, saved.Pid);
    }

    [Fact]
    public async Task Cookies_of_an_ended_session_are_refused_and_nothing_is_saved()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var cookies = X.CreateWebSession(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        X.EndWebSession(cookies.AuthToken);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values(cookies)));

        Assert.Equal(ProviderErrorKind.Auth, error.Kind);
        Assert.Contains("Could not authenticate you.", error.Message);
        Assert.Empty(await _driver.ChannelsAsync(user));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567; ct0=other", "auth_token")]
    [InlineData("0123456789abcdef0123456789abcdef\r\nX-Injected: 1", "auth_token")]
    [InlineData("short", "auth_token")]
    public async Task Values_that_are_not_a_bare_cookie_value_are_refused_before_x_is_called(string authToken, string named)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var mark = _driver.Mark();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            ConnectAsync(user, new Dictionary<string, string> { ["auth_token"] = authToken, ["ct0"] = "0123456789abcdef0123456789abcdef" }));

        Assert.Contains(named, error.Message);
        Assert.Empty(_driver.RequestsSince(mark, "GET", VerifyPath));
        Assert.Empty(await _driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task A_missing_cookie_is_named()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            ConnectAsync(user, new Dictionary<string, string> { ["auth_token"] = "0123456789abcdef0123456789abcdef01234567" }));

        Assert.Equal("ct0 cookie is required.", error.Message);
    }

    [Fact]
    public async Task Refreshing_a_cookie_channel_rechecks_the_session_and_a_signed_out_session_needs_reconnect()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var cookies = X.CreateWebSession(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var channel = await ConnectAsync(user, Values(cookies));
        var stored = await _driver.TokensAsync(channel.Id);
        var mark = _driver.Mark();

        Assert.True((await _driver.RefreshAsync(user, channel.Id)).Succeeded);
        Assert.Equal(stored, await _driver.TokensAsync(channel.Id));
        Assert.Single(_driver.RequestsSince(mark, "GET", VerifyPath));
        Assert.Empty(_driver.RequestsSince(mark, "POST", "/x-api/2/oauth2/token"));

        X.EndWebSession(cookies.AuthToken);
        var outcome = await _driver.RefreshAsync(user, channel.Id);

        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        Assert.Equal(ChannelStatus.NeedsReconnect, (await _driver.ChannelAsync(channel.Id)).Status);
        Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountNeedsReconnect));
    }

    [Fact]
    public async Task Cookies_of_an_account_connected_by_oauth_update_that_channel()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = X.SignIn(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var oauth = await _driver.ConnectAsync(user, XDefaults.Key);

        var byCookies = await ConnectAsync(user, Values(X.CreateWebSession(account)));

        Assert.Equal(oauth.ChannelId, byCookies.Id);
        var channel = Assert.Single(await _driver.ChannelsAsync(user));
        Assert.Equal(LoginType.Credentials, channel.LoginType);
    }
}
