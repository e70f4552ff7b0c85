using Sosyabot.Core.Providers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Secrets;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

public class MastodonConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private readonly MastodonFlow _flow = new(fixture);

    [Fact]
    public async Task Connecting_on_a_current_server_uses_pkce_and_state_and_saves_the_account()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);

        var start = await _flow.StartAsync(user, "Mastodon.Example");
        var authorize = QueryHelpers.ParseQuery(start.RedirectTo.Query);
        Assert.Equal(fixture.Emulator.Url("mastodon-a/oauth/authorize"), start.RedirectTo.GetLeftPart(UriPartial.Path));
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal(MastodonFlow.CallbackUri, authorize["redirect_uri"]);
        Assert.Equal("read:accounts write:statuses write:media", authorize["scope"]);
        Assert.Equal(start.State, authorize["state"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        var challenge = authorize["code_challenge"].ToString();
        Assert.Equal(43, challenge.Length);

        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.True(result.Succeeded, await _flow.ErrorOfAsync(user, result));
        var exchange = Form(fixture.Emulator.RequestsTo("POST", "/mastodon-a/oauth/token").Last().Body);
        Assert.Equal("authorization_code", exchange["grant_type"]);
        Assert.Equal(answer.Code, exchange["code"]);
        Assert.Equal(authorize["redirect_uri"], exchange["redirect_uri"]);
        Assert.Equal(authorize["client_id"], exchange["client_id"]);
        Assert.Equal(_flow.Current.Apps.Single(a => a.ClientId == exchange["client_id"]).ClientSecret, exchange["client_secret"]);
        Assert.Equal(challenge, S256(exchange["code_verifier"].ToString()));

        var channel = Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
        Assert.Equal(result.ChannelId, channel.Id);
        Assert.Equal("1@mastodon.example", channel.Pid);
        Assert.Equal("Alice", channel.DisplayName);
        Assert.Equal("@alice@mastodon.example", channel.Username);
        Assert.Equal("https://mastodon.example/system/accounts/avatars/1/original/alice.png", channel.AvatarUrl);
        Assert.Equal("https://mastodon.example", channel.Settings["instance"]!.GetValue<string>());
        Assert.Equal(LoginType.OAuth, channel.LoginType);
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.TokenExpiresAt);
        Assert.Null(channel.RefreshTokenCipher);

        var token = _flow.Current.TokenOf("1")!;
        Assert.DoesNotContain(token, channel.AccessTokenCipher);
        Assert.Equal(token, (await _flow.TokensAsync(channel))!.AccessToken);
        Assert.True(await _flow.WithDbAsync(db => db.WebhookEvents.AnyAsync(e => e.WorkspaceId == user.WorkspaceId && e.Type == WebhookEventTypes.AccountConnected)));
    }

    [Fact]
    public async Task Connecting_on_a_server_older_than_4_3_uses_state_alone()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);

        var start = await _flow.StartAsync(user, "https://old.mastodon.example/");
        var authorize = QueryHelpers.ParseQuery(start.RedirectTo.Query);
        Assert.Equal(fixture.Emulator.Url("mastodon-b/oauth/authorize"), start.RedirectTo.GetLeftPart(UriPartial.Path));
        Assert.Equal(start.State, authorize["state"]);
        Assert.False(authorize.ContainsKey("code_challenge"));
        Assert.False(authorize.ContainsKey("code_challenge_method"));
        Assert.Null(await _flow.WithDbAsync(db => db.OAuthStates.Where(s => s.UserId == user.Id).Select(s => s.CodeVerifierCipher).SingleAsync()));

        var result = await _flow.CompleteAsync(user, await MastodonFlow.AuthorizeAsync(start.RedirectTo), start.BrowserNonce);

        Assert.True(result.Succeeded, await _flow.ErrorOfAsync(user, result));
        var exchange = Form(fixture.Emulator.RequestsTo("POST", "/mastodon-b/oauth/token").Last(r => r.Body.Contains("authorization_code")).Body);
        Assert.False(exchange.ContainsKey("code_verifier"));
        Assert.Equal(MastodonFlow.CallbackUri, exchange["redirect_uri"]);
        var channel = Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
        Assert.Equal("1@old.mastodon.example", channel.Pid);
        Assert.Equal("@alice@old.mastodon.example", channel.Username);
        Assert.Equal("https://old.mastodon.example", channel.Settings["instance"]!.GetValue<string>());
        Assert.Equal(_flow.Old.TokenOf("1"), (await _flow.TokensAsync(channel))!.AccessToken);
    }

    [Fact]
    public async Task One_app_is_registered_per_server_and_reused_by_every_workspace_and_reconnect()
    {
        var first = await TestUsers.CreateAsync(fixture.Factory.Services);
        var second = await TestUsers.CreateAsync(fixture.Factory.Services);

        await _flow.ConnectAsync(first, "mastodon.example");
        await _flow.ConnectAsync(second, "https://mastodon.example");
        await _flow.ConnectAsync(first, "mastodon.example");
        await _flow.ConnectAsync(first, "old.mastodon.example");
        await _flow.ConnectAsync(second, "old.mastodon.example");

        Assert.Equal(1, _flow.Count("POST", "/mastodon-a/api/v1/apps"));
        Assert.Equal(1, _flow.Count("POST", "/mastodon-b/api/v1/apps"));
        var registrations = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().OrderBy(r => r.Issuer).ToListAsync());
        Assert.Equal(["https://mastodon.example", "https://old.mastodon.example"], registrations.Select(r => r.Issuer));
        Assert.All(registrations, r => Assert.Equal(MastodonDefaults.Key, r.Platform));
        Assert.All(registrations, r => Assert.Equal(MastodonFlow.CallbackUri, r.RedirectUri));
        Assert.All(registrations, r => Assert.Equal(MastodonDefaults.Scopes, r.Scopes));

        var app = Assert.Single(_flow.Current.Apps);
        Assert.Equal(app.ClientId, registrations[0].ClientId);
        Assert.Equal([MastodonFlow.CallbackUri], app.RedirectUris);
        Assert.Equal(["read:accounts", "write:statuses", "write:media"], app.Scopes);
        Assert.All(fixture.Emulator.RequestsTo("GET", "/mastodon-a/oauth/authorize"),
            r => Assert.Equal(app.ClientId, QueryHelpers.ParseQuery(r.Query)["client_id"]));

        // The secret is stored encrypted and bound to its row.
        var protector = fixture.Factory.Services.GetRequiredService<SecretProtector>();
        Assert.DoesNotContain(app.ClientSecret, registrations[0].ClientSecretCipher);
        Assert.True(protector.TryUnprotect(SecretKind.PlatformAppSecret, registrations[0].Id, registrations[0].ClientSecretCipher, out var secret));
        Assert.Equal(app.ClientSecret, secret);
        Assert.False(protector.TryUnprotect(SecretKind.PlatformAppSecret, registrations[1].Id, registrations[0].ClientSecretCipher, out _));
    }

    [Fact]
    public async Task The_same_account_id_on_two_servers_is_two_channels()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);

        await _flow.ConnectAsync(user, "mastodon.example");
        await _flow.ConnectAsync(user, "old.mastodon.example");

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<ChannelService>().ListAsync(user.Id, user.WorkspaceId);
        Assert.Equal(2, views.Count);
        Assert.Equal(["1@mastodon.example", "1@old.mastodon.example"], views.Select(v => v.Pid).Order());
        Assert.Equal(["https://mastodon.example", "https://old.mastodon.example"], views.Select(v => v.Instance).Order());
        Assert.Equal(["Alice", "Alice on the old server"], views.Select(v => v.DisplayName).Order());
    }

    [Fact]
    public async Task Reconnecting_updates_the_same_channel_in_place()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var first = await _flow.ConnectAsync(user, "mastodon.example");
        var before = Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
        var oldToken = (await _flow.TokensAsync(before))!.AccessToken;
        // The user revoked the app on their server; the channel was then found dead.
        _flow.Current.RevokeTokensOf("1");
        await _flow.WithDbAsync(db => db.Channels.Where(c => c.Id == before.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, ChannelStatus.NeedsReconnect).SetProperty(c => c.StatusReason, "revoked")));

        var second = await _flow.ConnectAsync(user, "mastodon.example");

        Assert.Equal(first.ChannelId, second.ChannelId);
        var after = Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(ChannelStatus.Active, after.Status);
        Assert.Null(after.StatusReason);
        Assert.True(after.TokenVersion > before.TokenVersion);
        var newToken = (await _flow.TokensAsync(after))!.AccessToken;
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(_flow.Current.TokenOf("1"), newToken);
    }

    [Fact]
    public async Task The_same_account_twice_is_one_channel_and_another_account_is_a_second()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);

        await _flow.ConnectAsync(user, "mastodon.example");
        await _flow.ConnectAsync(user, "mastodon.example");
        Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));

        _flow.Current.SignedInAccountId = "2";
        try
        {
            await _flow.ConnectAsync(user, "mastodon.example");
        }
        finally
        {
            _flow.Current.SignedInAccountId = "1";
        }

        var channels = await _flow.ChannelsAsync(user.WorkspaceId);
        Assert.Equal(["1@mastodon.example", "2@mastodon.example"], channels.Select(c => c.Pid));
        // An empty display name falls back to the user name.
        Assert.Equal("carol", channels[1].DisplayName);
        Assert.Equal("@carol@mastodon.example", channels[1].Username);
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form(string body) => QueryHelpers.ParseQuery(body);

    private static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
