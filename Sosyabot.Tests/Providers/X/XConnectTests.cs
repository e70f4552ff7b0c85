using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.X;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.X;

public class XConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string AuthorizePath = "/x-web/i/oauth2/authorize";
    private const string TokenPath = "/x-api/2/oauth2/token";
    private const string MePath = "/x-api/2/users/me";
    private static readonly string Callback = OAuthConnectDriver.CallbackUri(XDefaults.Key);

    private readonly OAuthConnectDriver _driver = new(fixture);
    private XEmulator X => fixture.Emulator.Platform<XEmulator>();

    private XAccount SignInNewAccount(string? name = null) => X.SignIn(X.CreateAccount($"u{Guid.NewGuid():N}"[..12], name));

    private async Task<(TestUser User, XAccount Account, Guid ChannelId)> ConnectNewAsync()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = SignInNewAccount();
        var result = await _driver.ConnectAsync(user, XDefaults.Key);
        Assert.True(result.Succeeded);
        return (user, account, result.ChannelId!.Value);
    }

    [Fact]
    public async Task Connecting_saves_the_account_with_its_profile_and_encrypted_tokens()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = SignInNewAccount(name: "Ada Lovelace");

        var result = await _driver.ConnectAsync(user, XDefaults.Key);

        Assert.True(result.Succeeded);
        var channel = Assert.Single(await _driver.ChannelsAsync(user));
        Assert.Equal(account.Id, channel.Pid);
        Assert.Equal("Ada Lovelace", channel.DisplayName);
        Assert.Equal(account.Username, channel.Username);
        Assert.Equal(account.ProfileImageUrl, channel.AvatarUrl);
        Assert.Equal(LoginType.OAuth, channel.LoginType);
        Assert.InRange(channel.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddSeconds(7100), DateTimeOffset.UtcNow.AddSeconds(7300));

        var issued = X.Issued.Single(i => i.AccountId == account.Id);
        Assert.DoesNotContain(issued.AccessToken, channel.AccessTokenCipher);
        Assert.DoesNotContain(issued.RefreshToken!, channel.RefreshTokenCipher);
        var tokens = await _driver.TokensAsync(channel.Id);
        Assert.Equal(issued.AccessToken, tokens.AccessToken);
        Assert.Equal(issued.RefreshToken, tokens.RefreshToken);
        Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountConnected));
    }

    [Fact]
    public async Task The_code_is_exchanged_with_the_pkce_verifier_of_the_challenge_basic_client_auth_and_the_same_redirect_uri()
    {
        var mark = _driver.Mark();
        var (_, account, _) = await ConnectNewAsync();

        var authorize = OAuthConnectDriver.Query(Assert.Single(_driver.RequestsSince(mark, "GET", AuthorizePath)));
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal("tweet.read tweet.write users.read media.write offline.access", authorize["scope"]);
        Assert.Equal(Callback, authorize["redirect_uri"]);

        var token = Assert.Single(_driver.RequestsSince(mark, "POST", TokenPath));
        var form = OAuthConnectDriver.Form(token);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal(XEmulator.ClientId, form["client_id"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal(Encoding.UTF8.GetBytes(authorize["redirect_uri"]), Encoding.UTF8.GetBytes(form["redirect_uri"]));
        var verifier = form["code_verifier"];
        Assert.InRange(verifier.Length, 43, 128);
        Assert.Equal(authorize["code_challenge"], Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{XEmulator.ClientId}:{XEmulator.ClientSecret}")), token.Header("Authorization"));

        var me = Assert.Single(_driver.RequestsSince(mark, "GET", MePath));
        Assert.Equal($"Bearer {X.Issued.Single(i => i.AccountId == account.Id).AccessToken}", me.Header("Authorization"));
        Assert.Equal("profile_image_url,username,name", OAuthConnectDriver.Query(me)["user.fields"]);
    }

    [Fact]
    public async Task Connecting_the_same_account_again_updates_the_one_channel_in_place()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        await _driver.ExecuteSqlAsync($"UPDATE channels SET status = {nameof(ChannelStatus.NeedsReconnect)}, status_reason = 'revoked' WHERE id = {channelId}");

        var again = await _driver.ConnectAsync(user, XDefaults.Key);

        Assert.Equal(channelId, again.ChannelId);
        var channel = Assert.Single(await _driver.ChannelsAsync(user));
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        var latest = X.Issued.Last(i => i.AccountId == account.Id);
        Assert.Equal(new ChannelTokens(latest.AccessToken, latest.RefreshToken), await _driver.TokensAsync(channelId));
    }

    [Fact]
    public async Task Refreshing_spends_the_single_use_refresh_token_once_and_stores_its_successor()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        var original = X.Issued.Single(i => i.AccountId == account.Id);
        var mark = _driver.Mark();

        Assert.True((await _driver.RefreshAsync(user, channelId)).Succeeded);
        var first = X.Issued.Last(i => i.AccountId == account.Id);
        Assert.Equal(new ChannelTokens(first.AccessToken, first.RefreshToken), await _driver.TokensAsync(channelId));
        Assert.NotEqual(original.RefreshToken, first.RefreshToken);

        Assert.True((await _driver.RefreshAsync(user, channelId)).Succeeded);
        var second = X.Issued.Last(i => i.AccountId == account.Id);
        Assert.Equal(new ChannelTokens(second.AccessToken, second.RefreshToken), await _driver.TokensAsync(channelId));

        var requests = _driver.RequestsSince(mark, "POST", TokenPath);
        Assert.Equal([original.RefreshToken!, first.RefreshToken!], requests.Select(r => OAuthConnectDriver.Form(r)["refresh_token"]));
        Assert.All(requests, r =>
        {
            Assert.StartsWith("Basic ", r.Header("Authorization"));
            Assert.Equal(XEmulator.ClientId, OAuthConnectDriver.Form(r)["client_id"]);
        });

        // The spent token is dead at X, exactly as a second app instance reusing it would find.
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var refresher = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().Find<ITokenRefresher>(XDefaults.Key)!;
        var channel = await _driver.ChannelAsync(channelId);
        var reuse = await Assert.ThrowsAsync<ProviderException>(() => refresher.RefreshAsync(channel.ToContext(new ChannelTokens(null, original.RefreshToken)), default));
        Assert.Equal(ProviderErrorKind.Auth, reuse.Kind);
        Assert.Contains("Value passed for the token was invalid.", reuse.Message);
    }

    [Fact]
    public async Task A_dead_refresh_token_marks_the_channel_for_reconnect_and_emits_an_event()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        X.RevokeAll(account);

        var outcome = await _driver.RefreshAsync(user, channelId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        Assert.Contains("Value passed for the token was invalid.", outcome.Message);
        var channel = await _driver.ChannelAsync(channelId);
        Assert.Equal(ChannelStatus.NeedsReconnect, channel.Status);
        Assert.Equal(outcome.Message, channel.StatusReason);
        var @event = Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountNeedsReconnect));
        Assert.Equal(channelId.ToString(), @event.Payload["channel_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, ProviderErrorKind.Unknown)] // a 500 on a POST may have been applied
    [InlineData(429, ProviderErrorKind.RateLimited)]
    public async Task A_failing_or_throttled_token_endpoint_leaves_the_channel_active_and_its_tokens_untouched(int status, ProviderErrorKind expected)
    {
        var (user, _, channelId) = await ConnectNewAsync();
        var before = await _driver.TokensAsync(channelId);
        fixture.Emulator.Inject("POST", TokenPath, status == 429
            ? new Fault(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", "60", ContentType: "application/problem+json")
            : Fault.Unavailable);

        var outcome = await _driver.RefreshAsync(user, channelId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(expected, outcome.ErrorKind);
        var channel = await _driver.ChannelAsync(channelId);
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Equal(before, await _driver.TokensAsync(channelId));
        Assert.Empty(await _driver.EventsAsync(user, WebhookEventTypes.AccountNeedsReconnect));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
