using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Sosyabot.Core;
using Sosyabot.Core.Media;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Media;

public class MediaUploadServiceTests(MediaDatabaseFixture fixture) : IClassFixture<MediaDatabaseFixture>
{
    private async Task<(Guid UserId, Guid WorkspaceId)> OwnerAsync()
    {
        var user = await fixture.CreateUserAsync();
        return (user.Id, await fixture.CreateWorkspaceAsync(user.Id));
    }

    private Task<MediaItem> UploadAsync(Guid userId, Guid workspaceId, Stream content, string fileName) =>
        fixture.Run<MediaUploadService, MediaItem>(u => u.UploadAsync(userId, workspaceId, content, fileName, CancellationToken.None));

    [Fact]
    public async Task A_PNG_named_jpg_is_stored_as_a_PNG_with_its_size_hash_and_a_small_JPEG_thumbnail()
    {
        var (userId, workspaceId) = await OwnerAsync();
        var png = TestMedia.Png(1200, 800);

        var item = await UploadAsync(userId, workspaceId, new MemoryStream(png), "holiday.jpg");

        Assert.Equal((MediaKind.Image, "image/png", 1200, 800), (item.Kind, item.ContentType, item.Width, item.Height));
        Assert.Equal((png.LongLength, Convert.ToHexStringLower(SHA256.HashData(png))), (item.Length, item.Sha256));
        Assert.Equal("holiday.jpg", item.FileName);
        var stored = await fixture.Query(db => db.MediaItems.SingleAsync(m => m.Id == item.Id));
        Assert.Equal(item.StorageKey, stored.StorageKey);
        Assert.Equal(png, await fixture.ReadAsync(item.StorageKey));
        using var thumbnail = SKCodec.Create(new MemoryStream(await fixture.ReadAsync(item.ThumbnailKey!)));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 320, 213), (thumbnail.EncodedFormat, thumbnail.Info.Width, thumbnail.Info.Height));
    }

    [Fact]
    public async Task A_photo_stored_sideways_gets_an_upright_size_and_thumbnail()
    {
        var (userId, workspaceId) = await OwnerAsync();

        var item = await UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.JpegWithOrientation(640, 320, orientation: 6)), "phone.jpg");

        Assert.Equal((320, 640), (item.Width, item.Height));
        using var thumbnail = SKCodec.Create(new MemoryStream(await fixture.ReadAsync(item.ThumbnailKey!)));
        Assert.Equal((160, 320), (thumbnail.Info.Width, thumbnail.Info.Height));
    }

    [Fact]
    public async Task A_PDF_is_refused_with_its_name_and_leaves_no_file_and_no_row()
    {
        var (userId, workspaceId) = await OwnerAsync();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.Pdf()), "photo.png"));

        Assert.Equal("This file is a PDF; upload JPEG, PNG, WebP, GIF, MP4 or MOV.", refused.Message);
        Assert.Empty(fixture.FilesOf(workspaceId));
        Assert.False(await fixture.Query(db => db.MediaItems.AnyAsync(m => m.WorkspaceId == workspaceId)));
    }

    [Fact]
    public async Task An_upload_past_its_kinds_limit_stops_mid_stream_and_leaves_no_file_and_no_row()
    {
        var (userId, workspaceId) = await OwnerAsync();
        var upload = new ProducingStream(TestMedia.Png(10, 10), length: 200L * 1024 * 1024);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => UploadAsync(userId, workspaceId, upload, "huge.png"));

        Assert.Equal("This image is larger than 20 MB, the limit for images.", refused.Message);
        Assert.InRange(upload.BytesRead, 20L * 1024 * 1024, 21L * 1024 * 1024);
        Assert.Empty(fixture.FilesOf(workspaceId));
        Assert.False(await fixture.Query(db => db.MediaItems.AnyAsync(m => m.WorkspaceId == workspaceId)));
    }

    [Fact]
    public async Task An_image_declaring_a_huge_canvas_in_a_small_file_is_refused_before_it_is_decoded()
    {
        var (userId, workspaceId) = await OwnerAsync();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.Gif(60000, 60000)), "bomb.gif"));

        Assert.Equal("This image is 60000 × 60000 pixels; the limit is 50 megapixels.", refused.Message);
        Assert.Empty(fixture.FilesOf(workspaceId));
        Assert.False(await fixture.Query(db => db.MediaItems.AnyAsync(m => m.WorkspaceId == workspaceId)));
    }

    [Fact]
    public async Task A_video_is_stored_with_its_size_and_duration_and_no_thumbnail()
    {
        var (userId, workspaceId) = await OwnerAsync();

        var item = await UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.Mp4(1280, 720, 7.25, brand: "qt  ")), "clip.mov");

        Assert.Equal((MediaKind.Video, "video/quicktime", 1280, 720), (item.Kind, item.ContentType, item.Width, item.Height));
        Assert.Equal(TimeSpan.FromSeconds(7.25), item.Duration);
        Assert.Null(item.ThumbnailKey);
        Assert.EndsWith(".mov", item.StorageKey);
    }

    [Fact]
    public async Task The_uploaded_name_is_kept_for_display_only_and_never_reaches_the_storage_path()
    {
        var (userId, workspaceId) = await OwnerAsync();

        var item = await UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.Gif(2, 2)), "../../etc/\u0001cron.d.gif");

        Assert.Equal("cron.d.gif", item.FileName);
        Assert.Matches("^[0-9a-f]{32}/[0-9a-f]{32}\\.gif$", item.StorageKey);
        Assert.All(fixture.FilesOf(workspaceId), f => Assert.StartsWith(fixture.MediaRoot, f));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer, true)]
    [InlineData(null, false)]
    public async Task Viewers_and_non_members_cannot_upload_and_nothing_of_the_file_is_read(WorkspaceRole? role, bool isMember)
    {
        var (_, workspaceId) = await OwnerAsync();
        var other = await fixture.CreateUserAsync();
        if (role is { } r) await TestUsers.AddMemberAsync(fixture.Services, workspaceId, other.Id, r);
        var upload = new ProducingStream(TestMedia.Png(10, 10), length: 1024);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => UploadAsync(other.Id, workspaceId, upload, "x.png"));

        Assert.Equal(isMember, denied.IsMember);
        Assert.Equal(0, upload.BytesRead);
        Assert.Empty(fixture.FilesOf(workspaceId));
    }

    [Fact]
    public async Task An_editor_can_upload()
    {
        var (_, workspaceId) = await OwnerAsync();
        var editor = await fixture.CreateUserAsync();
        await TestUsers.AddMemberAsync(fixture.Services, workspaceId, editor.Id, WorkspaceRole.Editor);

        var item = await UploadAsync(editor.Id, workspaceId, new MemoryStream(TestMedia.WebPLossy(64, 48)), "a.webp");

        Assert.Equal((editor.Id, "image/webp"), (item.CreatedByUserId!.Value, item.ContentType));
    }
}
