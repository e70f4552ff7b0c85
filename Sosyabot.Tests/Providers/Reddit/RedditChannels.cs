using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Reddit;

// A new Reddit account connected through the real OAuth flow, as the channel context a publisher gets.
public static class RedditChannels
{
    public static async Task<(ChannelContext Channel, RedditAccount Account)> ConnectAsync(EmulatedAppFixture fixture)
    {
        var reddit = fixture.Emulator.Platform<RedditEmulator>();
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = reddit.SignIn(reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var result = await new OAuthConnectDriver(fixture).ConnectAsync(user, RedditDefaults.Key);
        Assert.True(result.Succeeded);
        return (await Publishers.ContextAsync(fixture.Factory.Services, result.ChannelId!.Value), account);
    }
}
