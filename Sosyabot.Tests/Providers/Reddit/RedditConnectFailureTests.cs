using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Reddit;

public class RedditConnectFailureTests(EmulatedAppFixture fixture) : OAuthConnectFailureTests(fixture), IClassFixture<EmulatedAppFixture>
{
    protected override string Platform => RedditDefaults.Key;
    protected override string TokenPath => "/reddit-www/api/v1/access_token";
    protected override string ProfilePath => "/reddit-oauth/api/v1/me";
    protected override string UnknownCodeReason => "invalid_grant";
    protected override (Fault Answer, string Reason) RefusedToken =>
        (new Fault(401, """{"message": "Unauthorized", "error": 401}"""), "Unauthorized");

    protected override void SignInNewAccount()
    {
        var reddit = Fixture.Emulator.Platform<RedditEmulator>();
        reddit.SignIn(reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
    }
}
