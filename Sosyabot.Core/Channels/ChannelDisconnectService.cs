using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Channels;

// Removes a channel in one transaction. The token is not revoked at the platform (the confirm
// dialog says so and links to the platform's connected-apps page).
public sealed class ChannelDisconnectService(SosyabotDbContext db, WorkspaceAccess access, WebhookOutbox outbox, TimeProvider clock)
{
    public const string CancelledReason = "The channel was disconnected before this post was published.";

    public async Task DisconnectAsync(Guid actorId, Guid workspaceId, Guid channelId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, ct)
            ?? throw new InvalidRequestException("That channel no longer exists.");
        await db.LockAsync($"channels:{workspaceId}:{channel.Platform}", ct);
        var now = clock.GetUtcNow();

        // One guarded statement: a target a node claims meanwhile is Publishing and stays its own.
        var cancelled = await db.Database.SqlQuery<Guid>($"""
            UPDATE post_targets SET status = 'Cancelled', last_error = {CancelledReason}, updated_at = {now}
            WHERE channel_id = {channelId} AND status = 'Scheduled'
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        foreach (var target in await db.PostTargets.AsNoTracking().Where(t => cancelled.Contains(t.Id)).ToListAsync(ct))
            outbox.Add(workspaceId, WebhookEventTypes.PostCancelled, PublishEvents.Payload(target));
        // A scheduled post none of whose targets will fire any more is cancelled as a whole; posts
        // with other live targets keep firing for them.
        await db.Posts.Where(p => p.WorkspaceId == workspaceId && p.Status == PostStatus.Scheduled
                && p.Targets.Any(t => t.ChannelId == channelId)
                && p.Targets.All(t => t.Status == PostTargetStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Cancelled).SetProperty(p => p.UpdatedAt, now), ct);

        outbox.AddChannelEvent(channel, WebhookEventTypes.AccountDisconnected);
        db.Channels.Remove(channel);
        await db.SaveChangesAsync(ct);

        if (channel.IsDefault)
        {
            var next = await db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Platform == channel.Platform)
                .OrderBy(c => c.ConnectedAt).ThenBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (next is { } id)
                await db.Channels.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDefault, true), ct);
        }
        await tx.CommitAsync(ct);
    }
}
