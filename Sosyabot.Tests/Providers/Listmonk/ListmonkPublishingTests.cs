using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Listmonk;

public class ListmonkPublishingTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string CampaignsPath = "/listmonk/api/campaigns";
    private ListmonkInstance Instance => fixture.Emulator.Platform<ListmonkEmulator>().Main;
    private IServiceProvider Services => fixture.Factory.Services;

    private async Task<(ChannelContext Channel, EmulatedListmonkUser Api, EmulatedListmonkList List)> ConnectAsync()
    {
        var user = await TestUsers.CreateAsync(Services);
        var api = Instance.CreateApiUser();
        var list = Instance.CreateList($"List {Guid.NewGuid():N}"[..12]);
        var channel = await CredentialChannels.ConnectAsync(Services, user, ListmonkDefaults.Key, new Dictionary<string, string>
        {
            ["instance"] = Instance.Url, ["api_user"] = api.Name, ["api_token"] = api.Token, ["list"] = list.Id.ToString(),
        });
        return (await Publishers.ContextAsync(Services, channel.Id), api, list);
    }

    private static JsonObject Subject(string subject) => new() { ["subject"] = subject };

    private List<EmulatedListmonkCampaign> CampaignsWithKey(PublishRequest request) =>
        Instance.Campaigns.Where(c => c.Name.EndsWith($"[{request.IdempotencyKey.Replace(':', '-')}]")).ToList();

    private string StatusPath(int campaignId) => $"{CampaignsPath}/{campaignId}/status";

    [Fact]
    public async Task A_post_becomes_a_started_html_campaign_to_the_channels_list()
    {
        var (channel, api, list) = await ConnectAsync();
        var request = Publishers.Request(channel, "Hello <friends> & {{ .Subscriber.Name }},\nsee https://example.com/a?b=1.\n\nBye", fields: Subject("December news"));
        var started = Instance.CampaignsStarted;

        var published = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        var campaign = Assert.Single(CampaignsWithKey(request));
        Assert.Equal((campaign.Id.ToString(), $"{Instance.Url}/admin/campaigns/{campaign.Id}"), (published.PlatformPostId, published.Url));
        Assert.Equal($"Sosyabot December news [{request.IdempotencyKey.Replace(':', '-')}]", campaign.Name);
        Assert.Equal(("December news", "regular", "html", "running"), (campaign.Subject, campaign.Type, campaign.ContentType, campaign.Status));
        Assert.Equal([list.Id], campaign.ListIds);
        Assert.Equal("<p>Hello &lt;friends&gt; &amp; &#123;&#123; .Subscriber.Name &#125;&#125;,<br>\nsee <a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a>.</p>\n<p>Bye</p>\n", campaign.Body);
        Assert.Equal(started + 1, Instance.CampaignsStarted);
        Assert.All(fixture.Emulator.RequestsTo("PUT", StatusPath(campaign.Id)), r => Assert.Equal($"token {api.Name}:{api.Token}", r.Header("Authorization")));
    }

    [Fact]
    public async Task Images_go_to_the_media_library_and_into_the_body_with_their_alt_text()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "Look", [Publishers.Image("A \"tiny\" pixel", fileName: "pixel-a.png")], Subject("Pictures"));

        await Publishers.PublishAsync(Services, request);

        var media = Instance.Media.Single(m => m.FileName == "pixel-a.png");
        Assert.Equal(Publishers.Png, media.Bytes);
        Assert.Equal("image/png", media.ContentType);
        Assert.Equal($"<p>Look</p>\n<p><img src=\"{Instance.MediaUrl(media)}\" alt=\"A &quot;tiny&quot; pixel\"></p>\n", Assert.Single(CampaignsWithKey(request)).Body);
    }

    [Fact]
    public async Task A_lost_image_upload_is_transient_and_no_campaign_is_created()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "Look", [Publishers.Image(null)], Subject("Lost picture"));
        fixture.Emulator.Inject("POST", "/listmonk/api/media", Fault.AppliedThenReset);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.Empty(CampaignsWithKey(request));
    }

    [Theory]
    [InlineData("", 1, "Listmonk: a subject is required.")]
    [InlineData("Subject", 2, "Listmonk: threads are not supported; keep one part, or post the others separately.")]
    public async Task What_listmonk_cannot_send_is_refused_before_any_request(string subject, int parts, string message)
    {
        var (channel, _, _) = await ConnectAsync();
        var before = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Subject(subject), count: parts)));

        Assert.Equal((ProviderErrorKind.Rejected, message), (error.Kind, error.Message));
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_video_is_refused_before_any_upload()
    {
        var (channel, _, _) = await ConnectAsync();
        var video = Publishers.Image(null) with { Kind = MediaKind.Video, ContentType = "video/mp4", FileName = "clip.mp4" };

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", [video], Subject("Clip"))));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.DoesNotContain(Instance.Media, m => m.FileName == "clip.mp4");
    }

    [Fact]
    public async Task A_refusal_carries_listmonks_message()
    {
        var (channel, _, list) = await ConnectAsync();
        Instance.DeleteList(list);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Subject("To nobody"))));

        Assert.Equal((ProviderErrorKind.Rejected, 400, "Listmonk refused the request: Invalid list IDs."), (error.Kind, error.StatusCode, error.Message));
    }

    [Fact]
    public async Task A_deleted_api_user_needs_a_reconnect()
    {
        var (channel, api, _) = await ConnectAsync();
        Instance.DeleteApiUser(api);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Subject("Hi"))));

        Assert.Equal((ProviderErrorKind.Auth, 403), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task A_create_applied_then_answered_500_is_unknown_and_the_resolver_starts_the_one_draft()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "text", fields: Subject("Maybe created"));
        fixture.Emulator.Inject("POST", CampaignsPath, Fault.AppliedThenUnavailable);
        var started = Instance.CampaignsStarted;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
        Assert.Equal("draft", Assert.Single(CampaignsWithKey(request)).Status);

        var found = await Publishers.FindAsync(Services, request, DateTimeOffset.UtcNow.AddMinutes(-1));

        var campaign = Assert.Single(CampaignsWithKey(request));
        Assert.Equal((campaign.Id.ToString(), "running"), (found?.PlatformPostId, campaign.Status));
        Assert.Equal(started + 1, Instance.CampaignsStarted);
        var query = fixture.Emulator.RequestsTo("GET", CampaignsPath).Last().Query;
        Assert.Contains($"query={request.IdempotencyKey.Replace(':', '-')}", query);
    }

    [Fact]
    public async Task A_start_whose_answer_is_lost_is_unknown_and_the_campaign_is_started_once()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "text", fields: Subject("Start lost"));
        fixture.Emulator.Inject("PUT", StatusPath(Instance.Campaigns.Count + 1), Fault.AppliedThenReset);
        var started = Instance.CampaignsStarted;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        var found = await Publishers.FindAsync(Services, request, DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
        var campaign = Assert.Single(CampaignsWithKey(request));
        Assert.Equal((campaign.Id.ToString(), "running"), (found?.PlatformPostId, campaign.Status));
        Assert.Equal(started + 1, Instance.CampaignsStarted);
    }

    [Fact]
    public async Task A_create_that_failed_before_listmonk_applied_it_is_proven_absent()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "text", fields: Subject("Never created"));
        fixture.Emulator.Inject("POST", CampaignsPath, Fault.Unavailable);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));

        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
        Assert.Null(await Publishers.FindAsync(Services, request, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Empty(CampaignsWithKey(request));
    }

    [Fact]
    public async Task The_resolver_reports_a_running_campaign_without_starting_it_again()
    {
        var (channel, _, _) = await ConnectAsync();
        var request = Publishers.Request(channel, "text", fields: Subject("Already out"));
        var published = await Publishers.PublishAsync(Services, request);
        var started = Instance.CampaignsStarted;

        Assert.Equal(published, await Publishers.FindAsync(Services, request, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(started, Instance.CampaignsStarted);
    }

    [Fact]
    public async Task The_emulator_refuses_a_campaign_without_a_subject_as_listmonk_does()
    {
        var (channel, _, list) = await ConnectAsync();
        using var http = new HttpClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, fixture.Emulator.Url(CampaignsPath))
        {
            Content = JsonContent(new { name = "n", subject = "", lists = new[] { list.Id }, type = "regular", content_type = "html", body = "" }),
        };
        create.Headers.TryAddWithoutValidation("Authorization", $"token {channel.AccessToken}");

        using var answer = await http.SendAsync(create);

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal("""{"message":"Invalid length for subject."}""", await answer.Content.ReadAsStringAsync());
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
