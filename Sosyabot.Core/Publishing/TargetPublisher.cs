using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing;

// Publishes one claimed target: fresh tokens, then each part not yet confirmed, in order, each
// recorded the moment the platform confirms it; then the outcome. The only place that retries.
public sealed partial class TargetPublisher(
    SosyabotDbContext db, ProviderRegistry providers, ChannelSecrets secrets, ChannelRefreshService refresh, TargetRecorder recorder,
    IPublishMediaSource mediaSource, PostValidation validation, IOptions<PublishingOptions> options, TimeProvider clock, ILogger<TargetPublisher> logger)
{
    public async Task PublishAsync(ClaimedTarget claim, CancellationToken ct)
    {
        var target = await db.PostTargets.AsNoTracking().Include(t => t.Post).SingleAsync(t => t.Id == claim.Id, ct);
        var channel = target.ChannelId is { } channelId ? await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, ct) : null;
        if (channel is null)
        {
            await recorder.FailedAsync(claim, target, ProviderErrorKind.Rejected, "The channel was disconnected before this post went out.", ct);
            return;
        }
        var publisher = providers.Find<IPublisher>(target.Platform);
        if (publisher is null)
        {
            await recorder.FailedAsync(claim, target, ProviderErrorKind.AppMisconfigured, $"Sosyabot cannot publish to {PlatformName(target.Platform)} yet.", ct);
            return;
        }
        if (channel.Status == ChannelStatus.NeedsReconnect)
        {
            await recorder.FailedAsync(claim, target, ProviderErrorKind.Auth, $"{channel.StatusReason} Reconnect this channel, then retry.".TrimStart(), ct);
            return;
        }
        try
        {
            var context = await ContextAsync(channel, ct);
            if (context is null)
            {
                var reason = (await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channel.Id, ct)).StatusReason;
                await recorder.FailedAsync(claim, target, ProviderErrorKind.Auth, $"{reason} Reconnect this channel, then retry.".TrimStart(), ct);
                return;
            }
            // Checked again right before sending: the channel's server limit or the rules may have changed since it was saved.
            if (await validation.ProblemsAsync(target.Post!, target, channel, ct) is { Count: > 0 } problems)
            {
                await recorder.FailedAsync(claim, target, ProviderErrorKind.Rejected, string.Join(" ", problems.Select(p => p.Message)), ct);
                return;
            }
            await PublishPartsAsync(claim, target, context, publisher, ct);
        }
        catch (ProviderException e)
        {
            await FailedAttemptAsync(claim, target, channel, e, ct);
        }
    }

    // The tokens to send with: refreshed first when they expire within the margin, under the
    // refresh service's per-channel lock. Null when the channel needs reconnecting.
    private async Task<ChannelContext?> ContextAsync(Channel channel, CancellationToken ct)
    {
        if (channel.TokenExpiresAt is { } expires && expires - clock.GetUtcNow() < options.Value.RefreshMargin
            && providers.Find<ITokenRefresher>(channel.Platform) is not null)
        {
            var outcome = await refresh.RefreshAsync(channel.Id, channel.TokenVersion, ct);
            if (!outcome.Succeeded)
            {
                if (outcome.ErrorKind == ProviderErrorKind.Auth) return null;
                throw new ProviderException(outcome.ErrorKind ?? ProviderErrorKind.Transient, outcome.Message ?? "The token could not be refreshed.");
            }
            channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channel.Id, ct);
        }
        var tokens = await secrets.ReadAsync(channel, ct);
        return tokens is null ? null : channel.ToContext(tokens);
    }

    private async Task PublishPartsAsync(ClaimedTarget claim, PostTarget target, ChannelContext context, IPublisher publisher, CancellationToken ct)
    {
        var post = target.Post!;
        var parts = target.OverrideParts ?? post.Parts;
        var fields = Fields(post, target);
        var progress = target.Progress.ToList();
        var pendingHandle = target.PendingHandle;
        if (progress.Count == parts.Count)
        {
            // Every part was confirmed before an interruption; only the outcome is left to record.
            await recorder.PublishedAsync(claim, target, progress, ct);
            return;
        }
        while (progress.Count < parts.Count)
        {
            var index = progress.Count;
            var media = parts[index].Media.Count == 0 ? [] : await mediaSource.ResolveAsync(post.WorkspaceId, parts[index].Media, target.Platform, ct);
            var request = Request(target, context, parts, fields, progress, media);
            var result = pendingHandle is null
                ? await publisher.PublishAsync(request, ct)
                : await CheckAsync(target.Platform, request, pendingHandle, ct);
            pendingHandle = null;
            if (result is PendingPublish pending)
            {
                await recorder.WaitingAsync(claim, pending.StatusHandle, clock.GetUtcNow() + pending.CheckAfter, ct);
                return;
            }
            var confirmed = (PublishedPost)result;
            progress.Add(new PartProgress(index, confirmed.PlatformPostId, confirmed.Url, confirmed.Ref));
            var recorded = progress.Count == parts.Count
                ? await recorder.PublishedAsync(claim, target, progress, ct)
                : await recorder.PartConfirmedAsync(claim, progress, ct);
            if (!recorded)
            {
                LogLeaseLost(target.Id, confirmed.PlatformPostId);
                return;
            }
        }
    }

    private async Task<PublishResult> CheckAsync(string platform, PublishRequest request, string handle, CancellationToken ct)
    {
        var checker = providers.Find<IPublishStatusChecker>(platform)
            ?? throw new ProviderException(ProviderErrorKind.Unknown, $"{PlatformName(platform)} was still processing this post and its status cannot be checked.");
        return await checker.CheckAsync(request, new PendingPublish(handle, TimeSpan.Zero), ct);
    }

    private async Task FailedAttemptAsync(ClaimedTarget claim, PostTarget target, Channel channel, ProviderException e, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case ProviderErrorKind.Auth:
                await recorder.NeedsReconnectAsync(claim, target, channel, e.Message, ct);
                break;
            case ProviderErrorKind.Unknown:
                await recorder.UnknownAsync(claim, target, e.Message, ct);
                break;
            case ProviderErrorKind.RateLimited or ProviderErrorKind.Transient:
                // Read after the claim, so this attempt is already counted.
                var attempts = target.Attempts;
                if (attempts >= options.Value.MaxAttempts)
                    await recorder.FailedAsync(claim, target, e.Kind, $"{e.Message} (Gave up after {attempts} attempts.)", ct);
                else
                    await recorder.RetryAsync(claim, e.Kind, e.Message, clock.GetUtcNow() + RetryPolicy.Delay(attempts, e.RetryAfter, options.Value), ct);
                break;
            default:
                await recorder.FailedAsync(claim, target, e.Kind, e.Message, ct);
                break;
        }
    }

    // The post's fields for this platform, with the target's own on top.
    public static JsonObject Fields(Post post, PostTarget target)
    {
        var fields = post.PlatformFields[target.Platform] is JsonObject own ? own.DeepClone().AsObject() : [];
        foreach (var (name, value) in target.OverrideFields ?? []) fields[name] = value?.DeepClone();
        return fields;
    }

    // The next part after those confirmed, replying to the last of them.
    private static PublishRequest Request(PostTarget target, ChannelContext context, List<PostPart> parts, JsonObject fields,
        List<PartProgress> progress, IReadOnlyList<PublishMedia> media)
    {
        var index = progress.Count;
        return new PublishRequest(context, new PublishPart(parts[index].Text, media), index, parts.Count,
            Published(progress.FirstOrDefault()), Published(progress.LastOrDefault()), fields, $"{target.IdempotencyKey:N}:{index}");
    }

    private static PublishedPost? Published(PartProgress? part) => part is null ? null : new PublishedPost(part.PlatformPostId, part.Url, part.Ref);

    private static string PlatformName(string platform) => PlatformCatalog.Find(platform)?.DisplayName ?? platform;

    [LoggerMessage(LogLevel.Error, "Target {TargetId} lost its lease before platform post {PlatformPostId} could be recorded; the target stays with whoever holds it now")]
    private partial void LogLeaseLost(Guid targetId, string platformPostId);
}
