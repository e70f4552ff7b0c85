using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Channels;

// Every token refresh goes through here: "Refresh now", and later the sweep and publish-time refresh.
// The channel row is locked for the duration, so a rotating refresh token is used exactly once even
// with several app instances; whoever waited re-reads the row and finds the new tokens.
public sealed partial class ChannelRefreshService(
    SosyabotDbContext db, WorkspaceAccess access, ProviderRegistry providers, ChannelSecrets secrets,
    WebhookOutbox outbox, TimeProvider clock, ILogger<ChannelRefreshService> logger)
{
    public async Task<RefreshOutcome> RefreshNowAsync(Guid actorId, Guid workspaceId, Guid channelId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        if (!await db.Channels.AnyAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, ct))
            throw new InvalidRequestException("That channel no longer exists.");
        return await RefreshAsync(channelId, observedTokenVersion: null, ct);
    }

    // observedTokenVersion: the version the caller saw fail or expire. If another refresh already
    // replaced it, that result is reused instead of spending the refresh token again.
    public async Task<RefreshOutcome> RefreshAsync(Guid channelId, int? observedTokenVersion, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '45s'", ct);
        var channel = await db.Channels.FromSql($"SELECT * FROM channels WHERE id = {channelId} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new InvalidRequestException("That channel no longer exists.");
        if (observedTokenVersion is { } seen && channel.TokenVersion != seen)
            return RefreshOutcome.Ok(channel.TokenExpiresAt);

        var refresher = providers.Find<ITokenRefresher>(channel.Platform)
            ?? throw new InvalidRequestException($"{PlatformName(channel)} tokens cannot be refreshed.");
        var tokens = await secrets.ReadAsync(channel, ct);
        RefreshOutcome outcome;
        if (tokens is null)
            outcome = MarkForReconnect(channel, ChannelSecrets.UndecryptableReason);
        else
        {
            try
            {
                var fresh = await refresher.RefreshAsync(channel.ToContext(tokens), ct);
                secrets.SetTokens(channel, fresh.AccessToken, fresh.RefreshToken);
                channel.TokenExpiresAt = fresh.ExpiresAt;
                channel.RefreshTokenExpiresAt = fresh.RefreshTokenExpiresAt ?? channel.RefreshTokenExpiresAt;
                channel.LastRefreshedAt = clock.GetUtcNow();
                channel.Status = ChannelStatus.Active;
                channel.StatusReason = null;
                outbox.AddChannelEvent(channel, WebhookEventTypes.AccountRefreshed);
                outcome = RefreshOutcome.Ok(fresh.ExpiresAt);
            }
            catch (ProviderException e) when (e.Kind == ProviderErrorKind.Auth)
            {
                // We hold the lock, so this is not a race with our own rotation: the grant is dead.
                outcome = MarkForReconnect(channel, e.Message);
            }
            catch (ProviderException e)
            {
                LogRefreshFailed(channel.Id, e.Kind, e.Message);
                return RefreshOutcome.Failed(e.Kind, ProviderErrorMessage.For(e, PlatformName(channel), clock.GetUtcNow()));
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    private RefreshOutcome MarkForReconnect(Channel channel, string reason)
    {
        // ChannelSecrets has already marked (and logged) a channel whose tokens it could not read.
        if (channel.Status != ChannelStatus.NeedsReconnect)
            ChannelLog.MarkedForReconnect(logger, channel.Platform, channel.Id, reason);
        channel.Status = ChannelStatus.NeedsReconnect;
        channel.StatusReason = reason;
        outbox.AddChannelEvent(channel, WebhookEventTypes.AccountNeedsReconnect, reason);
        return RefreshOutcome.Failed(ProviderErrorKind.Auth, reason);
    }

    private static string PlatformName(Channel channel) => PlatformCatalog.Find(channel.Platform)?.DisplayName ?? channel.Platform;

    [LoggerMessage(LogLevel.Warning, "Refreshing channel {ChannelId} failed ({Kind}): {Reason}")]
    private partial void LogRefreshFailed(Guid channelId, ProviderErrorKind kind, string reason);
}
