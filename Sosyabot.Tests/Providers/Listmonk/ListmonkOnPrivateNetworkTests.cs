using Sosyabot.Core;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Listmonk;

// A self-hoster's Listmonk on their own network, over plain http: allowed only when an administrator
// lists the host and turns http on for listed hosts, and then it works from the connect form.
public class ListmonkOnPrivateNetworkTests(ListmonkOnPrivateNetworkTests.LanFixture fixture) : IClassFixture<ListmonkOnPrivateNetworkTests.LanFixture>
{
    public sealed class LanFixture : EmulatedAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings()
        {
            var settings = new Dictionary<string, string?>(base.Settings());
            settings["SafeHttp:AllowedPrivateHosts:1"] = "listmonk.lan";
            settings["Providers:HostOverrides:http://listmonk.lan:9000"] = settings["Providers:HostOverrides:https://listmonk.example"];
            return settings;
        }
    }

    private ListmonkEmulator Listmonk => fixture.Emulator.Platform<ListmonkEmulator>();

    [Fact]
    public async Task An_allowed_lan_instance_over_http_connects()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var api = Listmonk.Main.CreateApiUser();
        var list = Listmonk.Main.CreateList("Staff news");

        var channel = await CredentialChannels.ConnectAsync(fixture.Factory.Services, user, ListmonkDefaults.Key, new Dictionary<string, string>
        {
            ["instance"] = "http://listmonk.lan:9000",
            ["api_user"] = api.Name,
            ["api_token"] = api.Token,
            ["list"] = list.Id.ToString(),
        });

        Assert.Equal($"http://listmonk.lan:9000#list-{list.Id}", channel.Pid);
    }

    [Fact]
    public async Task Http_to_a_host_that_is_not_allowed_is_still_refused()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var api = Listmonk.Main.CreateApiUser();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => CredentialChannels.ConnectAsync(fixture.Factory.Services, user, ListmonkDefaults.Key,
            new Dictionary<string, string> { ["instance"] = "http://listmonk.example", ["api_user"] = api.Name, ["api_token"] = api.Token, ["list"] = "1" }));

        Assert.Contains("over https", error.Message);
    }
}
