using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing;

// Settling an Unknown with the platform's resolver: found → that post is recorded; proven absent →
// due again (the thread resumes at that part); cannot tell → asked again later.
public sealed partial class TargetPublisher
{
    public async Task ResolveAsync(ClaimedTarget claim, CancellationToken ct)
    {
        var target = await db.PostTargets.AsNoTracking().Include(t => t.Post).SingleAsync(t => t.Id == claim.Id, ct);
        var askAgainAt = clock.GetUtcNow() + options.Value.ResolveInterval;
        var parts = target.OverrideParts ?? target.Post!.Parts;
        var progress = target.Progress.ToList();
        // Every part was confirmed before the node stopped: only the outcome was not recorded.
        if (progress.Count == parts.Count)
        {
            await recorder.PublishedAsync(claim, target, progress, ct);
            return;
        }
        var resolver = providers.Find<IPublishResolver>(target.Platform);
        var channel = target.ChannelId is { } channelId ? await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, ct) : null;
        if (resolver is null || channel is null || target.AttemptStartedAt is not { } startedAt)
        {
            await recorder.ReleaseUnknownAsync(claim, askAgainAt, ct);
            return;
        }
        try
        {
            var context = await ContextAsync(channel, ct);
            if (context is null)
            {
                await recorder.ReleaseUnknownAsync(claim, askAgainAt, ct);
                return;
            }
            var found = await resolver.FindAsync(Request(target, context, parts, Fields(target.Post!, target), progress, []), startedAt, ct);
            if (found is null)
            {
                await recorder.RetryAsync(claim, ProviderErrorKind.Unknown, "The platform shows the earlier attempt did not arrive; publishing again.", clock.GetUtcNow(), ct);
                return;
            }
            progress.Add(new PartProgress(progress.Count, found.PlatformPostId, found.Url, found.Ref));
            if (progress.Count == parts.Count)
                await recorder.PublishedAsync(claim, target, progress, ct);
            else if (await recorder.PartConfirmedAsync(claim, progress, ct))
                await recorder.RetryAsync(claim, null, null, clock.GetUtcNow(), ct);
        }
        catch (ProviderException e)
        {
            LogResolveFailed(target.Id, e.Kind, e.Message);
            await recorder.ReleaseUnknownAsync(claim, askAgainAt, ct);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Target {TargetId} is still Unknown: its platform could not tell ({Kind}): {Reason}")]
    private partial void LogResolveFailed(Guid targetId, ProviderErrorKind kind, string reason);
}
