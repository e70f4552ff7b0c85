using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.X;

// What only X's publishing tests share: a freshly connected X channel as the engine sees it, and the
// requests the emulator saw. Requests, media and the capabilities come from TestSupport/Publishers.
public sealed class XPublishing(EmulatedAppFixture fixture)
{
    public const string TweetsPath = "/x-api/2/tweets";

    private readonly OAuthConnectDriver _driver = new(fixture);

    public XEmulator X => fixture.Emulator.Platform<XEmulator>();

    public async Task<(XAccount Account, ChannelContext Channel)> ConnectAsync()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = X.SignIn(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var result = await _driver.ConnectAsync(user, XDefaults.Key);
        Assert.True(result.Succeeded);
        return (account, await Publishers.ContextAsync(fixture.Factory.Services, result.ChannelId!.Value));
    }

    public int Mark() => _driver.Mark();

    public List<Emulator.RecordedRequest> RequestsSince(int mark, string method, string path) => _driver.RequestsSince(mark, method, path);
}
