using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyVideoPublishTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string ServiceAuth = "/bsky/xrpc/com.atproto.server.getServiceAuth";
    private const string UploadVideo = "/bsky-video/xrpc/app.bsky.video.uploadVideo";
    private const string CreateRecord = "/bsky/xrpc/com.atproto.repo.createRecord";

    private BlueskyEmulator Bluesky => fixture.Emulator.Platform<BlueskyEmulator>();
    private BlueskyPds Pds => Bluesky.Main;
    private IServiceProvider Services => fixture.Factory.Services;

    private async Task<(BlueskyAccount Account, ChannelContext Channel)> ConnectedAsync(BlueskyPds? pds = null)
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = (pds ?? Pds).CreateAccount(displayName: "Filmmaker");
        var values = new Dictionary<string, string> { ["identifier"] = account.Handle, ["app_password"] = account.AppPassword };
        if (pds is not null) values["pds"] = $"https://{pds.Host}";
        var channel = await CredentialChannels.ConnectAsync(Services, user, BlueskyDefaults.Key, values);
        return (account, await Publishers.ContextAsync(Services, channel.Id));
    }

    // Different bytes per test: the service answers a file it has seen with the earlier blob.
    private static PublishMedia Clip(string? alt = "A short clip", int length = 64 * 1024)
    {
        var clip = Publishers.Mp4(length);
        var bytes = new byte[length];
        using (var original = clip.OpenAsync(CancellationToken.None).Result) original.ReadExactly(bytes);
        Guid.NewGuid().ToByteArray().CopyTo(bytes, length - 16);
        return clip with { AltText = alt, Width = 1280, Height = 720, OpenAsync = _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)) };
    }

    private static Dictionary<string, string> Query(string query) =>
        QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString());

    private static JsonElement Claims(string jwt) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.Clone();

    [Fact]
    public async Task A_video_is_processed_by_the_video_service_then_posted_with_a_video_embed_under_the_parts_key()
    {
        var (account, channel) = await ConnectedAsync();
        var tokensBefore = fixture.Emulator.RequestsTo("GET", ServiceAuth).Count();
        var request = Publishers.Request(channel, "Watch this", [Clip()]);

        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
        var job = Assert.Single(Bluesky.Video.Jobs, j => j.Id == pending.StatusHandle);
        Assert.Empty(Pds.PostsOf(account));
        Assert.IsType<PendingPublish>(await Publishers.CheckAsync(Services, request, pending));
        Assert.Empty(Pds.PostsOf(account));
        var post = Assert.IsType<PublishedPost>(await Publishers.CheckAsync(Services, request, pending));

        var record = Assert.Single(Pds.PostsOf(account));
        Assert.Equal(BlueskyTid.From(request.IdempotencyKey), record.Rkey);
        Assert.Equal(record.Uri, post.PlatformPostId);
        var embed = record.Value["embed"]!;
        Assert.Equal("app.bsky.embed.video", embed["$type"]!.ToString());
        Assert.Equal("A short clip", embed["alt"]!.ToString());
        Assert.Equal(1280, embed["aspectRatio"]!["width"]!.GetValue<int>());
        Assert.Equal(720, embed["aspectRatio"]!["height"]!.GetValue<int>());
        var blob = Pds.Blobs.Single(b => b.Cid == embed["video"]!["ref"]!["$link"]!.ToString());
        Assert.Equal(("video/mp4", 64L * 1024, account.Did), (blob.MimeType, blob.Size, blob.Did));
        Assert.Equal(2, job.Polls);

        // Two service tokens: the quota one for the service, the upload one for the repo's own host.
        var tokens = fixture.Emulator.RequestsTo("GET", ServiceAuth).Skip(tokensBefore).Select(r => Query(r.Query)).ToList();
        Assert.Equal([("did:web:video.bsky.app", "app.bsky.video.getUploadLimits"), ("did:web:amanita.us-east.host.bsky.network", "com.atproto.repo.uploadBlob")],
            tokens.Select(t => (t["aud"], t["lxm"])));
        var upload = fixture.Emulator.RequestsTo("POST", UploadVideo).Last();
        Assert.Equal("video/mp4", upload.Header("Content-Type"));
        Assert.Equal((account.Did, "clip.mp4"), (Query(upload.Query)["did"], Query(upload.Query)["name"]));
        var claims = Claims(upload.Header("Authorization")!["Bearer ".Length..]);
        Assert.Equal(account.Did, claims.GetProperty("iss").GetString());
        Assert.InRange(claims.GetProperty("exp").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 25 * 60, 31 * 60);

        // The record key was the part's from the start, so the resolver finds the post.
        Assert.Equal(post, await Publishers.FindAsync(Services, request, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    [Fact]
    public async Task A_self_hosted_account_addresses_its_upload_token_to_its_own_pds()
    {
        var (account, channel) = await ConnectedAsync(Bluesky.SelfHosted);
        var request = Publishers.Request(channel, "From my own server", [Clip()]);

        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
        await Publishers.CheckAsync(Services, request, pending);
        Assert.IsType<PublishedPost>(await Publishers.CheckAsync(Services, request, pending));

        var upload = fixture.Emulator.RequestsTo("GET", "/pds/xrpc/com.atproto.server.getServiceAuth").Select(r => Query(r.Query)).Last();
        Assert.Equal(("did:web:pds.example", "com.atproto.repo.uploadBlob"), (upload["aud"], upload["lxm"]));
        Assert.Equal("app.bsky.embed.video", Assert.Single(Bluesky.SelfHosted.PostsOf(account)).Value["embed"]!["$type"]!.ToString());
    }

    [Fact]
    public async Task A_job_the_service_cannot_process_is_rejected_with_its_message_and_nothing_is_posted()
    {
        var (account, channel) = await ConnectedAsync();
        var request = Publishers.Request(channel, "Broken", [Clip()]);
        Bluesky.Video.FailNextJobWith = ("encoding_failure", "Video could not be encoded: unsupported codec");

        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
        var stillProcessing = Assert.IsType<PendingPublish>(await Publishers.CheckAsync(Services, request, pending));
        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.CheckAsync(Services, request, stillProcessing));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("Bluesky could not process the video: Video could not be encoded: unsupported codec", refused.Message);
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task An_account_over_its_upload_limits_is_refused_with_blueskys_message_before_uploading()
    {
        var (account, channel) = await ConnectedAsync();
        Bluesky.Video.RefuseUploads(account, "You must verify your email address before uploading videos.");
        var uploads = fixture.Emulator.RequestsTo("POST", UploadVideo).Count();

        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, "Not yet", [Clip()])));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("Bluesky does not take a video from this account now: You must verify your email address before uploading videos.", refused.Message);
        Assert.Equal(uploads, fixture.Emulator.RequestsTo("POST", UploadVideo).Count());
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task A_service_token_the_video_service_refuses_is_rejected_without_blaming_the_session()
    {
        var (account, channel) = await ConnectedAsync();
        fixture.Emulator.Inject("POST", UploadVideo, new Emulator.Fault(401, """{"error":"BadJwtAudience","message":"jwt audience does not match service did"}"""));

        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, "Refused", [Clip()])));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("Bluesky's video service refused the upload's authorization (BadJwtAudience: jwt audience does not match service did).", refused.Message);
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task A_video_the_service_already_processed_is_posted_at_once_with_the_earlier_blob()
    {
        var (account, channel) = await ConnectedAsync();
        var clip = Clip();
        var first = Publishers.Request(channel, "First", [clip]);
        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, first));
        await Publishers.CheckAsync(Services, first, pending);
        Assert.IsType<PublishedPost>(await Publishers.CheckAsync(Services, first, pending));

        Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, Publishers.Request(channel, "Again", [clip])));

        var blobs = Pds.PostsOf(account).Select(r => r.Value["embed"]!["video"]!["ref"]!["$link"]!.ToString()).ToList();
        Assert.Equal(2, blobs.Count);
        Assert.Single(blobs.Distinct());
    }

    [Theory]
    [InlineData("mix", "Bluesky: images and videos cannot be in the same post; keep one kind.")]
    [InlineData("mov", "Bluesky: video 1 is MOV; use MP4.")]
    [InlineData("big", "Bluesky: video 1 is 100,000,001 bytes, the limit is 100,000,000 bytes.")]
    [InlineData("alt", "Bluesky: the description of video 1 has 1,001 of 1,000 characters.")]
    public async Task A_video_the_rules_refuse_is_refused_before_anything_is_sent(string problem, string message)
    {
        var (account, channel) = await ConnectedAsync();
        var before = fixture.Emulator.Requests.Count(r => r.Path == ServiceAuth || r.Path == UploadVideo || r.Path == CreateRecord);
        IReadOnlyList<PublishMedia> media = problem switch
        {
            "mix" => [Publishers.Image("still"), Clip()],
            "mov" => [Clip() with { ContentType = "video/quicktime", FileName = "clip.mov" }],
            "big" => [Clip() with { Length = BlueskyRules.MaxVideoBytes + 1 }],
            _ => [Clip(alt: new string('a', 1001))],
        };

        var refused = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, "refused", media)));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal(message, refused.Message);
        Assert.Equal(before, fixture.Emulator.Requests.Count(r => r.Path == ServiceAuth || r.Path == UploadVideo || r.Path == CreateRecord));
        Assert.Empty(Pds.PostsOf(account));
    }
}
