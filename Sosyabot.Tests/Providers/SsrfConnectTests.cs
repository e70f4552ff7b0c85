using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers;

// User-supplied servers go through the SSRF guard at connect time. The test app allows only the
// emulator's 127.0.0.1, as a self-hoster would allow their own Listmonk.
public class SsrfConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    public static TheoryData<string> PrivateTargets => new()
    {
        "https://169.254.169.254",
        "https://10.0.0.7",
        "https://192.168.1.10",
        "https://[::1]",
        "https://100.64.0.1",
    };

    private async Task AssertNothingSavedAsync(TestUser user)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
        Assert.False(await db.Channels.AnyAsync(c => c.WorkspaceId == user.WorkspaceId));
        Assert.False(await db.OAuthStates.AnyAsync(s => s.UserId == user.Id));
    }

    [Theory]
    [MemberData(nameof(PrivateTargets))]
    public async Task A_mastodon_instance_on_a_private_address_is_refused(string instance)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var flows = scope.ServiceProvider.GetRequiredService<OAuthFlowService>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => flows.StartAsync(user.Id, user.WorkspaceId, MastodonDefaults.Key, null, instance));

        Assert.True(error is InvalidRequestException or ProviderException { Kind: ProviderErrorKind.Rejected }, error.ToString());
        Assert.Contains("private", error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertNothingSavedAsync(user);
        Assert.False(await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().PlatformAppRegistrations
            .AnyAsync(r => r.Issuer.Contains(new Uri(instance).Host)));
    }

    [Theory]
    [MemberData(nameof(PrivateTargets))]
    public async Task A_bluesky_pds_on_a_private_address_is_refused(string pds)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var values = new Dictionary<string, string>
        {
            [BlueskyDefaults.IdentifierField] = "alice.example",
            [BlueskyDefaults.AppPasswordField] = "abcd-efgh-ijkl-mnop",
            [BlueskyDefaults.PdsField] = pds,
        };

        var error = await ConnectCredentialsAsync(user, BlueskyDefaults.Key, values);

        Assert.Contains("private", error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertNothingSavedAsync(user);
    }

    [Theory]
    [MemberData(nameof(PrivateTargets))]
    public async Task A_listmonk_instance_on_a_private_address_is_refused(string instance)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var values = new Dictionary<string, string>
        {
            [ListmonkDefaults.InstanceField] = instance,
            [ListmonkDefaults.ApiUserField] = "api",
            [ListmonkDefaults.ApiTokenField] = "token-value-123",
            [ListmonkDefaults.ListField] = "1",
        };

        var error = await ConnectCredentialsAsync(user, ListmonkDefaults.Key, values);

        Assert.Contains("private", error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertNothingSavedAsync(user);
    }

    private async Task<Exception> ConnectCredentialsAsync(TestUser user, string platform, Dictionary<string, string> values)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<CredentialConnectService>();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connections.ConnectAsync(user.Id, user.WorkspaceId, platform, values));
        Assert.True(error is InvalidRequestException or ProviderException { Kind: ProviderErrorKind.Rejected }, error.ToString());
        return error;
    }
}
