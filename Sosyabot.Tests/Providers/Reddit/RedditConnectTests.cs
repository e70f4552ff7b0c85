using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Reddit;

public class RedditConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string AuthorizePath = "/reddit-www/api/v1/authorize";
    private const string TokenPath = "/reddit-www/api/v1/access_token";
    private const string MePath = "/reddit-oauth/api/v1/me";
    private static readonly string Callback = OAuthConnectDriver.CallbackUri(RedditDefaults.Key);

    private readonly OAuthConnectDriver _driver = new(fixture);
    private RedditEmulator Reddit => fixture.Emulator.Platform<RedditEmulator>();

    private RedditAccount SignInNewAccount(string? title = null) =>
        Reddit.SignIn(Reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12], title));

    private async Task<(TestUser User, RedditAccount Account, Guid ChannelId)> ConnectNewAsync()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = SignInNewAccount();
        var result = await _driver.ConnectAsync(user, RedditDefaults.Key);
        Assert.True(result.Succeeded);
        return (user, account, result.ChannelId!.Value);
    }

    [Fact]
    public async Task Connecting_saves_the_account_with_its_profile_and_encrypted_tokens()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = SignInNewAccount(title: "Friendly Poster");

        var result = await _driver.ConnectAsync(user, RedditDefaults.Key);

        Assert.True(result.Succeeded);
        var channel = Assert.Single(await _driver.ChannelsAsync(user));
        Assert.Equal(result.ChannelId, channel.Id);
        Assert.Equal(account.Id, channel.Pid);
        Assert.Equal("Friendly Poster", channel.DisplayName);
        Assert.Equal(account.Name, channel.Username);
        // raw_json=1 keeps '&' unescaped, and the resizing query is dropped.
        Assert.Equal($"https://styles.redditmedia.com/t5_{account.Id}/styles/profileIcon_{account.Name}.png", channel.AvatarUrl);
        Assert.Equal(LoginType.OAuth, channel.LoginType);
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.InRange(channel.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddSeconds(3500), DateTimeOffset.UtcNow.AddSeconds(3700));

        var issued = Reddit.Issued.Single(i => i.AccountId == account.Id);
        Assert.NotNull(issued.RefreshToken);
        Assert.DoesNotContain(issued.AccessToken, channel.AccessTokenCipher);
        Assert.DoesNotContain(issued.RefreshToken, channel.RefreshTokenCipher);
        var tokens = await _driver.TokensAsync(channel.Id);
        Assert.Equal(issued.AccessToken, tokens.AccessToken);
        Assert.Equal(issued.RefreshToken, tokens.RefreshToken);
        Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountConnected));
    }

    [Fact]
    public async Task The_flow_asks_for_a_permanent_grant_and_every_server_call_carries_the_user_agent_and_basic_client_auth()
    {
        var mark = _driver.Mark();
        var (_, account, _) = await ConnectNewAsync();

        var authorize = OAuthConnectDriver.Query(Assert.Single(_driver.RequestsSince(mark, "GET", AuthorizePath)));
        Assert.Equal(RedditEmulator.ClientId, authorize["client_id"]);
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal("permanent", authorize["duration"]);
        Assert.Equal("identity submit read history", authorize["scope"]);
        // Reddit has no PKCE: nothing is sent that it would ignore.
        Assert.False(authorize.ContainsKey("code_challenge"));

        var token = Assert.Single(_driver.RequestsSince(mark, "POST", TokenPath));
        var me = Assert.Single(_driver.RequestsSince(mark, "GET", MePath));
        Assert.Equal(RedditEmulator.UserAgent, token.Header("User-Agent"));
        Assert.Equal(RedditEmulator.UserAgent, me.Header("User-Agent"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RedditEmulator.ClientId}:{RedditEmulator.ClientSecret}")), token.Header("Authorization"));
        var form = OAuthConnectDriver.Form(token);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal($"bearer {Reddit.Issued.Single(i => i.AccountId == account.Id).AccessToken}", me.Header("Authorization"));
        Assert.Equal("1", OAuthConnectDriver.Query(me)["raw_json"]);
    }

    [Fact]
    public async Task The_browser_goes_to_the_overridden_real_authorize_url_and_the_token_call_repeats_its_redirect_uri_exactly()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var mark = _driver.Mark();

        var start = await _driver.StartAsync(user, RedditDefaults.Key);

        // The configured redirect URI: App:BaseUrl plus the platform's callback path, never the Host header.
        string configured;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            configured = scope.ServiceProvider.GetRequiredService<IOptions<AppOptions>>().Value.CallbackUri(RedditDefaults.Key);
            // The same request built by the provider with the real host, then passed through the host overrides.
            var provider = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().Find<IOAuthProvider>(RedditDefaults.Key)!;
            var real = (await provider.CreateAuthorizationAsync(new OAuthAuthorizationRequest(start.State, configured, "unused", null), default)).AuthorizeUrl;
            Assert.Equal("https://www.reddit.com/api/v1/authorize", real.GetLeftPart(UriPartial.Path));
            Assert.Equal(scope.ServiceProvider.GetRequiredService<HostOverrides>().Rewrite(real), start.RedirectTo);
        }
        Assert.Equal(Callback, configured);
        Assert.StartsWith(fixture.Emulator.Url("reddit-www/api/v1/authorize") + "?", start.RedirectTo.AbsoluteUri);
        Assert.Equal(configured, QueryHelpers.ParseQuery(start.RedirectTo.Query)["redirect_uri"].ToString());

        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        var result = await _driver.CompleteAsync(user, RedditDefaults.Key, callback, start.BrowserNonce);

        Assert.True(result.Succeeded);
        var sentToAuthorize = OAuthConnectDriver.Query(Assert.Single(_driver.RequestsSince(mark, "GET", AuthorizePath)))["redirect_uri"];
        var sentToToken = OAuthConnectDriver.Form(Assert.Single(_driver.RequestsSince(mark, "POST", TokenPath)))["redirect_uri"];
        Assert.Equal(configured, sentToAuthorize);
        Assert.Equal(Encoding.UTF8.GetBytes(sentToAuthorize), Encoding.UTF8.GetBytes(sentToToken));
    }

    [Fact]
    public async Task Connecting_the_same_account_again_updates_the_one_channel_in_place()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        await _driver.ExecuteSqlAsync($"UPDATE channels SET status = {nameof(ChannelStatus.NeedsReconnect)}, status_reason = 'revoked' WHERE id = {channelId}");
        var before = await _driver.ChannelAsync(channelId);

        var again = await _driver.ConnectAsync(user, RedditDefaults.Key);

        Assert.Equal(channelId, again.ChannelId);
        var channel = Assert.Single(await _driver.ChannelsAsync(user));
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        Assert.True(channel.TokenVersion > before.TokenVersion);
        var latest = Reddit.Issued.Last(i => i.AccountId == account.Id);
        var tokens = await _driver.TokensAsync(channelId);
        Assert.Equal(latest.AccessToken, tokens.AccessToken);
        Assert.Equal(latest.RefreshToken, tokens.RefreshToken);
    }

    [Fact]
    public async Task Refreshing_stores_the_new_access_token_and_keeps_the_refresh_token_reddit_did_not_resend()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        var original = Reddit.Issued.Single(i => i.AccountId == account.Id);
        var mark = _driver.Mark();

        var outcome = await _driver.RefreshAsync(user, channelId);

        Assert.True(outcome.Succeeded, outcome.Message);
        var refreshed = Reddit.Issued.Last(i => i.AccountId == account.Id);
        Assert.Null(refreshed.RefreshToken);
        var tokens = await _driver.TokensAsync(channelId);
        Assert.Equal(refreshed.AccessToken, tokens.AccessToken);
        Assert.Equal(original.RefreshToken, tokens.RefreshToken);
        var request = Assert.Single(_driver.RequestsSince(mark, "POST", TokenPath));
        Assert.Equal(RedditEmulator.UserAgent, request.Header("User-Agent"));
        Assert.StartsWith("Basic ", request.Header("Authorization"));
        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = original.RefreshToken! }, OAuthConnectDriver.Form(request));
        Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountRefreshed));
    }

    [Fact]
    public async Task When_reddit_sends_a_new_refresh_token_it_replaces_the_stored_one_and_is_used_next()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        var original = Reddit.Issued.Single(i => i.AccountId == account.Id);
        var mark = _driver.Mark();
        Reddit.RotateRefreshTokens = true;
        try
        {
            Assert.True((await _driver.RefreshAsync(user, channelId)).Succeeded);
            var first = Reddit.Issued.Last(i => i.AccountId == account.Id);
            Assert.Equal(first.RefreshToken, (await _driver.TokensAsync(channelId)).RefreshToken);

            Assert.True((await _driver.RefreshAsync(user, channelId)).Succeeded);
            var second = Reddit.Issued.Last(i => i.AccountId == account.Id);
            Assert.Equal(second.RefreshToken, (await _driver.TokensAsync(channelId)).RefreshToken);

            var sent = _driver.RequestsSince(mark, "POST", TokenPath).Select(r => OAuthConnectDriver.Form(r)["refresh_token"]).ToList();
            Assert.Equal([original.RefreshToken!, first.RefreshToken!], sent);
        }
        finally
        {
            Reddit.RotateRefreshTokens = false;
        }
    }

    [Fact]
    public async Task A_revoked_grant_marks_the_channel_for_reconnect_and_emits_an_event()
    {
        var (user, account, channelId) = await ConnectNewAsync();
        Reddit.RevokeAll(account);

        var outcome = await _driver.RefreshAsync(user, channelId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        var channel = await _driver.ChannelAsync(channelId);
        Assert.Equal(ChannelStatus.NeedsReconnect, channel.Status);
        Assert.Contains("Reconnect", channel.StatusReason);
        var @event = Assert.Single(await _driver.EventsAsync(user, WebhookEventTypes.AccountNeedsReconnect));
        Assert.Equal(channelId.ToString(), @event.Payload["channel_id"]!.GetValue<string>());
        Assert.Equal(channel.StatusReason, @event.Payload["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, ProviderErrorKind.Unknown)] // a 500 on a POST may have been applied
    [InlineData(429, ProviderErrorKind.RateLimited)]
    public async Task A_failing_or_throttled_token_endpoint_leaves_the_channel_active_and_its_tokens_untouched(int status, ProviderErrorKind expected)
    {
        var (user, _, channelId) = await ConnectNewAsync();
        var before = await _driver.TokensAsync(channelId);
        fixture.Emulator.Inject("POST", TokenPath, status == 429 ? Fault.RateLimited(30) : Fault.Unavailable);

        var outcome = await _driver.RefreshAsync(user, channelId);

        Assert.False(outcome.Succeeded);
        Assert.Equal(expected, outcome.ErrorKind);
        var channel = await _driver.ChannelAsync(channelId);
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        Assert.Equal(before, await _driver.TokensAsync(channelId));
        Assert.Empty(await _driver.EventsAsync(user, WebhookEventTypes.AccountNeedsReconnect));
    }

    [Fact]
    public async Task A_code_reddit_refuses_with_http_200_fails_the_connect_and_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var start = await _driver.StartAsync(user, RedditDefaults.Key);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        // Someone (a leaked URL, a double submit) spends the code at Reddit first.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().Find<IOAuthProvider>(RedditDefaults.Key)!;
            await provider.ExchangeCodeAsync(new OAuthCodeExchange(callback.Code!, Callback, null, null), default);
        }

        var result = await _driver.CompleteAsync(user, RedditDefaults.Key, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("invalid_grant", await _driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await _driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task Wrong_client_credentials_are_an_operator_problem_not_the_users()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var provider = new RedditProvider(
            scope.ServiceProvider.GetRequiredService<ProviderApiFactory>(),
            Options.Create(new RedditOptions { ClientId = RedditEmulator.ClientId, ClientSecret = "wrong", UserAgent = RedditEmulator.UserAgent }),
            TimeProvider.System);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.ExchangeCodeAsync(new OAuthCodeExchange("code", Callback, null, null), default));

        Assert.Equal(ProviderErrorKind.AppMisconfigured, error.Kind);
        Assert.Contains("Providers:Reddit:ClientSecret", error.Message);
    }
}
