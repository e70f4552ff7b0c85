using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Data;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Admin;

// System administration across all workspaces. It shows counts, never workspace contents.
public sealed class AdminWorkspaceService(SosyabotDbContext db, WorkspaceService workspaces)
{
    public async Task<List<AdminWorkspaceRow>> ListAsync(Guid actorId, CancellationToken ct = default)
    {
        await RequireSystemAdminAsync(actorId, ct);
        return await db.Workspaces
            .OrderBy(w => w.Name)
            .Select(w => new AdminWorkspaceRow(
                w.Id, w.Name, w.TimeZone, w.Members.Count,
                db.Channels.Count(c => c.WorkspaceId == w.Id), w.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<Workspace> CreateAsync(Guid actorId, string name, string? ownerEmail, CancellationToken ct = default)
    {
        await RequireSystemAdminAsync(actorId, ct);
        var ownerId = actorId;
        if (!string.IsNullOrWhiteSpace(ownerEmail))
        {
            var address = EmailAddresses.Validate(ownerEmail);
            var normalized = address.ToUpperInvariant();
            ownerId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct)
                ?? throw new InvalidRequestException($"No account uses {address}.");
        }
        return await workspaces.CreateAsync(ownerId, name, ct: ct);
    }

    public async Task RenameAsync(Guid actorId, Guid workspaceId, string name, CancellationToken ct = default)
    {
        await RequireSystemAdminAsync(actorId, ct);
        var valid = WorkspaceNames.Validate(name);
        var changed = await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, valid), ct);
        if (changed == 0) throw new InvalidRequestException("That workspace no longer exists.");
    }

    public async Task DeleteAsync(Guid actorId, Guid workspaceId, CancellationToken ct = default)
    {
        await RequireSystemAdminAsync(actorId, ct);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteDeleteAsync(ct);
    }

    public async Task<bool> IsSystemAdminAsync(Guid userId, CancellationToken ct = default) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.IsSystemAdmin, ct);

    private async Task RequireSystemAdminAsync(Guid actorId, CancellationToken ct)
    {
        if (!await IsSystemAdminAsync(actorId, ct)) throw new NotSystemAdminException();
    }
}
