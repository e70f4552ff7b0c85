using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Sosyabot.Core.Media;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Media;

public class MediaVariantServiceTests(MediaDatabaseFixture fixture) : IClassFixture<MediaDatabaseFixture>
{
    private const long BlueskyImageLimit = 1_000_000;

    private async Task<MediaItem> UploadAsync(byte[] bytes, string name)
    {
        var user = await fixture.CreateUserAsync();
        var workspaceId = await fixture.CreateWorkspaceAsync(user.Id);
        return await fixture.Run<MediaUploadService, MediaItem>(u => u.UploadAsync(user.Id, workspaceId, new MemoryStream(bytes), name, CancellationToken.None));
    }

    private Task<MediaItem> ReloadAsync(MediaItem item) =>
        fixture.Query(db => db.MediaItems.Include(m => m.Variants).SingleAsync(m => m.Id == item.Id));

    [Fact]
    public async Task A_large_image_gets_a_JPEG_copy_under_the_limit_made_once_and_the_original_stays()
    {
        var png = TestMedia.Png(2000, 1500, noise: true);
        Assert.True(png.Length > 5_000_000, $"The test image is only {png.Length} bytes.");
        var item = await UploadAsync(png, "big.png");

        var first = await fixture.Run<MediaVariantService, MediaFile>(v => v.GetVariantAsync(item, BlueskyImageLimit));
        var second = await fixture.Run<MediaVariantService, MediaFile>(v => v.GetVariantAsync(item, BlueskyImageLimit));

        Assert.Equal("image/jpeg", first.ContentType);
        Assert.InRange(first.Length, 1, BlueskyImageLimit);
        Assert.Equal(first, second);
        var bytes = await fixture.ReadAsync(first.StorageKey);
        Assert.Equal(first.Length, bytes.Length);
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal((SKEncodedImageFormat.Jpeg, first.Width, first.Height), (codec.EncodedFormat, (int?)codec.Info.Width, (int?)codec.Info.Height));
        Assert.Equal(4.0 / 3, (double)first.Width!.Value / first.Height!.Value, 2);
        Assert.Equal(png, await fixture.ReadAsync(item.StorageKey));
        Assert.Single((await ReloadAsync(item)).Variants);
    }

    [Fact]
    public async Task Two_publishers_asking_for_the_same_variant_at_once_end_with_one_copy()
    {
        var item = await UploadAsync(TestMedia.Png(1200, 900, noise: true), "race.png");

        var both = await Task.WhenAll(
            Task.Run(() => fixture.Run<MediaVariantService, MediaFile>(v => v.GetVariantAsync(item, 200_000))),
            Task.Run(() => fixture.Run<MediaVariantService, MediaFile>(v => v.GetVariantAsync(item, 200_000))));

        Assert.Equal(both[0], both[1]);
        Assert.Single((await ReloadAsync(item)).Variants);
        // The original, its thumbnail and one variant: a losing copy is removed.
        Assert.Equal(3, fixture.FilesOf(item.WorkspaceId).Length);
    }

    [Fact]
    public async Task An_image_already_under_the_limit_is_sent_as_it_is()
    {
        var item = await UploadAsync(TestMedia.Png(40, 30), "small.png");

        var file = await fixture.Run<MediaVariantService, MediaFile>(v => v.GetVariantAsync(item, BlueskyImageLimit));

        Assert.Equal(MediaFile.Original(item), file);
        Assert.Empty((await ReloadAsync(item)).Variants);
    }

    [Fact]
    public async Task The_publish_media_of_a_platform_with_a_limit_streams_the_variant()
    {
        var item = await UploadAsync(TestMedia.Png(1800, 1800, noise: true), "photo.png");

        var media = await fixture.Run<PublishMediaFactory, PublishMedia>(f => f.CreateAsync(item, "A sunset", BlueskyImageLimit));

        Assert.Equal((item.Id, MediaKind.Image, "image/jpeg", "A sunset", "photo.jpg"), (media.Id, media.Kind, media.ContentType, media.AltText, media.FileName));
        Assert.InRange(media.Length, 1, BlueskyImageLimit);
        await using var stream = await media.OpenAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(media.Length, copy.Length);
        Assert.StartsWith("http://127.0.0.1:5000/media/", media.PublicUrl!.AbsoluteUri);
    }

    [Fact]
    public async Task The_publish_media_without_a_limit_is_the_original()
    {
        var gif = TestMedia.Gif(16, 9);
        var item = await UploadAsync(gif, "anim.gif");

        var media = await fixture.Run<PublishMediaFactory, PublishMedia>(f => f.CreateAsync(item, null));

        Assert.Equal((MediaKind.Gif, "image/gif", gif.LongLength, 16, 9, "anim.gif"), (media.Kind, media.ContentType, media.Length, media.Width!.Value, media.Height!.Value, media.FileName));
    }
}
