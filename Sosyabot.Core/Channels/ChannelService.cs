using Sosyabot.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Channels;

public sealed class ChannelService(SosyabotDbContext db, WorkspaceAccess access)
{
    public async Task<List<ChannelView>> ListAsync(Guid actorId, Guid workspaceId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Viewer, ct);
        return await ViewsAsync(db.Channels.Where(c => c.WorkspaceId == workspaceId), ct);
    }

    // A page of the list, so a workspace with a thousand accounts renders fifty rows, not a thousand.
    public async Task<ChannelPage> PageAsync(Guid actorId, Guid workspaceId, string? search, int page, int pageSize = ChannelPage.DefaultSize, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Viewer, ct);
        var matching = db.Channels.Where(ChannelSearch.Matching(workspaceId, search));
        var counts = await matching.GroupBy(c => c.Platform).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var items = await ViewsAsync(matching, ct, skip: Math.Max(0, page) * pageSize, take: pageSize);
        return new ChannelPage(items, counts.Values.Sum(), counts);
    }

    public async Task<ChannelView?> FindViewAsync(Guid actorId, Guid workspaceId, Guid channelId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Viewer, ct);
        return (await ViewsAsync(db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Id == channelId), ct)).SingleOrDefault();
    }

    // Only the columns the page shows: never the token ciphertexts.
    private static async Task<List<ChannelView>> ViewsAsync(IQueryable<Channel> channels, CancellationToken ct, int skip = 0, int take = int.MaxValue)
    {
        var rows = await channels.AsNoTracking()
            .OrderBy(c => c.Platform).ThenBy(c => c.ConnectedAt).ThenBy(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new
            {
                c.Id, c.Platform, c.Pid, c.DisplayName, c.Username, c.AvatarUrl, c.Status, c.StatusReason, c.LoginType,
                c.TokenExpiresAt, c.IsDefault, c.EnabledForRepost, c.CanBeSource, c.ConnectedAt, c.Settings,
            })
            .ToListAsync(ct);
        return rows.Select(c => new ChannelView(
            c.Id, c.Platform, c.Pid, c.DisplayName, c.Username, c.AvatarUrl, c.Status, c.StatusReason, c.LoginType,
            c.TokenExpiresAt, c.IsDefault, c.EnabledForRepost, c.CanBeSource, c.ConnectedAt,
            c.Settings[ConnectedAccount.InstanceSetting]?.GetValue<string>())).ToList();
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
