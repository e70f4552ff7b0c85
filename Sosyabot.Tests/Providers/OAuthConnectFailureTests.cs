using Sosyabot.Core.Connections;
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
    protected abstract string TokenPath { get; }

    // Creates an account on the emulated platform and signs it in on the test's "browser".
    protected abstract void SignInNewAccount();

    private string Callback => OAuthConnectDriver.CallbackUri(Platform);

    [Fact]
    public async Task Denied_consent_saves_nothing_and_says_why()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var mark = Driver.Mark();
        fixture.Emulator.Consent = ConsentMode.Deny;
        OAuthCompletion result;
        try
        {
            result = await Driver.ConnectAsync(user, Platform);
        }
        finally
        {
            fixture.Emulator.Consent = ConsentMode.Allow;
        }

        Assert.False(result.Succeeded);
        Assert.Contains("did not allow access", await Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(Driver.RequestsSince(mark, "POST", TokenPath));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_the_code_is_exchanged_once()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var start = await Driver.StartAsync(user, Platform);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        var mark = Driver.Mark();

        var first = await Driver.CompleteAsync(user, Platform, callback, start.BrowserNonce);
        var replay = await Driver.CompleteAsync(user, Platform, callback, start.BrowserNonce);

        Assert.True(first.Succeeded);
        Assert.False(replay.Succeeded);
        Assert.Null(replay.ChannelId);
        Assert.Single(await Driver.ChannelsAsync(user));
        Assert.Single(Driver.RequestsSince(mark, "POST", TokenPath));
    }

    [Fact]
    public async Task An_expired_attempt_is_refused_before_the_code_is_exchanged()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var start = await Driver.StartAsync(user, Platform);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        await Driver.ExecuteSqlAsync($"UPDATE oauth_states SET expires_at = now() - interval '1 minute' WHERE state_hash = {OAuthSecrets.Hash(start.State)}");
        var mark = Driver.Mark();

        var result = await Driver.CompleteAsync(user, Platform, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("expired", await Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(Driver.RequestsSince(mark, "POST", TokenPath));
    }

    [Fact]
    public async Task A_callback_in_another_browser_is_refused_before_the_code_is_exchanged()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var start = await Driver.StartAsync(user, Platform);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);
        var mark = Driver.Mark();

        var result = await Driver.CompleteAsync(user, Platform, callback, browserNonce: OAuthSecrets.NewRandom());

        Assert.False(result.Succeeded);
        Assert.Contains("another browser", await Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await Driver.ChannelsAsync(user));
        Assert.Empty(Driver.RequestsSince(mark, "POST", TokenPath));
    }

    [Fact]
    public async Task A_failed_code_exchange_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        fixture.Emulator.Inject("POST", TokenPath, Fault.Unavailable);

        var result = await Driver.ConnectAsync(user, Platform);

        Assert.False(result.Succeeded);
        Assert.Contains("having trouble", await Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await Driver.ChannelsAsync(user));
    }

    [Fact]
    public async Task Another_users_callback_is_refused()
    {
        var owner = await TestUsers.CreateAsync(fixture.Factory.Services);
        var other = await TestUsers.CreateAsync(fixture.Factory.Services);
        SignInNewAccount();
        var start = await Driver.StartAsync(owner, Platform);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, Callback);

        var result = await Driver.CompleteAsync(other, Platform, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectError.InvalidState, result.ErrorCode);
        Assert.Empty(await Driver.ChannelsAsync(owner));
        Assert.Empty(await Driver.ChannelsAsync(other));
    }
}
