using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Media;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Publishing.Jobs;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Posts;

// Writing, scheduling and withdrawing posts. Every change locks the post's target rows and touches
// only those the engine has not claimed (Draft or Scheduled): the claim skips locked rows, so a
// target is either changed here or published there, never both.
public sealed class PostService(
    SosyabotDbContext db, WorkspaceAccess access, PostValidation validation, MediaService media, WebhookOutbox outbox, PublishTriggers triggers, TimeProvider clock)
{
    // The slack allowed for a time "now" that took the user a moment to submit.
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    public async Task<Guid> CreateAsync(Guid actorId, Guid workspaceId, PostContent content, IReadOnlyList<Guid> channelIds, PostSchedule schedule, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Editor, ct);
        var parts = content.Validate();
        var ids = channelIds.Distinct().ToList();
        if (ids.Count == 0) throw new InvalidRequestException("Pick at least one channel.");
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && ids.Contains(c.Id)).ToListAsync(ct);
        if (channels.Count != ids.Count) throw new InvalidRequestException("One of the chosen channels is not connected to this workspace any more.");

        var now = clock.GetUtcNow();
        var (due, zone) = Resolve(schedule, now);
        // A draft may be unfinished; what is scheduled or sent must fit every channel.
        if (due is not null) await RequireValidAsync(workspaceId, parts, content.Fields(), channels, ct);
        var post = new Post
        {
            WorkspaceId = workspaceId, Parts = parts, PlatformFields = content.Fields(), ScheduledAt = due, TimeZone = zone,
            Status = due is null ? PostStatus.Draft : PostStatus.Scheduled, CreatedByUserId = actorId, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var channel in channels)
            post.Targets.Add(new PostTarget { ChannelId = channel.Id, Platform = channel.Platform, Status = TargetStatus(due), DueAt = due, UpdatedAt = now });
        db.Posts.Add(post);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await media.AttachAsync(workspaceId, MediaIds(parts), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (due is not null) await triggers.ScheduleAsync(post.Id, due.Value, ct);
        return post.Id;
    }

    // New content for the targets not yet claimed. While none was claimed it replaces the post's own;
    // after that the post keeps what already went out and the rest get the new content as their own.
    public Task<PostChangeResult> EditAsync(Guid actorId, Guid workspaceId, Guid postId, PostContent content, CancellationToken ct = default) =>
        ChangeAsync(actorId, workspaceId, postId, async (post, open, all) =>
        {
            var parts = content.Validate();
            var channelIds = open.Where(t => t.Status == PostTargetStatus.Scheduled).Select(t => t.ChannelId).ToList();
            var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToListAsync(ct);
            await RequireValidAsync(workspaceId, parts, content.Fields(), channels, ct);
            var replaced = open.SelectMany(t => t.OverrideParts ?? []).ToList();
            if (open.Count == all.Count)
            {
                replaced.AddRange(post.Parts);
                post.Parts = parts;
                post.PlatformFields = content.Fields();
            }
            else
                foreach (var target in open)
                {
                    target.OverrideParts = [.. parts];
                    target.OverrideFields = content.Fields()[target.Platform]?.DeepClone().AsObject();
                }
            await media.AttachAsync(workspaceId, MediaIds(parts), ct);
            await media.ReleaseAsync(workspaceId, MediaIds(replaced), ct);
        }, ct);

    public async Task<PostChangeResult> RescheduleAsync(Guid actorId, Guid workspaceId, Guid postId, PostSchedule schedule, CancellationToken ct = default)
    {
        var (due, zone) = Resolve(schedule, clock.GetUtcNow());
        var result = await ChangeAsync(actorId, workspaceId, postId, (post, open, _) =>
        {
            post.ScheduledAt = due;
            post.TimeZone = zone;
            foreach (var target in open)
            {
                target.Status = TargetStatus(due);
                target.DueAt = due;
                target.NextAttemptAt = null;
            }
            return Task.CompletedTask;
        }, ct);
        if (due is not null && result.Changed.Count > 0) await triggers.ScheduleAsync(postId, due.Value, ct);
        return result;
    }

    public Task<PostChangeResult> CancelAsync(Guid actorId, Guid workspaceId, Guid postId, CancellationToken ct = default) =>
        ChangeAsync(actorId, workspaceId, postId, (post, open, _) =>
        {
            Cancel(post, open);
            return Task.CompletedTask;
        }, ct);

    // Deleting withdraws everything that has not fired (Postiz #1213 published deleted posts). A post
    // that never reached any platform goes away; one that did stays as the record of what was sent.
    public async Task<PostChangeResult> DeleteAsync(Guid actorId, Guid workspaceId, Guid postId, CancellationToken ct = default)
    {
        var deleted = false;
        var result = await ChangeAsync(actorId, workspaceId, postId, async (post, open, all) =>
        {
            Cancel(post, open);
            if (all.All(t => t.Attempts == 0 && t.Status is PostTargetStatus.Cancelled or PostTargetStatus.Missed))
            {
                db.Posts.Remove(post);
                await media.ReleaseAsync(workspaceId, MediaIds([.. post.Parts, .. all.SelectMany(t => t.OverrideParts ?? [])]), ct);
                deleted = true;
            }
        }, ct);
        return result with { Deleted = deleted };
    }

    private void Cancel(Post post, List<PostTarget> open)
    {
        foreach (var target in open.Where(t => t.Status == PostTargetStatus.Scheduled))
            outbox.Add(post.WorkspaceId, WebhookEventTypes.PostCancelled, PublishEvents.Payload(target));
        foreach (var target in open) target.Status = PostTargetStatus.Cancelled;
    }

    private async Task<PostChangeResult> ChangeAsync(Guid actorId, Guid workspaceId, Guid postId, Func<Post, List<PostTarget>, List<PostTarget>, Task> change, CancellationToken ct)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Editor, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId && p.WorkspaceId == workspaceId, ct)
            ?? throw new InvalidRequestException("That post no longer exists.");
        var targets = await db.PostTargets.FromSql($"SELECT * FROM post_targets WHERE post_id = {postId} ORDER BY id FOR UPDATE").ToListAsync(ct);
        var open = targets.Where(t => t.Status is PostTargetStatus.Draft or PostTargetStatus.Scheduled && t.LeaseOwner is null).ToList();
        await change(post, open, targets);
        post.Status = PostStatuses.Of(targets.Select(t => t.Status).ToList());
        var now = clock.GetUtcNow();
        post.UpdatedAt = now;
        foreach (var target in open) target.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PostChangeResult(open.Select(t => t.Id).ToList(), targets.Except(open).Select(TargetNotChanged.Of).ToList());
    }

    private static (DateTimeOffset? Due, string Zone) Resolve(PostSchedule schedule, DateTimeOffset now)
    {
        switch (schedule.Kind)
        {
            case PostScheduleKind.Draft:
                return (null, schedule.TimeZone is null ? "UTC" : TimeZones.Validate(schedule.TimeZone));
            case PostScheduleKind.Now:
                return (now, "UTC");
            default:
                var zone = TimeZones.Validate(schedule.TimeZone);
                var due = LocalTimes.ToUtc(schedule.Local ?? throw new InvalidRequestException("Pick a date and time."), zone);
                if (due < now - PastTolerance) throw new InvalidRequestException("That time has already passed. Pick a later one, or publish now.");
                return (due, zone);
        }
    }

    private async Task RequireValidAsync(Guid workspaceId, List<PostPart> parts, JsonObject fields, IReadOnlyList<Channel> channels, CancellationToken ct)
    {
        if (await validation.ProblemsAsync(workspaceId, parts, fields, channels, ct) is { Count: > 0 } problems)
            throw new PostProblemsException(problems);
    }

    private static List<Guid> MediaIds(IEnumerable<PostPart> parts) => parts.SelectMany(p => p.Media).Select(m => m.MediaId).ToList();

    private static PostTargetStatus TargetStatus(DateTimeOffset? due) => due is null ? PostTargetStatus.Draft : PostTargetStatus.Scheduled;
}
