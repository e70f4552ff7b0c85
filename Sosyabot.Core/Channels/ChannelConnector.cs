using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Core.Channels;

// Saves a validated account as a channel: a new one, or the existing channel for the same
// (workspace, platform, pid) updated in place with the same id.
public sealed class ChannelConnector(SosyabotDbContext db, ChannelSecrets secrets, WebhookOutbox outbox, TimeProvider clock)
{
    public async Task<Channel> ConnectAsync(Guid workspaceId, Guid userId, string platform, LoginType loginType, ConnectedAccount account, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One lock per (workspace, platform): two simultaneous connects cannot create the same
        // channel twice or both become the default.
        await db.LockAsync($"channels:{workspaceId}:{platform}", ct);
        var now = clock.GetUtcNow();
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.Platform == platform && c.Pid == account.Pid, ct);
        if (channel is null)
        {
            channel = new Channel
            {
                WorkspaceId = workspaceId,
                Platform = platform,
                Pid = account.Pid,
                DisplayName = account.DisplayName,
                IsDefault = !await db.Channels.AnyAsync(c => c.WorkspaceId == workspaceId && c.Platform == platform, ct),
            };
            db.Channels.Add(channel);
        }

        channel.DisplayName = account.DisplayName;
        channel.Username = account.Username;
        channel.AvatarUrl = account.AvatarUrl;
        channel.LoginType = loginType;
        channel.Status = ChannelStatus.Active;
        channel.StatusReason = null;
        channel.ConnectedAt = now;
        channel.ConnectedByUserId = userId;
        channel.TokenExpiresAt = account.Tokens.ExpiresAt;
        channel.RefreshTokenExpiresAt = account.Tokens.RefreshTokenExpiresAt ?? channel.RefreshTokenExpiresAt;
        channel.LastRefreshedAt = now;
        // A new object, not an in-place edit: EF does not see changes made inside a tracked JsonObject.
        var settings = (JsonObject)channel.Settings.DeepClone();
        foreach (var (key, value) in account.Settings ?? [])
            settings[key] = value?.DeepClone();
        channel.Settings = settings;
        secrets.SetTokens(channel, account.Tokens.AccessToken, account.Tokens.RefreshToken);

        outbox.AddChannelEvent(channel, WebhookEventTypes.AccountConnected);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return channel;
    }
}
