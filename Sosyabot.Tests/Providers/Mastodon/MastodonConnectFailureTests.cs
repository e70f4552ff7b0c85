using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Connections;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

// Every way a connect can fail: each leaves no channel behind and says why.
public class MastodonConnectFailureTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string TokenPath = "/mastodon-a/oauth/token";
    private readonly MastodonFlow _flow = new(fixture);

    [Fact]
    public async Task Declining_on_the_server_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var exchanges = _flow.Count("POST", TokenPath);
        fixture.Emulator.Consent = ConsentMode.Deny;
        AuthorizeAnswer answer;
        try
        {
            answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        }
        finally
        {
            fixture.Emulator.Consent = ConsentMode.Allow;
        }

        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.Equal("access_denied", answer.Error);
        Assert.False(result.Succeeded);
        Assert.Contains("did not allow access on Mastodon", await _flow.ErrorOfAsync(user, result));
        Assert.Equal(exchanges, _flow.Count("POST", TokenPath));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_without_a_second_exchange()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        Assert.True((await _flow.CompleteAsync(user, answer, start.BrowserNonce)).Succeeded);
        var exchanges = _flow.Count("POST", TokenPath);

        var replay = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(replay.Succeeded);
        Assert.Equal(ConnectError.InvalidState, replay.ErrorCode);
        Assert.Equal(exchanges, _flow.Count("POST", TokenPath));
        Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_callback_replayed_after_a_failure_is_refused_even_from_the_right_browser()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        var first = await _flow.CompleteAsync(user, answer, "another-browser");
        Assert.False(first.Succeeded);
        var exchanges = _flow.Count("POST", TokenPath);

        var replay = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(replay.Succeeded);
        // The state was spent by the first callback; the attempt keeps the first reason.
        Assert.Equal(first.FailedAttemptId, replay.FailedAttemptId);
        Assert.Contains("another browser", await _flow.ErrorOfAsync(user, replay));
        Assert.Equal(exchanges, _flow.Count("POST", TokenPath));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task An_expired_flow_is_refused()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        await _flow.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE oauth_states SET expires_at = now() - interval '1 minute' WHERE state_hash = {OAuthSecrets.Hash(start.State)}"));
        var exchanges = _flow.Count("POST", TokenPath);

        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("expired", await _flow.ErrorOfAsync(user, result));
        Assert.Equal(exchanges, _flow.Count("POST", TokenPath));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_callback_in_another_browser_is_refused()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "old.mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        var exchanges = _flow.Count("POST", "/mastodon-b/oauth/token");

        var result = await _flow.CompleteAsync(user, answer, OAuthSecrets.NewRandom());

        Assert.False(result.Succeeded);
        Assert.Contains("another browser", await _flow.ErrorOfAsync(user, result));
        Assert.Equal(exchanges, _flow.Count("POST", "/mastodon-b/oauth/token"));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_server_error_during_the_exchange_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        fixture.Emulator.Inject("POST", TokenPath, Fault.Unavailable);

        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("mastodon.example is having trouble (HTTP 500)", await _flow.ErrorOfAsync(user, result));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_code_the_server_does_not_know_is_refused_with_its_reason()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);

        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce, code: "forged-code");

        Assert.False(result.Succeeded);
        Assert.Contains("The provided authorization grant is invalid", await _flow.ErrorOfAsync(user, result));
        var exchange = fixture.Emulator.RequestsTo("POST", TokenPath).Last();
        Assert.Contains("code=forged-code", exchange.Body);
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_token_the_server_rejects_when_reading_the_profile_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        fixture.Emulator.Inject("GET", "/mastodon-a/api/v1/accounts/verify_credentials", new Fault(401, """{"error":"The access token is invalid"}"""));

        var result = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("The access token is invalid", await _flow.ErrorOfAsync(user, result));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Theory]
    [InlineData("http://mastodon.example", "https")]
    [InlineData("not a url", "not a server address")]
    [InlineData("https://mastodon.example/path", "without a path")]
    [InlineData("https://alice:secret@mastodon.example", "without a user name or password")]
    [InlineData("", "Enter the address")]
    public async Task A_bad_server_address_is_refused_before_any_request(string instance, string reason)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var requests = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _flow.StartAsync(user, instance));

        Assert.Contains(reason, error.Message);
        Assert.Equal(requests, fixture.Emulator.Requests.Count);
        Assert.False(await _flow.WithDbAsync(db => db.OAuthStates.AnyAsync(s => s.UserId == user.Id)));
    }
}
