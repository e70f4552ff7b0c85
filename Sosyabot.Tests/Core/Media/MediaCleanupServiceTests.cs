using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Media;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Media;

public class MediaCleanupServiceTests(MediaDatabaseFixture fixture) : IClassFixture<MediaDatabaseFixture>
{
    private async Task<MediaItem> UploadAsync(Guid userId, Guid workspaceId, TimeSpan age)
    {
        var item = await fixture.Run<MediaUploadService, MediaItem>(u =>
            u.UploadAsync(userId, workspaceId, new MemoryStream(TestMedia.Png(600, 400, noise: true)), "a.png", CancellationToken.None));
        var createdAt = DateTimeOffset.UtcNow - age;
        await fixture.Query(db => db.MediaItems.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, createdAt)));
        return item;
    }

    private Task<List<Guid>> RemainingAsync(Guid workspaceId) =>
        fixture.Query(db => db.MediaItems.Where(m => m.WorkspaceId == workspaceId).Select(m => m.Id).ToListAsync());

    [Fact]
    public async Task Day_old_uploads_no_post_uses_are_removed_with_their_files_and_the_rest_stay()
    {
        var user = await fixture.CreateUserAsync();
        var workspaceId = await fixture.CreateWorkspaceAsync(user.Id);
        var unused = await UploadAsync(user.Id, workspaceId, TimeSpan.FromHours(25));
        var usedByPost = await UploadAsync(user.Id, workspaceId, TimeSpan.FromHours(25));
        var recent = await UploadAsync(user.Id, workspaceId, TimeSpan.FromHours(2));
        await fixture.Run<MediaService>(m => m.AttachAsync(workspaceId, [usedByPost.Id]));
        // A variant made for a platform goes with its upload.
        await fixture.Run<MediaVariantService>(v => v.GetVariantAsync(unused, 50_000));
        Assert.Equal(7, fixture.FilesOf(workspaceId).Length);

        await fixture.Run<MediaCleanupService>(c => c.PurgeUnattachedAsync(CancellationToken.None));

        Assert.Equal(new[] { usedByPost.Id, recent.Id }.Order(), (await RemainingAsync(workspaceId)).Order());
        Assert.Equal(4, fixture.FilesOf(workspaceId).Length);
        Assert.DoesNotContain(fixture.FilesOf(workspaceId), f => f.Contains(Path.GetFileNameWithoutExtension(unused.StorageKey)));
        Assert.Empty(await fixture.Query(db => db.Set<MediaVariant>().Where(v => v.MediaItemId == unused.Id).ToListAsync()));
    }

    [Fact]
    public async Task An_upload_released_by_its_last_post_is_removed_at_the_next_run()
    {
        var user = await fixture.CreateUserAsync();
        var workspaceId = await fixture.CreateWorkspaceAsync(user.Id);
        var shared = await UploadAsync(user.Id, workspaceId, TimeSpan.FromDays(3));
        await fixture.Run<MediaService>(m => m.AttachAsync(workspaceId, [shared.Id]));
        await fixture.Run<MediaService>(m => m.AttachAsync(workspaceId, [shared.Id]));

        await fixture.Run<MediaService>(m => m.ReleaseAsync(workspaceId, [shared.Id]));
        await fixture.Run<MediaCleanupService>(c => c.PurgeUnattachedAsync(CancellationToken.None));
        Assert.Equal([shared.Id], await RemainingAsync(workspaceId));

        await fixture.Run<MediaService>(m => m.ReleaseAsync(workspaceId, [shared.Id]));
        await fixture.Run<MediaCleanupService>(c => c.PurgeUnattachedAsync(CancellationToken.None));
        Assert.Empty(await RemainingAsync(workspaceId));
        Assert.Empty(fixture.FilesOf(workspaceId));
    }

    [Fact]
    public async Task Attaching_an_upload_that_is_gone_or_in_another_workspace_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        var workspaceId = await fixture.CreateWorkspaceAsync(user.Id);
        var otherWorkspaceId = await fixture.CreateWorkspaceAsync(user.Id);
        var item = await UploadAsync(user.Id, otherWorkspaceId, TimeSpan.Zero);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => fixture.Run<MediaService>(m => m.AttachAsync(workspaceId, [item.Id])));

        Assert.Equal("One of the media files is no longer available; upload it again.", refused.Message);
    }
}
