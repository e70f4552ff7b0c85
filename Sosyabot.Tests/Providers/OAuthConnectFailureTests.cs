using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers;

// The ways a connect can fail, for one OAuth platform against its emulator. In every one of them no
// channel is saved, and where the flow stops before the exchange the platform never sees the code.
public abstract class OAuthConnectFailureTests(EmulatedAppFixture fixture)
{
    protected OAuthConnectDriver Driver { get; } = new(fixture);
    protected EmulatedAppFixture Fixture => fixture;

    protected abstract string Platform { get; }

    // The server the user names, on platforms that have more than one.
    protected virtual string? Instance => null;

    // How the platform's own error messages name it.
    protected virtual string ServerName => DisplayName;

    protected abstract string TokenPath { get; }
    protected abstract string ProfilePath { get; }

    // What the platform says about a code it never issued.
    protected abstract string UnknownCodeReason { get; }

    // The platform's answer to an access token it does not accept, and the reason the user must see.
    protected abstract (Fault Answer, string Reason) RefusedToken { get; }

    // Creates an account on the emulated platform and signs it in on the test's "browser".
    protected abstract void SignInNewAccount();

    private string DisplayName => PlatformCatalog.Find(Platform)!.DisplayName;
    private string Callback => OAuthConnectDriver.CallbackUri(Platform);

    [Fact]
    public async Task Denied_consent_saves_nothing_and_says_why()
    {
        var user = await SignedInUserAsync();
        var mark = Driver.Mark();
        var start = await Driver.StartAsync(user, Platform, Instance);
        fixture.Emulator.Consent = ConsentMode.Deny;
        OAuthCallback callback;
        try
        {
            callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        }
        finally
        {
            fixture.Emulator.Consent = ConsentMode.Allow;
        }

        var result = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.Equal("access_denied", callback.Error);
        Assert.False(result.Succeeded);
        Assert.Contains($"did not allow access on {DisplayName}", await ErrorOfAsync(user, result));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(ExchangesSince(mark));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_the_code_is_exchanged_once()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        var mark = Driver.Mark();

        var first = await CompleteAsync(user, callback, start.BrowserNonce);
        var replay = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.True(first.Succeeded);
        Assert.False(replay.Succeeded);
        Assert.Equal(ConnectError.InvalidState, replay.ErrorCode);
        Assert.Null(replay.ChannelId);
        Assert.Single(await Driver.ChannelsAsync(user));
        Assert.Single(ExchangesSince(mark));
    }

    [Fact]
    public async Task A_callback_replayed_after_a_failure_is_refused_even_from_the_right_browser()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        var mark = Driver.Mark();

        var first = await CompleteAsync(user, callback, browserNonce: OAuthSecrets.NewRandom());
        var replay = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.False(first.Succeeded);
        Assert.False(replay.Succeeded);
        Assert.Equal(first.FailedAttemptId, replay.FailedAttemptId);
        Assert.Contains("another browser", await ErrorOfAsync(user, replay));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(ExchangesSince(mark));
    }

    [Fact]
    public async Task An_expired_attempt_is_refused_before_the_code_is_exchanged()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        await Driver.ExecuteSqlAsync($"UPDATE oauth_states SET expires_at = now() - interval '1 minute' WHERE state_hash = {OAuthSecrets.Hash(start.State)}");
        var mark = Driver.Mark();

        var result = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("expired", await ErrorOfAsync(user, result));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(ExchangesSince(mark));
    }

    [Fact]
    public async Task A_callback_in_another_browser_is_refused_before_the_code_is_exchanged()
    {
        var user = await SignedInUserAsync();
        var (_, callback) = await AuthorizeAsync(user);
        var mark = Driver.Mark();

        var result = await CompleteAsync(user, callback, browserNonce: OAuthSecrets.NewRandom());

        Assert.False(result.Succeeded);
        Assert.Contains("another browser", await ErrorOfAsync(user, result));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(ExchangesSince(mark));
    }

    [Fact]
    public async Task A_failed_code_exchange_saves_nothing()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        fixture.Emulator.Inject("POST", TokenPath, Fault.Unavailable);

        var result = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains($"{ServerName} is having trouble (HTTP 500)", await ErrorOfAsync(user, result));
        Assert.Empty(await Driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task A_code_the_server_does_not_know_is_refused_with_its_reason()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        var mark = Driver.Mark();

        var result = await CompleteAsync(user, callback with { Code = "forged-code" }, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains(UnknownCodeReason, await ErrorOfAsync(user, result));
        Assert.Equal("forged-code", OAuthConnectDriver.Form(Assert.Single(ExchangesSince(mark)))["code"]);
        Assert.Empty(await Driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task A_token_the_server_rejects_when_reading_the_profile_saves_nothing()
    {
        var user = await SignedInUserAsync();
        var (start, callback) = await AuthorizeAsync(user);
        fixture.Emulator.Inject("GET", ProfilePath, RefusedToken.Answer);

        var result = await CompleteAsync(user, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains(RefusedToken.Reason, await ErrorOfAsync(user, result));
        Assert.Empty(await Driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task Another_users_callback_is_refused()
    {
        var owner = await SignedInUserAsync();
        var other = await TestUsers.CreateAsync(fixture.Factory.Services);
        var (start, callback) = await AuthorizeAsync(owner);

        var result = await CompleteAsync(other, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectError.InvalidState, result.ErrorCode);
        Assert.Empty(await Driver.ChannelsAsync(owner));
        Assert.Empty(await Driver.ChannelsAsync(other));
    }

    private async Task<TestUser> SignedInUserAsync()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        return user;
    }

    private async Task<(OAuthStart Start, OAuthCallback Callback)> AuthorizeAsync(TestUser user)
    {
        var start = await Driver.StartAsync(user, Platform, Instance);
        return (start, await OAuthConnectDriver.AuthorizeAsync(start, Callback));
    }

    private Task<OAuthCompletion> CompleteAsync(TestUser user, OAuthCallback callback, string? browserNonce) =>
        Driver.CompleteAsync(user, Platform, callback, browserNonce);

    private Task<string?> ErrorOfAsync(TestUser user, OAuthCompletion result) =>
        Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value);

    // Code exchanges only: on a Mastodon server older than 4.3 the start itself asks for an app token.
    private List<RecordedRequest> ExchangesSince(int mark) =>
        Driver.RequestsSince(mark, "POST", TokenPath)
            .Where(r => OAuthConnectDriver.Form(r).GetValueOrDefault("grant_type") == "authorization_code").ToList();
}
