using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Publishing;

// The claims that decide what runs. Each is one guarded statement in its own committed transaction,
// made before any call to a platform; rows another node is claiming are skipped, never waited for.
public sealed class TargetClaims(SosyabotDbContext db, IOptions<PublishingOptions> options, TimeProvider clock)
{
    private sealed record ClaimRow(Guid Id, Guid ChannelId, Guid PostId, string Platform);

    // The next due target (of one post, or any), on a channel with no target in flight and whose pace
    // allows another post. Locking the channel row too and moving its pace forward makes a second
    // claim racing on the same channel re-check it and skip, so one channel publishes one at a time.
    // A Waiting target was due when it was first claimed, so "due_at <= now" holds for it too; written
    // this way the claim walks ix_post_targets_claimable in order and stops at the first target it may take.
    public async Task<ClaimedTarget?> ClaimNextAsync(string owner, Guid? postId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.LeaseTime;
        var post = postId ?? Guid.Empty;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.SqlQuery<ClaimRow>($"""
            WITH next AS (
                SELECT t.id FROM post_targets t
                JOIN channels c ON c.id = t.channel_id
                JOIN posts p ON p.id = t.post_id
                JOIN workspaces w ON w.id = p.workspace_id
                WHERE t.status IN ('Scheduled', 'Waiting') AND t.due_at <= {now}
                  AND (t.next_attempt_at IS NULL OR t.next_attempt_at <= {now})
                  AND ({post} = '00000000-0000-0000-0000-000000000000'::uuid OR t.post_id = {post})
                  AND (t.attempts > 0 OR t.status = 'Waiting' OR t.due_at >= {now} - w.lateness_window)
                  AND (c.publish_paced_until IS NULL OR c.publish_paced_until <= {now})
                  AND NOT EXISTS (SELECT 1 FROM post_targets o WHERE o.channel_id = t.channel_id AND o.status = 'Publishing')
                ORDER BY t.due_at, t.id
                LIMIT 1
                FOR UPDATE OF t, c SKIP LOCKED)
            UPDATE post_targets t SET
                status = 'Publishing', lease_owner = {owner}, lease_until = {until},
                attempts = CASE WHEN t.status = 'Waiting' THEN t.attempts ELSE t.attempts + 1 END,
                attempt_started_at = CASE WHEN t.status = 'Waiting' THEN t.attempt_started_at ELSE {now} END,
                next_attempt_at = NULL, updated_at = {now}
            FROM next WHERE t.id = next.id
            RETURNING t.id, t.channel_id, t.post_id, t.platform
            """).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var claimed = rows[0];
        var pacedUntil = now + PublishPacing.For(claimed.Platform, options.Value);
        await db.Database.ExecuteSqlAsync($"UPDATE channels SET publish_paced_until = {pacedUntil} WHERE id = {claimed.ChannelId}", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE posts SET status = 'Publishing' WHERE id = {claimed.PostId} AND status = 'Scheduled'", ct);
        await tx.CommitAsync(ct);
        return new ClaimedTarget(claimed.Id, owner);
    }

    // An Unknown to settle with its platform's resolver, or on any platform one whose every part was
    // confirmed (the node stopped before recording the outcome): a lease without a status change, so
    // two nodes never ask at once and the answer is recorded by the one that asked.
    public async Task<ClaimedTarget?> ClaimUnknownAsync(string owner, string[] resolvablePlatforms, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.LeaseTime;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE post_targets SET lease_owner = {owner}, lease_until = {until}, updated_at = {now}
            WHERE id = (
                SELECT id FROM post_targets
                WHERE status = 'Unknown'
                  AND (platform = ANY({resolvablePlatforms})
                       OR jsonb_array_length(progress) = jsonb_array_length(COALESCE(override_parts, (SELECT parts FROM posts WHERE posts.id = post_id))))
                  AND (lease_until IS NULL OR lease_until < {now})
                  AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY next_attempt_at NULLS FIRST, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : new ClaimedTarget(ids[0], owner);
    }
}
