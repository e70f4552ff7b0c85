using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Channels;

public sealed class ChannelService(SosyabotDbContext db, WorkspaceAccess access)
{
    public const string InstanceSetting = "instance";

    public async Task<List<ChannelView>> ListAsync(Guid actorId, Guid workspaceId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Viewer, ct);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId)
            .OrderBy(c => c.Platform).ThenBy(c => c.ConnectedAt)
            .ToListAsync(ct);
        return channels.Select(c => new ChannelView(
            c.Id, c.Platform, c.Pid, c.DisplayName, c.Username, c.AvatarUrl, c.Status, c.StatusReason, c.LoginType,
            c.TokenExpiresAt, c.IsDefault, c.EnabledForRepost, c.CanBeSource, c.ConnectedAt,
            c.Settings[InstanceSetting]?.GetValue<string>())).ToList();
    }

    public async Task MakeDefaultAsync(Guid actorId, Guid workspaceId, Guid channelId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        var channel = await FindAsync(workspaceId, channelId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockAsync($"channels:{workspaceId}:{channel.Platform}", ct);
        // Clear first: the partial unique index allows one default per platform at any moment.
        await db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Platform == channel.Platform && c.IsDefault)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDefault, false), ct);
        await db.Channels.Where(c => c.Id == channelId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDefault, true), ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetFlagsAsync(Guid actorId, Guid workspaceId, Guid channelId, bool canBeSource, bool enabledForRepost, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        var changed = await db.Channels.Where(c => c.Id == channelId && c.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CanBeSource, canBeSource).SetProperty(c => c.EnabledForRepost, enabledForRepost), ct);
        if (changed == 0) throw new InvalidRequestException("That channel no longer exists.");
    }

    private async Task<Channel> FindAsync(Guid workspaceId, Guid channelId, CancellationToken ct) =>
        await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, ct)
        ?? throw new InvalidRequestException("That channel no longer exists.");
}
