using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyRefreshTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string RefreshSession = "/bsky/xrpc/com.atproto.server.refreshSession";
    private const string CreateSession = "/bsky/xrpc/com.atproto.server.createSession";

    private BlueskyPds Pds => fixture.Emulator.Platform<BlueskyEmulator>().Main;
    private IServiceProvider Services => fixture.Factory.Services;

    private async Task<(TestUser User, BlueskyAccount Account, Channel Channel)> ConnectedAsync()
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Pds.CreateAccount(displayName: "Refresher");
        var channel = await CredentialChannels.ConnectAsync(Services, user, BlueskyDefaults.Key,
            new Dictionary<string, string> { ["identifier"] = account.Handle, ["app_password"] = account.AppPassword });
        return (user, account, channel);
    }

    private IEnumerable<RecordedRequest> RefreshesWith(string refreshJwt) =>
        fixture.Emulator.RequestsTo("POST", RefreshSession).Where(r => r.Header("Authorization") == $"Bearer {refreshJwt}");

    [Fact]
    public async Task A_refresh_rotates_the_session_once_and_the_old_refresh_token_is_dead_afterwards()
    {
        var (user, account, channel) = await ConnectedAsync();
        var before = Pds.LastSessionOf(account);
        var logins = fixture.Emulator.RequestsTo("POST", CreateSession).Count();

        var outcome = await CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion);

        Assert.True(outcome.Succeeded, outcome.Message);
        var after = Pds.LastSessionOf(account);
        Assert.NotEqual(before.RefreshJwt, after.RefreshJwt);
        Assert.Single(RefreshesWith(before.RefreshJwt));
        var tokens = await CredentialChannels.TokensAsync(Services, channel.Id);
        Assert.Equal(after.AccessJwt, tokens.AccessToken);
        Assert.Equal(after.RefreshJwt, tokens.RefreshToken);
        var saved = await CredentialChannels.GetAsync(Services, channel.Id);
        Assert.Equal(after.AccessExpiresAt, saved.TokenExpiresAt);
        Assert.Equal(channel.TokenVersion + 1, saved.TokenVersion);
        Assert.Single(await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountRefreshed));
        // Refreshing never logs in again.
        Assert.Equal(logins, fixture.Emulator.RequestsTo("POST", CreateSession).Count());

        // The PDS no longer takes the old refresh JWT, as a real one answers a reused token.
        Assert.False(Pds.IsLiveRefreshToken(before.RefreshJwt));
        using var http = new HttpClient();
        using var replay = new HttpRequestMessage(HttpMethod.Post, fixture.Emulator.Url(RefreshSession));
        replay.Headers.Authorization = new AuthenticationHeaderValue("Bearer", before.RefreshJwt);
        using var answer = await http.SendAsync(replay);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("\"error\":\"ExpiredToken\"", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_session_marks_the_channel_for_reconnect_with_an_event_and_no_login_attempt()
    {
        var (user, account, channel) = await ConnectedAsync();
        var session = Pds.LastSessionOf(account);
        Pds.RevokeSessions(account);
        var logins = fixture.Emulator.RequestsTo("POST", CreateSession).Count();

        var outcome = await CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        var saved = await CredentialChannels.GetAsync(Services, channel.Id);
        Assert.Equal(ChannelStatus.NeedsReconnect, saved.Status);
        Assert.Contains("Reconnect", saved.StatusReason);
        var needsReconnect = Assert.Single(await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect));
        Assert.Equal(channel.Id.ToString(), needsReconnect.Payload["channel_id"]!.GetValue<string>());
        Assert.Contains("Token has been revoked", needsReconnect.Payload["reason"]!.GetValue<string>());
        Assert.Equal(logins, fixture.Emulator.RequestsTo("POST", CreateSession).Count());
        var stored = await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId);
        Assert.DoesNotContain(session.RefreshJwt, stored);
        Assert.DoesNotContain(session.AccessJwt, stored);
    }

    [Fact]
    public async Task A_server_error_leaves_the_channel_active_with_its_session()
    {
        var (user, account, channel) = await ConnectedAsync();
        var session = Pds.LastSessionOf(account);
        fixture.Emulator.Inject("POST", RefreshSession, Fault.Unavailable);

        var outcome = await CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion);

        // The PDS may have rotated the session before failing: Unknown, and never a reconnect.
        Assert.Equal(ProviderErrorKind.Unknown, outcome.ErrorKind);
        var saved = await CredentialChannels.GetAsync(Services, channel.Id);
        Assert.Equal(ChannelStatus.Active, saved.Status);
        Assert.Equal(channel.TokenVersion, saved.TokenVersion);
        Assert.Equal(session.RefreshJwt, (await CredentialChannels.TokensAsync(Services, channel.Id)).RefreshToken);
        Assert.True(Pds.IsLiveRefreshToken(session.RefreshJwt));
        Assert.Empty(await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect));
    }

    [Fact]
    public async Task A_rate_limited_refresh_leaves_the_channel_active_and_says_when_to_retry()
    {
        var (_, _, channel) = await ConnectedAsync();
        fixture.Emulator.Inject("POST", RefreshSession,
            new Fault(429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""", RetryAfter: "90"));

        var outcome = await CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion);

        Assert.Equal(ProviderErrorKind.RateLimited, outcome.ErrorKind);
        Assert.Matches(@"^Bluesky is rate-limiting this account; try again in \d+ (seconds?|minutes?) \(at \d\d:\d\d UTC\)\.$", outcome.Message);
        Assert.Equal(ChannelStatus.Active, (await CredentialChannels.GetAsync(Services, channel.Id)).Status);
    }

    // R-3.1 / R-3.2: two refreshes of the same expired session at once spend the refresh token once; the
    // second waits on the row lock and then finds the first one's tokens.
    [Fact]
    public async Task Two_concurrent_refreshes_call_the_PDS_once_and_both_end_with_the_same_tokens()
    {
        var (_, account, channel) = await ConnectedAsync();
        var before = Pds.LastSessionOf(account);
        var gate = Pds.HoldRefreshes();
        RefreshOutcome[] outcomes;
        try
        {
            var first = Task.Run(() => CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion));
            await gate.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var second = Task.Run(() => CredentialChannels.RefreshAsync(Services, channel.Id, channel.TokenVersion));
            await WaitForALockWaiterAsync();
            gate.Released.SetResult();
            outcomes = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Pds.StopHoldingRefreshes();
        }

        Assert.Single(RefreshesWith(before.RefreshJwt));
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        var after = Pds.LastSessionOf(account);
        Assert.All(outcomes, o => Assert.Equal(after.AccessExpiresAt, o.ExpiresAt));
        var tokens = await CredentialChannels.TokensAsync(Services, channel.Id);
        Assert.Equal(after.AccessJwt, tokens.AccessToken);
        Assert.Equal(after.RefreshJwt, tokens.RefreshToken);
        var saved = await CredentialChannels.GetAsync(Services, channel.Id);
        Assert.Equal(ChannelStatus.Active, saved.Status);
        Assert.Equal(channel.TokenVersion + 1, saved.TokenVersion);
    }

    // The second refresh is blocked on the channel row held by the first: PostgreSQL reports it waiting on a lock.
    private async Task WaitForALockWaiterAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0) return;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("The second refresh never waited on the channel lock.");
            await Task.Delay(20);
        }
    }
}
