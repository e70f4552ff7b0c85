using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.TestSupport;
using static Sosyabot.Tests.Providers.X.XPublishing;
using static Sosyabot.Tests.TestSupport.Publishers;

namespace Sosyabot.Tests.Providers.X;

// Images and video through X's v2 chunked upload; video processing makes the publish Pending and the
// status checker posts once X has finished (or refuses with X's reason).
public class XMediaPublishTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string InitializePath = "/x-api/2/media/upload/initialize";
    private const string MetadataPath = "/x-api/2/media/metadata";

    private readonly XPublishing _x = new(fixture);

    private IServiceProvider Services => fixture.Factory.Services;

    [Fact]
    public async Task An_image_is_uploaded_described_with_its_alt_text_then_attached()
    {
        var (account, channel) = await _x.ConnectAsync();
        var mark = _x.Mark();

        var published = Assert.IsType<PublishedPost>(await PublishAsync(Services, Request(channel, Unique("A dot"), [Image("A single black dot")])));

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.Equal(tweet.Id, published.PlatformPostId);
        var mediaId = Assert.Single(tweet.MediaIds);
        var upload = _x.X.Upload(mediaId)!;
        Assert.Equal("A single black dot", upload.AltText);
        Assert.Equal(("image/png", "tweet_image", (long)Png.Length), (upload.MediaType, upload.Category, upload.TotalBytes));
        using var init = JsonDocument.Parse(Assert.Single(_x.RequestsSince(mark, "POST", InitializePath)).Body);
        Assert.Equal("tweet_image", init.RootElement.GetProperty("media_category").GetString());
        var order = fixture.Emulator.Requests.Skip(mark).Select(r => r.Path).Where(p => p is MetadataPath or TweetsPath).ToList();
        Assert.Equal([MetadataPath, TweetsPath], order);
    }

    [Fact]
    public async Task Several_images_are_attached_in_order_each_with_its_own_alt_text()
    {
        var (account, channel) = await _x.ConnectAsync();

        await PublishAsync(Services, Request(channel, Unique("Two dots"), [Image(null), Image("The second dot")]));

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.Equal([null, "The second dot"], tweet.MediaIds.Select(id => _x.X.Upload(id)!.AltText));
    }

    [Fact]
    public async Task An_unknown_post_with_media_is_found_although_x_shows_its_media_as_a_link()
    {
        var (account, channel) = await _x.ConnectAsync();
        var request = Request(channel, Unique("Picture this"), [Image(null)]);
        fixture.Emulator.Inject("POST", TweetsPath, Emulator.Fault.AppliedThenUnavailable);
        var started = DateTimeOffset.UtcNow;

        Assert.Equal(ProviderErrorKind.Unknown, (await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, request))).Kind);
        var found = await FindAsync(Services, request, started);

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.Contains("https://t.co/", tweet.ShownText);
        Assert.Equal(tweet.Id, found?.PlatformPostId);
    }

    [Fact]
    public async Task A_video_is_sent_in_segments_and_posted_by_the_status_check_once_processing_succeeded()
    {
        var (account, channel) = await _x.ConnectAsync();
        var request = Request(channel, Unique("A clip"), [Mp4()]);
        var mark = _x.Mark();

        var pending = Assert.IsType<PendingPublish>(await PublishAsync(Services, request));

        Assert.Empty(_x.X.TweetsOf(account));
        Assert.Equal(TimeSpan.FromSeconds(1), pending.CheckAfter);
        var upload = _x.X.Upload(pending.StatusHandle)!;
        Assert.Equal([0, 1, 2], upload.Segments.Keys.Order());
        Assert.All(upload.Segments.Values, size => Assert.InRange(size, 1, 5 * 1024 * 1024));
        Assert.Equal("video/mp4", upload.MediaType);

        var stillProcessing = Assert.IsType<PendingPublish>(await CheckAsync(Services, request, pending));
        Assert.Empty(_x.X.TweetsOf(account));
        var published = Assert.IsType<PublishedPost>(await CheckAsync(Services, request, stillProcessing));

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.Equal(tweet.Id, published.PlatformPostId);
        Assert.Equal([pending.StatusHandle], tweet.MediaIds);
        Assert.Single(_x.RequestsSince(mark, "POST", TweetsPath));
    }

    [Fact]
    public async Task A_video_x_cannot_process_is_refused_with_x_s_reason_and_never_posted()
    {
        var (account, channel) = await _x.ConnectAsync();
        var request = Request(channel, Unique("A broken clip"), [Mp4(64 * 1024)]);
        _x.X.FailNextProcessingWith = "Unsupported video codec.";

        var pending = Assert.IsType<PendingPublish>(await PublishAsync(Services, request));
        var stillProcessing = Assert.IsType<PendingPublish>(await CheckAsync(Services, request, pending));
        var refused = await Assert.ThrowsAsync<ProviderException>(() => CheckAsync(Services, request, stillProcessing));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("X could not process clip.mp4: Unsupported video codec.", refused.Message);
        Assert.Empty(_x.X.TweetsOf(account));
    }

    [Fact]
    public async Task A_lost_answer_during_the_upload_is_transient_because_nothing_was_published()
    {
        var (account, channel) = await _x.ConnectAsync();
        fixture.Emulator.Inject("POST", InitializePath, Emulator.Fault.AppliedThenUnavailable);

        var failed = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, Request(channel, Unique("retry me"), [Image(null)])));

        Assert.Equal(ProviderErrorKind.Transient, failed.Kind);
        Assert.Empty(_x.X.TweetsOf(account));
    }
}
