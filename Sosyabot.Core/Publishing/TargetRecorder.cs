using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Core.Publishing;

// Every write of a claimed target's result. Each is compare-and-set on the lease: only the node that
// holds it (still Publishing, or Unknown after its lease ran out while the answer was on its way)
// may record, and each outcome's event commits in the same transaction as the outcome.
public sealed partial class TargetRecorder(SosyabotDbContext db, WebhookOutbox outbox, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<TargetRecorder> logger)
{
    private const int MaxErrorLength = 2000;

    private IQueryable<PostTarget> Held(ClaimedTarget claim) => db.PostTargets.Where(t => t.Id == claim.Id && t.LeaseOwner == claim.Owner
        && (t.Status == PostTargetStatus.Publishing || t.Status == PostTargetStatus.Unknown));

    // A part the platform confirmed: stored at once, and the lease extended for the next part.
    public async Task<bool> PartConfirmedAsync(ClaimedTarget claim, List<PartProgress> progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await Held(claim).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Progress, progress)
            .SetProperty(t => t.PendingHandle, (string?)null)
            .SetProperty(t => t.LeaseUntil, now + options.Value.LeaseTime)
            .SetProperty(t => t.UpdatedAt, now), ct) == 1;
    }

    // Every part confirmed: the last one's confirmation and the outcome in one commit.
    public Task<bool> PublishedAsync(ClaimedTarget claim, PostTarget target, List<PartProgress> progress, CancellationToken ct) =>
        OutcomeAsync(claim, target, PostTargetStatus.Published, null, null, WebhookEventTypes.PostPublished,
            PublishEvents.Payload(target, progress[0].PlatformPostId, progress[0].Url), progress, ct);

    public Task<bool> FailedAsync(ClaimedTarget claim, PostTarget target, ProviderErrorKind kind, string message, CancellationToken ct) =>
        OutcomeAsync(claim, target, PostTargetStatus.Failed, kind, message, WebhookEventTypes.PostFailed,
            PublishEvents.Payload(target, error: Trim(message), errorKind: kind.ToString()), null, ct);

    public Task<bool> UnknownAsync(ClaimedTarget claim, PostTarget target, string message, CancellationToken ct) =>
        OutcomeAsync(claim, target, PostTargetStatus.Unknown, ProviderErrorKind.Unknown, message, WebhookEventTypes.PostUnknown,
            PublishEvents.Payload(target, error: Trim(message), errorKind: nameof(ProviderErrorKind.Unknown)), null, ct);

    // The platform said it did not act (or a resolver proved it): due again at nextAttemptAt. Not an outcome, so no event.
    public async Task<bool> RetryAsync(ClaimedTarget claim, ProviderErrorKind? kind, string? message, DateTimeOffset nextAttemptAt, CancellationToken ct) =>
        await Held(claim).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, PostTargetStatus.Scheduled)
            .SetProperty(t => t.NextAttemptAt, nextAttemptAt)
            .SetProperty(t => t.LastErrorKind, kind)
            .SetProperty(t => t.LastError, message == null ? null : Trim(message))
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(t => t.UpdatedAt, clock.GetUtcNow()), ct) == 1;

    // The platform is processing: released without a lease and asked again at checkAt.
    public async Task<bool> WaitingAsync(ClaimedTarget claim, string handle, DateTimeOffset checkAt, CancellationToken ct) =>
        await Held(claim).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, PostTargetStatus.Waiting)
            .SetProperty(t => t.PendingHandle, handle)
            .SetProperty(t => t.NextAttemptAt, checkAt)
            .SetProperty(t => t.LeaseOwner, (string?)null)
            .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(t => t.UpdatedAt, clock.GetUtcNow()), ct) == 1;

    // An Unknown its resolver could not settle yet: the lease goes, the question comes back later.
    public async Task ReleaseUnknownAsync(ClaimedTarget claim, DateTimeOffset askAgainAt, CancellationToken ct) =>
        await db.PostTargets.Where(t => t.Id == claim.Id && t.LeaseOwner == claim.Owner && t.Status == PostTargetStatus.Unknown)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.NextAttemptAt, askAgainAt)
                .SetProperty(t => t.LeaseOwner, (string?)null)
                .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null), ct);

    // The platform refused the channel's credentials: the channel needs the user, and so does the target.
    public async Task<bool> NeedsReconnectAsync(ClaimedTarget claim, PostTarget target, Channel channel, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Channels.Where(c => c.Id == channel.Id && c.Status != ChannelStatus.NeedsReconnect).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, ChannelStatus.NeedsReconnect)
            .SetProperty(c => c.StatusReason, reason), ct);
        if (marked == 1) outbox.AddChannelEvent(channel, WebhookEventTypes.AccountNeedsReconnect, reason);
        var recorded = await FailedAsync(claim, target, ProviderErrorKind.Auth, $"{reason} Reconnect this channel, then retry.", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return recorded;
    }

    private async Task<bool> OutcomeAsync(ClaimedTarget claim, PostTarget target, PostTargetStatus status, ProviderErrorKind? kind, string? message,
        string eventType, JsonObject payload, List<PartProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (postId, url) = (progress?[0].PlatformPostId, progress?[0].Url);
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var updated = await Held(claim).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(t => t.Status, status)
                .SetProperty(t => t.LastErrorKind, kind)
                .SetProperty(t => t.LastError, message == null ? null : Trim(message))
                .SetProperty(t => t.PlatformPostId, postId)
                .SetProperty(t => t.PlatformPostUrl, url)
                .SetProperty(t => t.PendingHandle, (string?)null)
                .SetProperty(t => t.NextAttemptAt, status == PostTargetStatus.Unknown ? now : null)
                .SetProperty(t => t.LeaseOwner, (string?)null)
                .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(t => t.UpdatedAt, now);
            if (progress is not null) s.SetProperty(t => t.Progress, progress);
        }, ct);
        if (updated == 1)
        {
            outbox.Add(target.Post!.WorkspaceId, eventType, payload);
            await db.SaveChangesAsync(ct);
            await db.RefreshPostStatusAsync(target.PostId, ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        if (updated == 1) LogOutcome(target.Id, target.Platform, status);
        return updated == 1;
    }

    // Which node settled which target, for an operator reading several nodes' logs after an incident.
    [LoggerMessage(LogLevel.Information, "Target {TargetId} on {Platform} recorded as {Status}")]
    private partial void LogOutcome(Guid targetId, string platform, PostTargetStatus status);

    private static string Trim(string message) => message.Length <= MaxErrorLength ? message : message[..(MaxErrorLength - 1)] + "…";
}
