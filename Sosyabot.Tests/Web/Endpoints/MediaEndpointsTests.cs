using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Data;
using Sosyabot.Core.Media;
using Sosyabot.Core.Media.Jobs;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.Core.Media;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

public class MediaEndpointsTests(MediaAppFixture app) : IClassFixture<MediaAppFixture>
{
    private static Task<HttpResponseMessage> UploadAsync(TestAccount account, Guid workspaceId, byte[] file, string fileName, bool withToken = true) =>
        MediaUploadRequests.PostAsync(account.Client, workspaceId, new ByteArrayContent(file), fileName, withToken);

    private async Task<Guid> UserIdAsync(TestAccount account)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> MediaCountAsync(Guid workspaceId)
    {
        await using var db = TestDb.CreateContext(app.ConnectionString);
        return await db.MediaItems.CountAsync(m => m.WorkspaceId == workspaceId);
    }

    private MediaLinks LinksAt(DateTimeOffset now) => new(
        app.Factory.Services.GetRequiredService<IDataProtectionProvider>(),
        app.Factory.Services.GetRequiredService<IOptions<AppOptions>>(),
        app.Factory.Services.GetRequiredService<IOptions<MediaOptions>>(),
        new FixedTimeProvider(now));

    [Fact]
    public async Task An_owner_uploads_an_image_and_gets_its_id_kind_size_dimensions_and_thumbnail_link()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var png = TestMedia.Png(900, 600);

        var response = await UploadAsync(account, account.PersonalWorkspaceId, png, "cat.jpg");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("image", "image/png", png.LongLength, 900, 600, "cat.jpg"), (
            body.GetProperty("kind").GetString(), body.GetProperty("contentType").GetString(), body.GetProperty("length").GetInt64(),
            body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32(), body.GetProperty("fileName").GetString()));
        var thumbnail = await account.Client.GetAsync(new Uri(body.GetProperty("thumbnailUrl").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, await MediaCountAsync(account.PersonalWorkspaceId));
    }

    [Fact]
    public async Task A_refused_type_answers_a_problem_with_the_plain_message()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await UploadAsync(account, account.PersonalWorkspaceId, TestMedia.Pdf(), "cv.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("This file is a PDF; upload JPEG, PNG, WebP, GIF, MP4 or MOV.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_header_is_refused()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await UploadAsync(account, account.PersonalWorkspaceId, TestMedia.Png(4, 4), "a.png", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await MediaCountAsync(account.PersonalWorkspaceId));
    }

    [Fact]
    public async Task A_viewer_is_refused_and_a_member_of_another_workspace_finds_nothing()
    {
        using var owner = await TestAccount.RegisterAsync(app);
        using var viewer = await TestAccount.RegisterAsync(app);
        using var stranger = await TestAccount.RegisterAsync(app);
        await TestUsers.AddMemberAsync(app.Factory.Services, owner.PersonalWorkspaceId, await UserIdAsync(viewer), WorkspaceRole.Viewer);

        var asViewer = await UploadAsync(viewer, owner.PersonalWorkspaceId, TestMedia.Png(4, 4), "a.png");
        var asStranger = await UploadAsync(stranger, owner.PersonalWorkspaceId, TestMedia.Png(4, 4), "a.png");

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);
        Assert.Equal(0, await MediaCountAsync(owner.PersonalWorkspaceId));
    }

    [Fact]
    public async Task A_signed_link_serves_the_file_with_its_type_nosniff_and_ranges_without_signing_in()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var mp4 = TestMedia.Mp4(320, 240, 3);
        var created = await (await UploadAsync(account, account.PersonalWorkspaceId, mp4, "clip.mp4")).Content.ReadFromJsonAsync<JsonElement>();
        var key = await KeyOfAsync(created.GetProperty("id").GetGuid());
        using var anonymous = app.CreateClient();
        var link = app.Factory.Services.GetRequiredService<MediaLinks>().Create(key).PathAndQuery;

        var whole = await anonymous.GetAsync(link);
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, link) { Headers = { Range = new RangeHeaderValue(0, 7) } };
        var range = await anonymous.SendAsync(rangeRequest);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(whole.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(mp4, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(mp4[..8], await range.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_link_past_its_expiry_or_altered_answers_404()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var created = await (await UploadAsync(account, account.PersonalWorkspaceId, TestMedia.Gif(3, 3), "a.gif")).Content.ReadFromJsonAsync<JsonElement>();
        var key = await KeyOfAsync(created.GetProperty("id").GetGuid());
        using var anonymous = app.CreateClient();
        // Issued 25 hours ago with the default 24-hour lifetime.
        var expired = LinksAt(DateTimeOffset.UtcNow.AddHours(-25)).Create(key).PathAndQuery;
        var live = LinksAt(DateTimeOffset.UtcNow.AddHours(-23)).Create(key).PathAndQuery;

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(expired)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(live[..^3] + (live[^3..] == "AAA" ? "BBB" : "AAA"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task The_scheduler_runs_the_media_cleanup_job()
    {
        var scheduler = await app.RunningSchedulerAsync();
        using var account = await TestAccount.RegisterAsync(app);
        var created = await (await UploadAsync(account, account.PersonalWorkspaceId, TestMedia.Png(8, 8), "old.png")).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await using (var db = TestDb.CreateContext(app.ConnectionString))
            await db.MediaItems.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow.AddDays(-2)));

        await scheduler.TriggerJob(PurgeUnattachedMediaJob.Key);

        Assert.True(await Eventually.TrueAsync(async () => await MediaCountAsync(account.PersonalWorkspaceId) == 0),
            "The cleanup job did not remove the day-old unused upload in time.");
    }

    private async Task<string> KeyOfAsync(Guid mediaId)
    {
        await using var db = TestDb.CreateContext(app.ConnectionString);
        return await db.MediaItems.Where(m => m.Id == mediaId).Select(m => m.StorageKey).SingleAsync();
    }
}
