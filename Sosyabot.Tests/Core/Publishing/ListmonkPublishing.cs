using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// An API user and a list of their own on the emulated listmonk.example; a post is a campaign to that
// list, created then started (the create is the call that may leave a campaign behind).
public sealed class ListmonkPublishing(PublishingFixture fixture) : EnginePlatform(fixture)
{
    public sealed record Account(EmulatedListmonkUser ApiUser, EmulatedListmonkList List);

    public ListmonkInstance Instance => Fixture.Emulator.Platform<ListmonkEmulator>().Main;

    public override string Key => ListmonkDefaults.Key;

    public override string Origin => Instance.Url;

    public override async Task<EngineChannel> ConnectAsync(TestUser user)
    {
        var account = new Account(Instance.CreateApiUser(), Instance.CreateList($"List {Guid.NewGuid():N}"[..12]));
        var channel = await CredentialChannels.ConnectAsync(Fixture.Services, user, Key, new Dictionary<string, string>
        {
            [ListmonkDefaults.InstanceField] = Instance.Url, [ListmonkDefaults.ApiUserField] = account.ApiUser.Name,
            [ListmonkDefaults.ApiTokenField] = account.ApiUser.Token, [ListmonkDefaults.ListField] = account.List.Id.ToString(),
        });
        return new EngineChannel(channel, account);
    }

    public override string CreatePath(EngineChannel channel) => "/listmonk/api/campaigns";

    public override JsonObject Fields(EngineChannel channel, string text) => new() { [ListmonkDefaults.SubjectField] = text };

    public override IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text) =>
        Instance.Campaigns.Where(c => c.ListIds.Contains(((Account)channel.Account).List.Id) && c.Subject == text)
            .Select(c => new PlatformPost(c.Id.ToString(), $"{Instance.Url}/admin/campaigns/{c.Id}", Live: c.Status != "draft")).ToList();

    // Listmonk has no API rate limit of its own; a self-hoster's proxy in front of it answers 429 with
    // Retry-After in the shape Listmonk's errors have.
    public override Fault RateLimited(TimeSpan wait) => new(429, """{"message":"Too many requests"}""", ((int)Math.Ceiling(wait.TotalSeconds)).ToString());

    // cmd/campaigns.go validating the campaign: the list was deleted in Listmonk after connecting.
    public override Fault Refusal => new(400, """{"message":"Invalid list IDs."}""");

    // An admin deletes the API user under Admin → Users: its token answers 403 "invalid API credentials".
    public override void Revoke(EngineChannel channel) => Instance.DeleteApiUser(((Account)channel.Account).ApiUser);
}
