using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Core.Publishing;

// The transitions no node's answer triggers: leases that ran out, and targets whose time passed.
// Each moves its rows and writes their events in one transaction.
public sealed class TargetSweeps(SosyabotDbContext db, WebhookOutbox outbox, TimeProvider clock)
{
    public const string LeaseExpiredMessage = "Publishing was interrupted (the app stopped while sending), so it is not known whether the platform received the post.";
    public const string MissedMessage = "The app was not running when this post was due, and it is now later than the workspace's lateness window allows.";

    // A lease that ran out means the node died mid-send: the platform may have the post. Never
    // Scheduled again; Unknown, and its resolver (if any) decides. The owner stays, so a node that
    // was only slow can still record the answer it gets.
    public Task<int> ExpireLeasesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return MoveAsync(WebhookEventTypes.PostUnknown, LeaseExpiredMessage, nameof(ProviderErrorKind.Unknown), db.Database.SqlQuery<Guid>($"""
            UPDATE post_targets SET status = 'Unknown', last_error_kind = 'Unknown', last_error = {LeaseExpiredMessage},
                next_attempt_at = {now}, updated_at = {now}
            WHERE status = 'Publishing' AND lease_until < {now}
            RETURNING id AS "Value"
            """), ct);
    }

    public Task<int> MarkMissedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return MoveAsync(WebhookEventTypes.PostMissed, MissedMessage, null, db.Database.SqlQuery<Guid>($"""
            UPDATE post_targets t SET status = 'Missed', last_error = {MissedMessage}, updated_at = {now}
            FROM posts p JOIN workspaces w ON w.id = p.workspace_id
            WHERE p.id = t.post_id AND t.status = 'Scheduled' AND t.attempts = 0 AND t.due_at < {now} - w.lateness_window
            RETURNING t.id AS "Value"
            """), ct);
    }

    private async Task<int> MoveAsync(string eventType, string message, string? errorKind, IQueryable<Guid> update, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await update.ToListAsync(ct);
        if (ids.Count > 0)
        {
            var targets = await db.PostTargets.AsNoTracking().Include(t => t.Post).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
            foreach (var target in targets)
                outbox.Add(target.Post!.WorkspaceId, eventType, PublishEvents.Payload(target, error: message, errorKind: errorKind));
            await db.SaveChangesAsync(ct);
            foreach (var postId in targets.Select(t => t.PostId).Distinct())
                await db.RefreshPostStatusAsync(postId, ct);
        }
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
