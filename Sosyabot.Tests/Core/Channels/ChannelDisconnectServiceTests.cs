using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelDisconnectServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task DisconnectAsync(TestUser user, Channel channel)
    {
        await using var scope = fixture.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ChannelDisconnectService>().DisconnectAsync(user.Id, user.WorkspaceId, channel.Id);
    }

    [Fact]
    public async Task A_scheduled_post_whose_only_target_was_the_channel_is_cancelled()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(user.WorkspaceId, isDefault: true);
        var post = await db.AddScheduledPostAsync(user.WorkspaceId, channel);

        await DisconnectAsync(user, channel);

        await using var after = fixture.CreateDbContext();
        Assert.False(await after.Channels.AnyAsync(c => c.Id == channel.Id));
        var saved = await after.Posts.Include(p => p.Targets).SingleAsync(p => p.Id == post.Id);
        Assert.Equal(PostStatus.Cancelled, saved.Status);
        var target = Assert.Single(saved.Targets);
        Assert.Equal(PostTargetStatus.Cancelled, target.Status);
        Assert.Null(target.ChannelId);
        Assert.Equal(ChannelDisconnectService.CancelledReason, target.LastError);
        var cancelled = await after.WebhookEvents.SingleAsync(e => e.WorkspaceId == user.WorkspaceId && e.Type == WebhookEventTypes.PostCancelled);
        Assert.Equal(target.Id.ToString(), cancelled.Payload["target_id"]!.GetValue<string>());
        Assert.Equal(channel.Id.ToString(), cancelled.Payload["channel_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_with_several_targets_keeps_firing_for_the_others()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var leaving = await db.AddChannelAsync(user.WorkspaceId, "reddit", isDefault: true);
        var staying = await db.AddChannelAsync(user.WorkspaceId, "mastodon", isDefault: true);
        var post = await db.AddScheduledPostAsync(user.WorkspaceId, leaving, staying);

        await DisconnectAsync(user, leaving);

        await using var after = fixture.CreateDbContext();
        var saved = await after.Posts.Include(p => p.Targets).SingleAsync(p => p.Id == post.Id);
        Assert.Equal(PostStatus.Scheduled, saved.Status);
        Assert.Equal(PostTargetStatus.Scheduled, saved.Targets.Single(t => t.ChannelId == staying.Id).Status);
        Assert.Equal(PostTargetStatus.Cancelled, saved.Targets.Single(t => t.Platform == "reddit").Status);
    }

    [Fact]
    public async Task Published_history_is_kept_when_the_channel_goes()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(user.WorkspaceId, isDefault: true);
        var post = await db.AddScheduledPostAsync(user.WorkspaceId, channel);
        await db.PostTargets.Where(t => t.PostId == post.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, PostTargetStatus.Published).SetProperty(t => t.PlatformPostId, "t3_abc"));
        await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Published));

        await DisconnectAsync(user, channel);

        await using var after = fixture.CreateDbContext();
        var target = await after.PostTargets.SingleAsync(t => t.PostId == post.Id);
        Assert.Equal(PostTargetStatus.Published, target.Status);
        Assert.Equal("t3_abc", target.PlatformPostId);
        Assert.Equal(PostStatus.Published, (await after.Posts.SingleAsync(p => p.Id == post.Id)).Status);
    }

    [Fact]
    public async Task The_oldest_remaining_channel_becomes_default_when_the_default_goes()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var first = await db.AddChannelAsync(user.WorkspaceId, isDefault: true, connectedAt: start);
        var newest = await db.AddChannelAsync(user.WorkspaceId, connectedAt: start.AddDays(2));
        var oldest = await db.AddChannelAsync(user.WorkspaceId, connectedAt: start.AddDays(1));
        var otherPlatform = await db.AddChannelAsync(user.WorkspaceId, "mastodon", isDefault: true);

        await DisconnectAsync(user, first);

        await using var after = fixture.CreateDbContext();
        Assert.True((await after.Channels.SingleAsync(c => c.Id == oldest.Id)).IsDefault);
        Assert.False((await after.Channels.SingleAsync(c => c.Id == newest.Id)).IsDefault);
        Assert.True((await after.Channels.SingleAsync(c => c.Id == otherPlatform.Id)).IsDefault);
    }

    [Fact]
    public async Task Disconnecting_records_an_account_disconnected_event()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(user.WorkspaceId, isDefault: true);

        await DisconnectAsync(user, channel);

        await using var after = fixture.CreateDbContext();
        var evt = await after.WebhookEvents.SingleAsync(e => e.WorkspaceId == user.WorkspaceId && e.Type == WebhookEventTypes.AccountDisconnected);
        Assert.Equal(channel.Id.ToString(), evt.Payload["channel_id"]!.GetValue<string>());
        Assert.Equal("reddit", evt.Payload["platform"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Editors_and_viewers_cannot_disconnect(WorkspaceRole role)
    {
        var owner = await TestUsers.CreateAsync(fixture.Services);
        var member = await TestUsers.CreateAsync(fixture.Services);
        await TestUsers.AddMemberAsync(fixture.Services, owner.WorkspaceId, member.Id, role);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(owner.WorkspaceId, isDefault: true);

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => DisconnectAsync(member with { WorkspaceId = owner.WorkspaceId }, channel));

        await using var after = fixture.CreateDbContext();
        Assert.True(await after.Channels.AnyAsync(c => c.Id == channel.Id));
    }

    [Fact]
    public async Task A_channel_of_another_workspace_cannot_be_disconnected_by_id()
    {
        var owner = await TestUsers.CreateAsync(fixture.Services);
        var stranger = await TestUsers.CreateAsync(fixture.Services);
        await using var db = fixture.CreateDbContext();
        var channel = await db.AddChannelAsync(owner.WorkspaceId, isDefault: true);

        // Through the stranger's own workspace, where they are Owner, with the other workspace's channel id.
        await Assert.ThrowsAsync<Sosyabot.Core.InvalidRequestException>(() => DisconnectAsync(stranger, channel));

        await using var after = fixture.CreateDbContext();
        Assert.True(await after.Channels.AnyAsync(c => c.Id == channel.Id));
    }
}
