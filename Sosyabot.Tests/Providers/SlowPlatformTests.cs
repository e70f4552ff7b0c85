using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers;

// A platform that stops answering: the call is cut off by the provider timeout, classified as
// transient, and nothing is saved.
public class SlowPlatformTests(SlowPlatformTests.ShortTimeoutFixture fixture) : IClassFixture<SlowPlatformTests.ShortTimeoutFixture>
{
    public sealed class ShortTimeoutFixture : EmulatedAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings() =>
            new Dictionary<string, string?>(base.Settings()) { ["Providers:Http:Timeout"] = "00:00:01" };
    }

    [Fact]
    public async Task A_token_endpoint_that_does_not_answer_in_time_fails_the_connect_cleanly()
    {
        var driver = new OAuthConnectDriver(fixture);
        var reddit = fixture.Emulator.Platform<RedditEmulator>();
        reddit.SignIn(reddit.CreateAccount($"slow{Guid.NewGuid():N}"[..12]));
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await driver.StartAsync(user, RedditDefaults.Key);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, OAuthConnectDriver.CallbackUri(RedditDefaults.Key));
        fixture.Emulator.Inject("POST", "/reddit-www/api/v1/access_token", Fault.Slow(TimeSpan.FromSeconds(4)));

        var result = await driver.CompleteAsync(user, RedditDefaults.Key, callback, start.BrowserNonce);

        Assert.False(result.Succeeded);
        Assert.Contains("did not answer in time", await driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await driver.ChannelsAsync(user));
    }
}
