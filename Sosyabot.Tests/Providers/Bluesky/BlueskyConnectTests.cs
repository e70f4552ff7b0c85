using Sosyabot.Core.Providers;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string CreateSession = "/bsky/xrpc/com.atproto.server.createSession";

    private BlueskyEmulator Bluesky => fixture.Emulator.Platform<BlueskyEmulator>();
    private IServiceProvider Services => fixture.Factory.Services;

    private static Dictionary<string, string> Values(string identifier, string password, string? pds = null)
    {
        var values = new Dictionary<string, string> { ["identifier"] = identifier, ["app_password"] = password };
        if (pds is not null) values["pds"] = pds;
        return values;
    }

    private Task<Channel> ConnectAsync(TestUser user, Dictionary<string, string> values) =>
        CredentialChannels.ConnectAsync(Services, user, BlueskyDefaults.Key, values);

    [Fact]
    public async Task Connecting_saves_the_account_with_its_profile_and_an_encrypted_session()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.Main.CreateAccount(displayName: "Alice Example", accessLifetime: TimeSpan.FromMinutes(97));

        var channel = await ConnectAsync(user, Values("@" + account.Handle, account.AppPassword));

        var saved = await CredentialChannels.GetAsync(Services, channel.Id);
        var session = Bluesky.Main.LastSessionOf(account);
        Assert.Equal(account.Did, saved.Pid);
        Assert.Equal("Alice Example", saved.DisplayName);
        Assert.Equal(account.Handle, saved.Username);
        Assert.Equal(account.Avatar, saved.AvatarUrl);
        Assert.Equal(LoginType.Credentials, saved.LoginType);
        Assert.Equal(ChannelStatus.Active, saved.Status);
        Assert.Equal("https://bsky.social", saved.Settings["pds"]!.GetValue<string>());
        // The expiry is the exp claim of the access JWT (97 minutes here), not a guessed default.
        Assert.Equal(session.AccessExpiresAt, saved.TokenExpiresAt);
        Assert.Equal(session.RefreshExpiresAt, saved.RefreshTokenExpiresAt);

        var tokens = await CredentialChannels.TokensAsync(Services, channel.Id);
        Assert.Equal(session.AccessJwt, tokens.AccessToken);
        Assert.Equal(session.RefreshJwt, tokens.RefreshToken);
        var stored = await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId);
        Assert.DoesNotContain(session.AccessJwt, stored);
        Assert.DoesNotContain(session.RefreshJwt, stored);
        Assert.DoesNotContain(account.AppPassword, stored);
        Assert.Single(await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountConnected));

        // The emulator saw the documented calls: the login with the typed handle, then the profile by DID.
        var login = fixture.Emulator.RequestsTo("POST", CreateSession).Last(r => r.Body.Contains(account.Handle));
        Assert.Contains($"\"identifier\":\"{account.Handle}\"", login.Body);
        var profile = fixture.Emulator.RequestsTo("GET", "/bsky/xrpc/app.bsky.actor.getProfile").Last(r => r.Query.Contains(Uri.EscapeDataString(account.Did)));
        Assert.Equal($"Bearer {session.AccessJwt}", profile.Header("Authorization"));
    }

    [Fact]
    public async Task A_self_hosted_pds_is_used_for_every_call_and_stored_normalised()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.SelfHosted.CreateAccount();

        var channel = await ConnectAsync(user, Values(account.Email, account.AppPassword, pds: "PDS.example/"));

        Assert.Equal("https://pds.example", channel.Settings["pds"]!.GetValue<string>());
        Assert.Equal(account.Did, channel.Pid);
        // No display name on the profile: the handle stands in.
        Assert.Equal(account.Handle, channel.DisplayName);
        Assert.Contains(fixture.Emulator.RequestsTo("POST", "/pds/xrpc/com.atproto.server.createSession"), r => r.Body.Contains(account.Email));
        Assert.DoesNotContain(fixture.Emulator.RequestsTo("POST", CreateSession), r => r.Body.Contains(account.Email));
    }

    [Fact]
    public async Task Connecting_the_same_account_again_updates_the_channel_in_place()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.Main.CreateAccount(displayName: "Carol");
        var first = await ConnectAsync(user, Values(account.Handle, account.AppPassword));
        await CredentialChannels.MarkNeedsReconnectAsync(Services, first.Id);

        // The same account typed as its email this time: same DID, so the same channel.
        var second = await ConnectAsync(user, Values(account.Email, account.AppPassword));

        Assert.Equal(first.Id, second.Id);
        var channel = Assert.Single(await CredentialChannels.ListAsync(Services, user.WorkspaceId, BlueskyDefaults.Key));
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        Assert.True(channel.TokenVersion > first.TokenVersion);
        var tokens = await CredentialChannels.TokensAsync(Services, channel.Id);
        Assert.Equal(Bluesky.Main.LastSessionOf(account).AccessJwt, tokens.AccessToken);
    }

    [Fact]
    public async Task A_wrong_app_password_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.Main.CreateAccount();

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values(account.Handle, "wxyz-wxyz-wxyz-wxyz")));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("handle or app password is wrong", error.Message);
        Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, BlueskyDefaults.Key));
        Assert.Empty(await CredentialChannels.EventsAsync(Services, user.WorkspaceId));
    }

    [Fact]
    public async Task Something_that_is_not_an_app_password_is_refused_before_Bluesky_is_asked()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.Main.CreateAccount();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ConnectAsync(user, Values(account.Handle, account.MainPassword)));

        Assert.Contains("xxxx-xxxx-xxxx-xxxx", error.Message);
        Assert.Contains("main Bluesky password", error.Message);
        Assert.DoesNotContain(account.MainPassword, error.Message);
        Assert.DoesNotContain(fixture.Emulator.RequestsTo("POST", CreateSession), r => r.Body.Contains(account.Handle));
        Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, BlueskyDefaults.Key));
    }

    [Theory]
    [InlineData("identifier", "Handle or email is required.")]
    [InlineData("app_password", "App password is required.")]
    public async Task Each_required_field_is_named_when_missing(string missing, string message)
    {
        var user = await TestUsers.CreateAsync(Services);
        var values = Values("someone.bsky.social", "abcd-efgh-ijkl-mnop");
        values[missing] = " ";

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ConnectAsync(user, values));

        Assert.Equal(message, error.Message);
        Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, BlueskyDefaults.Key));
    }

    [Fact]
    public async Task A_pds_address_without_https_is_refused()
    {
        var user = await TestUsers.CreateAsync(Services);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            ConnectAsync(user, Values("someone.pds.example", "abcd-efgh-ijkl-mnop", pds: "http://pds.example")));

        Assert.Contains("https://", error.Message);
    }

    [Fact]
    public async Task A_profile_that_cannot_be_read_still_connects_under_the_handle()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.Main.CreateAccount(displayName: "Dana");
        fixture.Emulator.Inject("GET", "/bsky/xrpc/app.bsky.actor.getProfile", Fault.Unavailable);

        var channel = await ConnectAsync(user, Values(account.Handle, account.AppPassword));

        Assert.Equal(account.Handle, channel.DisplayName);
        Assert.Null(channel.AvatarUrl);
        Assert.Equal(account.Did, channel.Pid);
    }

    [Fact]
    public async Task A_rate_limited_login_says_when_to_try_again_and_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Bluesky.SelfHosted.CreateAccount();
        Bluesky.SelfHosted.LimitLoginsUntil(DateTimeOffset.UtcNow.AddMinutes(4));
        try
        {
            var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values(account.Handle, account.AppPassword, pds: "https://pds.example")));

            Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
            // From the ratelimit-reset header (epoch seconds), not a default.
            Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
            Assert.Matches(@"^Bluesky is rate-limiting this account; try again in [34] minutes \(at \d\d:\d\d UTC\)\.$", error.Message);
            Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, BlueskyDefaults.Key));
        }
        finally
        {
            Bluesky.SelfHosted.LimitLoginsUntil(DateTimeOffset.MinValue);
        }
    }
}
