using System.Text.Json.Nodes;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

public class MastodonPublishTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string Statuses = "/mastodon-a/api/v1/statuses";
    private readonly MastodonFlow _flow = new(fixture);

    private IServiceProvider Services => fixture.Factory.Services;
    private MastodonServerEmulator Server => _flow.Current;

    private async Task<ChannelContext> ConnectedAsync()
    {
        var user = await TestUsers.CreateAsync(Services);
        var result = await _flow.ConnectAsync(user, "mastodon.example");
        return await Publishers.ContextAsync(Services, result.ChannelId!.Value);
    }

    private IReadOnlyList<MastodonServerEmulator.EmulatedStatus> Made(string text) => Server.StatusesOf("1").Where(s => s.Text == text).ToList();


    [Fact]
    public async Task A_text_post_is_one_status_with_the_idempotency_key_visibility_and_content_warning()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Hello from Sosyabot");
        var request = Publishers.Request(channel, text, fields: new JsonObject { ["visibility"] = "unlisted", ["spoiler_text"] = "test post" });

        var post = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        var status = Assert.Single(Made(text));
        Assert.Equal(status.Id, post.PlatformPostId);
        Assert.Equal($"https://mastodon.example/@alice/{status.Id}", post.Url);
        Assert.Equal("unlisted", status.Visibility);
        Assert.Equal("test post", status.SpoilerText);
        Assert.Equal(request.IdempotencyKey, status.IdempotencyKey);
        Assert.Equal(request.IdempotencyKey, fixture.Emulator.RequestsTo("POST", Statuses).Last().Header("Idempotency-Key"));
    }

    [Fact]
    public async Task The_same_part_sent_twice_is_still_one_status()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Twice");
        var request = Publishers.Request(channel, text);

        var first = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));
        var second = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        Assert.Equal(first, second);
        Assert.Single(Made(text));
    }

    [Fact]
    public async Task A_reply_to_a_status_that_does_not_exist_is_rejected()
    {
        var channel = await ConnectedAsync();
        var gone = new PublishedPost("999", null);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services,
            Publishers.Request(channel, Publishers.Unique("reply"), index: 1, count: 2, root: gone, parent: gone)));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("Record not found", error.Message);
    }

    [Fact]
    public async Task An_upload_whose_answer_was_lost_is_transient_and_nothing_is_posted()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Upload lost");
        fixture.Emulator.Inject("POST", "/mastodon-a/api/v2/media", Fault.AppliedThenUnavailable);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, text, [Publishers.Image("alt")])));

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.Empty(Made(text));
    }

    [Fact]
    public async Task A_three_part_thread_is_a_chain_of_replies()
    {
        var channel = await ConnectedAsync();
        var texts = new[] { Publishers.Unique("1/3"), Publishers.Unique("2/3"), Publishers.Unique("3/3") };

        var posts = await Publishers.ThreadAsync(Services, channel, texts);

        var statuses = texts.Select(t => Assert.Single(Made(t))).ToList();
        Assert.Null(statuses[0].InReplyToId);
        Assert.Equal(posts[0].PlatformPostId, statuses[1].InReplyToId);
        Assert.Equal(posts[1].PlatformPostId, statuses[2].InReplyToId);
        Assert.Equal("public", statuses[0].Visibility);
    }

    [Fact]
    public async Task Images_are_uploaded_with_their_alt_text_and_attached_in_order()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Two pictures");
        var request = Publishers.Request(channel, text, [Publishers.Image("A red square"), Publishers.Image("Another red square")]);

        Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        var status = Assert.Single(Made(text));
        var media = status.MediaIds.Select(id => Server.Media.Single(m => m.Id == id)).ToList();
        Assert.Equal(["A red square", "Another red square"], media.Select(m => m.Description));
        Assert.All(media, m => Assert.Equal("image/png", m.ContentType));
        Assert.All(media, m => Assert.Equal(Publishers.Png.Length, m.Bytes));
    }

    [Fact]
    public async Task A_video_is_processed_before_the_status_is_posted_without_holding_a_worker()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("A clip");
        var video = Publishers.Mp4(256 * 1024) with { AltText = "A short clip" };
        var request = Publishers.Request(channel, text, [video]);
        Server.MediaProcessingPolls = 2;
        PublishResult result;
        try
        {
            result = await Publishers.PublishAsync(Services, request);
        }
        finally
        {
            Server.MediaProcessingPolls = 1;
        }

        // 202 with url null: nothing is posted yet, the engine keeps the media id and asks again later.
        var pending = Assert.IsType<PendingPublish>(result);
        var mediaId = Assert.Single(pending.StatusHandle.Split(','));
        var media = Server.Media.Single(m => m.Id == mediaId);
        Assert.Equal(("video/mp4", 256 * 1024, "A short clip", "clip.mp4"), (media.ContentType, media.Bytes, media.Description, media.FileName));
        Assert.Empty(Made(text));
        Assert.IsType<PendingPublish>(await Publishers.CheckAsync(Services, request, pending));
        Assert.IsType<PendingPublish>(await Publishers.CheckAsync(Services, request, pending));
        Assert.Empty(Made(text));
        var post = Assert.IsType<PublishedPost>(await Publishers.CheckAsync(Services, request, pending));

        var status = Assert.Single(Made(text));
        Assert.Equal(status.Id, post.PlatformPostId);
        Assert.Equal([mediaId], status.MediaIds);
        Assert.Equal(3, media.Polls);
        Assert.Equal(3, fixture.Emulator.RequestsTo("GET", $"/mastodon-a/api/v1/media/{mediaId}").Count());
        Assert.Equal($"media_ids[]={mediaId}", fixture.Emulator.RequestsTo("POST", Statuses).Last().Body.Split('&').Single(p => p.StartsWith("media_ids")).Replace("%5B%5D", "[]"));
    }

    [Fact]
    public async Task A_video_the_server_cannot_process_is_rejected_with_its_message_and_never_posted()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Broken clip");
        var request = Publishers.Request(channel, text, [Publishers.Mp4(64 * 1024)]);
        Server.FailNextProcessing = true;

        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
        Assert.IsType<PendingPublish>(await Publishers.CheckAsync(Services, request, pending));
        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.CheckAsync(Services, request, pending));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Contains("Error processing thumbnail for uploaded media", refused.Message);
        Assert.Empty(Made(text));
    }

    [Fact]
    public async Task A_video_beside_an_image_is_refused_by_the_rules_before_anything_is_sent()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Mixed");
        var uploads = fixture.Emulator.RequestsTo("POST", "/mastodon-a/api/v2/media").Count();

        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services,
            Publishers.Request(channel, text, [Publishers.Mp4(64 * 1024), Publishers.Image("still")])));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("Mastodon: videos and images cannot be in the same post; keep one kind.", refused.Message);
        Assert.Equal(uploads, fixture.Emulator.RequestsTo("POST", "/mastodon-a/api/v2/media").Count());
        Assert.Empty(Made(text));
    }

    // What the rules keep the publisher from sending, the server refuses too, in its own words.
    [Fact]
    public async Task The_server_refuses_a_status_with_a_video_beside_an_image()
    {
        await ConnectedAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.TokenWithScopes("1", "write:media write:statuses"));
        async Task<string> UploadAsync(PublishMedia media)
        {
            await using var stream = await media.OpenAsync(CancellationToken.None);
            var file = new StreamContent(stream);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(media.ContentType);
            var response = await http.PostAsync(fixture.Emulator.Url("mastodon-a/api/v2/media"), new MultipartFormDataContent { { file, "file", media.FileName } });
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        var video = await UploadAsync(Publishers.Mp4(64 * 1024));
        var image = await UploadAsync(Publishers.Image("still"));
        await http.GetAsync(fixture.Emulator.Url($"mastodon-a/api/v1/media/{video}"));

        var response = await http.PostAsync(fixture.Emulator.Url("mastodon-a/api/v1/statuses"),
            new FormUrlEncodedContent([new("status", "mixed"), new("media_ids[]", image), new("media_ids[]", video)]));

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("Cannot attach a video to a post that already contains images",
            System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Text_over_the_limit_is_rejected_with_the_servers_message()
    {
        var channel = await ConnectedAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, new string('a', 501))));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("Text character limit of 500 exceeded", error.Message);
    }

    [Fact]
    public async Task A_token_without_the_statuses_scope_is_an_auth_failure()
    {
        var channel = await ConnectedAsync();
        var narrow = Server.TokenWithScopes("1", "read:accounts write:media");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel with { AccessToken = narrow }, "x")));

        Assert.Equal(ProviderErrorKind.Auth, error.Kind);
        Assert.Contains("This action is outside the authorized scopes", error.Message);
    }

    [Fact]
    public async Task A_post_applied_but_unanswered_is_unknown_and_the_resolver_finds_it_by_its_key()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Applied");
        var request = Publishers.Request(channel, text);
        var startedAt = DateTimeOffset.UtcNow;
        fixture.Emulator.Inject("POST", Statuses, Fault.AppliedThenUnavailable);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);

        var found = await Publishers.FindAsync(Services, request, startedAt);

        var status = Assert.Single(Made(text));
        Assert.Equal(status.Id, found?.PlatformPostId);
        Assert.Equal($"https://mastodon.example/@alice/{status.Id}", found?.Url);
    }

    [Fact]
    public async Task A_post_that_never_arrived_is_proven_absent_without_posting_anything()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Never arrived");
        var request = Publishers.Request(channel, text);
        var startedAt = DateTimeOffset.UtcNow;
        var before = Server.StatusesOf("1").Count;
        fixture.Emulator.Inject("POST", Statuses, Fault.Reset);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);

        Assert.Null(await Publishers.FindAsync(Services, request, startedAt));
        Assert.Equal(before, Server.StatusesOf("1").Count);

        // Proven absent, the engine publishes again with the same key: exactly one status.
        Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));
        Assert.Single(Made(text));
    }

    [Fact]
    public async Task After_the_key_expired_the_resolver_reads_the_accounts_statuses()
    {
        var channel = await ConnectedAsync();
        var text = Publishers.Unique("Old attempt with a link https://example.com/a/very/long/path & more");
        var parent = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, Publishers.Request(channel, Publishers.Unique("parent"))));
        // The attempts "started" 56 minutes ago: the server no longer holds their keys.
        var attemptStartedAt = DateTimeOffset.UtcNow.AddMinutes(-56);
        var request = Publishers.Request(channel, text, index: 1, count: 2, root: parent, parent: parent);
        var post = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));
        var later = Publishers.Request(channel, Publishers.Unique("not published"), index: 1, count: 2, root: parent, parent: parent);
        var probesBefore = fixture.Emulator.RequestsTo("POST", Statuses).Count();

        var found = await Publishers.FindAsync(Services, request, attemptStartedAt);
        var absent = await Publishers.FindAsync(Services, later, attemptStartedAt);

        Assert.Equal(post.PlatformPostId, found?.PlatformPostId);
        Assert.Null(absent);
        Assert.Equal(probesBefore, fixture.Emulator.RequestsTo("POST", Statuses).Count());
        Assert.All(fixture.Emulator.RequestsTo("GET", "/mastodon-a/api/v1/accounts/1/statuses"), r => Assert.Null(r.Header("Authorization")));
    }
}
