using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<T> WithServiceAsync<T>(Func<ChannelService, Task<T>> action)
    {
        await using var scope = fixture.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ChannelService>());
    }

    [Fact]
    public async Task Making_a_channel_default_moves_the_star_within_its_platform_only()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var current = await db.AddChannelAsync(user.WorkspaceId, isDefault: true);
        var next = await db.AddChannelAsync(user.WorkspaceId);
        var other = await db.AddChannelAsync(user.WorkspaceId, "mastodon", isDefault: true);

        await WithServiceAsync(async s => { await s.MakeDefaultAsync(user.Id, user.WorkspaceId, next.Id); return 0; });

        var channels = await WithServiceAsync(s => s.ListAsync(user.Id, user.WorkspaceId));
        Assert.False(channels.Single(c => c.Id == current.Id).IsDefault);
        Assert.True(channels.Single(c => c.Id == next.Id).IsDefault);
        Assert.True(channels.Single(c => c.Id == other.Id).IsDefault);
    }

    [Fact]
    public async Task Source_and_repost_flags_are_saved()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(user.WorkspaceId, isDefault: true);

        await WithServiceAsync(async s => { await s.SetFlagsAsync(user.Id, user.WorkspaceId, channel.Id, canBeSource: true, enabledForRepost: true); return 0; });

        var view = (await WithServiceAsync(s => s.ListAsync(user.Id, user.WorkspaceId))).Single();
        Assert.True(view.CanBeSource);
        Assert.True(view.EnabledForRepost);
    }

    [Fact]
    public async Task Viewers_see_channels_but_cannot_change_them()
    {
        var owner = await TestUsers.CreateAsync(fixture.Services);
        var viewer = await TestUsers.CreateAsync(fixture.Services);
        await TestUsers.AddMemberAsync(fixture.Services, owner.WorkspaceId, viewer.Id, WorkspaceRole.Viewer);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(owner.WorkspaceId, isDefault: true);

        Assert.Single(await WithServiceAsync(s => s.ListAsync(viewer.Id, owner.WorkspaceId)));
        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            WithServiceAsync(async s => { await s.SetFlagsAsync(viewer.Id, owner.WorkspaceId, channel.Id, true, true); return 0; }));
    }

    [Fact]
    public async Task Members_of_another_workspace_cannot_list_or_change_its_channels()
    {
        var owner = await TestUsers.CreateAsync(fixture.Services);
        var stranger = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(owner.WorkspaceId, isDefault: true);

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => WithServiceAsync(s => s.ListAsync(stranger.Id, owner.WorkspaceId)));
        // With their own workspace id and the other workspace's channel id, nothing changes either.
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            WithServiceAsync(async s => { await s.SetFlagsAsync(stranger.Id, stranger.WorkspaceId, channel.Id, true, true); return 0; }));
        Assert.False((await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channel.Id)).CanBeSource);
    }

    [Fact]
    public void The_list_carries_no_token_fields()
    {
        var properties = typeof(ChannelView).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(properties, p => p.Contains("Token", StringComparison.Ordinal) && p != nameof(ChannelView.TokenExpiresAt));
    }
}
