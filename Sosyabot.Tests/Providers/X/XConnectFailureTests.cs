using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.X;

public class XConnectFailureTests(EmulatedAppFixture fixture) : OAuthConnectFailureTests(fixture), IClassFixture<EmulatedAppFixture>
{
    protected override string Platform => XDefaults.Key;
    protected override string TokenPath => "/x-api/2/oauth2/token";
    protected override string ProfilePath => "/x-api/2/users/me";
    protected override string UnknownCodeReason => "Value passed for the authorization code was invalid.";
    protected override (Fault Answer, string Reason) RefusedToken =>
        (new Fault(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", ContentType: "application/problem+json"), "Unauthorized");

    protected override void SignInNewAccount()
    {
        var x = Fixture.Emulator.Platform<XEmulator>();
        x.SignIn(x.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
    }

    [Fact]
    public async Task A_grant_without_the_write_scopes_saves_nothing()
    {
        var user = await TestUsers.CreateAsync(Fixture.Factory.Services);
        SignInNewAccount();
        var x = Fixture.Emulator.Platform<XEmulator>();
        x.WithheldScopes.UnionWith(["tweet.write", "media.write"]);
        OAuthCompletion result;
        try
        {
            result = await Driver.ConnectAsync(user, Platform);
        }
        finally
        {
            x.WithheldScopes.Clear();
        }

        Assert.False(result.Succeeded);
        Assert.Contains("tweet.write, media.write", await Driver.ErrorOfAttemptAsync(user, result.FailedAttemptId!.Value));
        Assert.Empty(await Driver.ChannelsAsync(user));
    }
}
