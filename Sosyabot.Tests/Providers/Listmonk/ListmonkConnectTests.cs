using Sosyabot.Core.Providers;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Listmonk;

public class ListmonkConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private ListmonkEmulator Listmonk => fixture.Emulator.Platform<ListmonkEmulator>();
    private IServiceProvider Services => fixture.Factory.Services;

    private static Dictionary<string, string> Values(string instance, EmulatedListmonkUser user, EmulatedListmonkList? list = null, string? token = null)
    {
        var values = new Dictionary<string, string> { ["instance"] = instance, ["api_user"] = user.Name, ["api_token"] = token ?? user.Token };
        if (list is not null) values["list"] = list.Id.ToString();
        return values;
    }

    private Task<Channel> ConnectAsync(TestUser user, Dictionary<string, string> values) =>
        CredentialChannels.ConnectAsync(Services, user, ListmonkDefaults.Key, values);

    private async Task AssertNothingSavedAsync(TestUser user, string? secret = null)
    {
        Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, ListmonkDefaults.Key));
        Assert.Empty(await CredentialChannels.EventsAsync(Services, user.WorkspaceId));
        if (secret is not null) Assert.DoesNotContain(secret, await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId));
    }

    [Fact]
    public async Task The_list_choices_are_the_lists_of_the_instance_read_with_the_api_user()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.Main.CreateApiUser();
        var weekly = Listmonk.Main.CreateList("Weekly digest");
        var launches = Listmonk.Main.CreateList("Launch announcements");

        var choices = await CredentialChannels.ChoicesAsync(Services, user, ListmonkDefaults.Key, "list", Values("https://listmonk.example", api));

        Assert.Contains(choices, c => c.Value == weekly.Id.ToString() && c.Label == "Weekly digest");
        Assert.Contains(choices, c => c.Value == launches.Id.ToString() && c.Label == "Launch announcements");
        var request = fixture.Emulator.RequestsTo("GET", "/listmonk/api/lists").Last(r => r.Header("Authorization")!.Contains(api.Name));
        Assert.Equal($"token {api.Name}:{api.Token}", request.Header("Authorization"));
        Assert.Equal("?per_page=all", request.Query);
        Assert.Empty(await CredentialChannels.ChoicesAsync(Services, user, ListmonkDefaults.Key, "api_user", Values("https://listmonk.example", api)));
    }

    [Fact]
    public async Task Each_list_is_its_own_channel_with_the_credentials_encrypted()
    {
        var user = await TestUsers.CreateAsync(Services);
        // Only what connecting needs: reading lists, not the settings.
        var api = Listmonk.Main.CreateApiUser(permissions: ListmonkInstance.GetLists);
        var weekly = Listmonk.Main.CreateList("Weekly digest", subscribers: 120);
        var offers = Listmonk.Main.CreateList("Offers");

        var first = await ConnectAsync(user, Values("https://listmonk.example", api, weekly));
        var second = await ConnectAsync(user, Values("https://listmonk.example", api, offers));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, (await CredentialChannels.ListAsync(Services, user.WorkspaceId, ListmonkDefaults.Key)).Count);
        var saved = await CredentialChannels.GetAsync(Services, first.Id);
        Assert.Equal($"https://listmonk.example#list-{weekly.Id}", saved.Pid);
        Assert.Equal("Weekly digest", saved.DisplayName);
        Assert.Equal("listmonk.example", saved.Username);
        Assert.Null(saved.AvatarUrl);
        Assert.Equal(LoginType.ApiToken, saved.LoginType);
        Assert.Null(saved.TokenExpiresAt);
        Assert.Equal("https://listmonk.example", saved.Settings["instance"]!.GetValue<string>());
        Assert.Equal(weekly.Id, saved.Settings["list_id"]!.GetValue<int>());
        Assert.Equal($"{api.Name}:{api.Token}", (await CredentialChannels.TokensAsync(Services, saved.Id)).AccessToken);
        Assert.DoesNotContain(api.Token, await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId));
        Assert.Equal(2, (await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountConnected)).Count);
        Assert.Contains(fixture.Emulator.RequestsTo("GET", $"/listmonk/api/lists/{weekly.Id}"), r => r.Header("Authorization") == $"token {api.Name}:{api.Token}");
        Assert.Empty(fixture.Emulator.RequestsTo("GET", "/listmonk/api/settings"));
    }

    [Fact]
    public async Task The_same_list_typed_another_way_is_the_same_channel_updated_in_place()
    {
        var user = await TestUsers.CreateAsync(Services);
        var oldKey = Listmonk.Main.CreateApiUser();
        var newKey = Listmonk.Main.CreateApiUser();
        var list = Listmonk.Main.CreateList("Members");

        var first = await ConnectAsync(user, Values("https://listmonk.example", oldKey, list));
        await CredentialChannels.MarkNeedsReconnectAsync(Services, first.Id);
        Listmonk.Main.DeleteApiUser(oldKey);
        var second = await ConnectAsync(user, Values(" LISTMONK.example:443/ ", newKey, list));

        Assert.Equal(first.Id, second.Id);
        var saved = Assert.Single(await CredentialChannels.ListAsync(Services, user.WorkspaceId, ListmonkDefaults.Key));
        Assert.Equal(ChannelStatus.Active, saved.Status);
        Assert.Equal($"{newKey.Name}:{newKey.Token}", (await CredentialChannels.TokensAsync(Services, saved.Id)).AccessToken);
    }

    [Fact]
    public async Task An_instance_under_a_path_keeps_its_path()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.UnderPath.CreateApiUser();
        var list = Listmonk.UnderPath.CreateList("Readers");

        var choices = await CredentialChannels.ChoicesAsync(Services, user, ListmonkDefaults.Key, "list", Values("https://news.example/listmonk/", api));
        var channel = await ConnectAsync(user, Values("https://news.example/listmonk/", api, list));

        Assert.Contains(choices, c => c.Label == "Readers");
        Assert.Equal($"https://news.example/listmonk#list-{list.Id}", channel.Pid);
        Assert.Equal("news.example", channel.Username);
        Assert.Equal("https://news.example/listmonk", channel.Settings["instance"]!.GetValue<string>());
        Assert.NotEmpty(fixture.Emulator.RequestsTo("GET", $"/news/listmonk/api/lists/{list.Id}"));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_clearly_for_choices_and_connect_and_nothing_is_saved()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.Main.CreateApiUser();
        var list = Listmonk.Main.CreateList("Secret list");
        const string wrong = "WrongToken1234567890abcdefABCDEF";

        var choices = await Assert.ThrowsAsync<ProviderException>(() =>
            CredentialChannels.ChoicesAsync(Services, user, ListmonkDefaults.Key, "list", Values("https://listmonk.example", api, token: wrong)));
        var connect = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values("https://listmonk.example", api, list, token: wrong)));

        foreach (var error in (ProviderException[])[choices, connect])
        {
            Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
            Assert.Contains("Listmonk rejected the API user or token", error.Message);
            Assert.DoesNotContain(wrong, error.Message);
        }
        await AssertNothingSavedAsync(user, wrong);
    }

    [Fact]
    public async Task An_unknown_list_is_refused_clearly_and_nothing_is_saved()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.Main.CreateApiUser();
        var list = Listmonk.Main.CreateList("Soon deleted");
        Listmonk.Main.DeleteList(list);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values("https://listmonk.example", api, list)));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains($"no list {list.Id}", error.Message);
        await AssertNothingSavedAsync(user, api.Token);
    }

    [Fact]
    public async Task An_api_user_without_list_access_is_told_which_permission_is_missing()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.Main.CreateApiUser(permissions: "subscribers:get");
        var list = Listmonk.Main.CreateList("Closed");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, Values("https://listmonk.example", api, list)));

        Assert.Contains("missing a permission (permission denied: lists:manage_all)", error.Message);
        await AssertNothingSavedAsync(user);
    }

    [Fact]
    public async Task An_address_without_Listmonk_behind_it_is_named_as_such()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Listmonk.Main.CreateApiUser();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            CredentialChannels.ChoicesAsync(Services, user, ListmonkDefaults.Key, "list", Values("https://listmonk.example/wrong-path", api)));

        Assert.Contains("answers like Listmonk", error.Message);
    }

    [Theory]
    [InlineData("instance", "Listmonk address is required.")]
    [InlineData("api_user", "API user is required.")]
    [InlineData("api_token", "API token is required.")]
    [InlineData("list", "List is required.")]
    public async Task Each_required_field_is_named_when_missing(string missing, string message)
    {
        var user = await TestUsers.CreateAsync(Services);
        var values = new Dictionary<string, string> { ["instance"] = "https://listmonk.example", ["api_user"] = "api", ["api_token"] = "secret", ["list"] = "1" };
        values.Remove(missing);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ConnectAsync(user, values));

        Assert.Equal(message, error.Message);
        await AssertNothingSavedAsync(user);
    }

    [Theory]
    [InlineData("http://listmonk.example", "over https")]
    [InlineData("https://user:pw@listmonk.example", "without a user name")]
    [InlineData("https://", "not a server address")]
    public async Task An_unusable_instance_address_is_refused_before_any_call(string instance, string message)
    {
        var user = await TestUsers.CreateAsync(Services);
        var before = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            ConnectAsync(user, new Dictionary<string, string> { ["instance"] = instance, ["api_user"] = "api", ["api_token"] = "secret", ["list"] = "1" }));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }
}
