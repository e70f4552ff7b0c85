using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

public class MastodonConnectFailureTests(EmulatedAppFixture fixture) : MastodonServerConnectFailureTests(fixture), IClassFixture<EmulatedAppFixture>
{
    protected override MastodonServerEmulator Server => Fixture.Emulator.Platform<MastodonEmulator>().Current;

    [Theory]
    [InlineData("http://mastodon.example", "https")]
    [InlineData("not a url", "not a server address")]
    [InlineData("https://mastodon.example/path", "without a path")]
    [InlineData("https://alice:secret@mastodon.example", "without a user name or password")]
    [InlineData("", "Enter the address")]
    public async Task A_bad_server_address_is_refused_before_any_request(string instance, string reason)
    {
        var user = await TestUsers.CreateAsync(Fixture.Factory.Services);
        var mark = Driver.Mark();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Driver.StartAsync(user, Platform, instance));

        Assert.Contains(reason, error.Message);
        Assert.Equal(mark, Driver.Mark());
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().OAuthStates.AnyAsync(s => s.UserId == user.Id));
    }
}

// Before 4.3 a server takes no PKCE: state and the browser binding alone protect the flow there.
public class MastodonBefore43ConnectFailureTests(EmulatedAppFixture fixture) : MastodonServerConnectFailureTests(fixture), IClassFixture<EmulatedAppFixture>
{
    protected override MastodonServerEmulator Server => Fixture.Emulator.Platform<MastodonEmulator>().Old;
}

public abstract class MastodonServerConnectFailureTests(EmulatedAppFixture fixture) : OAuthConnectFailureTests(fixture)
{
    protected abstract MastodonServerEmulator Server { get; }

    protected override string Platform => MastodonDefaults.Key;
    protected override string Instance => new Uri(Server.Origin).Host;
    protected override string ServerName => Instance;
    protected override string TokenPath => $"/{Server.Prefix}/oauth/token";
    protected override string ProfilePath => $"/{Server.Prefix}/api/v1/accounts/verify_credentials";
    protected override string UnknownCodeReason => "The provided authorization grant is invalid";
    protected override (Fault Answer, string Reason) RefusedToken =>
        (new Fault(401, """{"error":"The access token is invalid"}"""), "The access token is invalid");

    protected override void SignInNewAccount()
    {
        var id = Random.Shared.NextInt64(1_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        Server.AddAccount(new(id, $"u{id}", "", $"{Server.Origin}/avatars/original/missing.png"));
        Server.SignedInAccountId = id;
    }
}
