using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Workspaces;

public sealed class WorkspaceService(SosyabotDbContext db, WorkspaceAccess access, TimeProvider clock)
{
    public async Task<Workspace> CreateAsync(Guid ownerUserId, string name, string timeZone = "UTC", CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var workspace = new Workspace { Name = WorkspaceNames.Validate(name), TimeZone = TimeZones.Validate(timeZone), CreatedAt = now };
        workspace.Members.Add(new WorkspaceMember { UserId = ownerUserId, Role = WorkspaceRole.Owner, JoinedAt = now });
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(ct);
        return workspace;
    }

    public Task<List<WorkspaceSummary>> ListForUserAsync(Guid userId, CancellationToken ct = default) =>
        db.WorkspaceMembers
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Workspace!.Name)
            .Select(m => new WorkspaceSummary(m.WorkspaceId, m.Workspace!.Name, m.Workspace.TimeZone, m.Role))
            .ToListAsync(ct);

    public async Task<WorkspaceSummary> GetAsync(Guid userId, Guid workspaceId, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(userId, workspaceId, WorkspaceRole.Viewer, ct);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        return new WorkspaceSummary(workspace.Id, workspace.Name, workspace.TimeZone, role);
    }

    // A workspace page opened by a member: like GetAsync, and remembered as the member's last workspace.
    public async Task<WorkspaceSummary> OpenAsync(Guid userId, Guid workspaceId, CancellationToken ct = default)
    {
        var workspace = await GetAsync(userId, workspaceId, ct);
        var now = clock.GetUtcNow();
        await db.WorkspaceMembers.Where(m => m.UserId == userId && m.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastOpenedAt, now), ct);
        return workspace;
    }

    // The workspace the user opened last, while they are still a member of it; else null.
    public Task<Guid?> LastOpenedAsync(Guid userId, CancellationToken ct = default) =>
        db.WorkspaceMembers
            .Where(m => m.UserId == userId && m.LastOpenedAt != null)
            .OrderByDescending(m => m.LastOpenedAt)
            .Select(m => (Guid?)m.WorkspaceId)
            .FirstOrDefaultAsync(ct);

    public async Task UpdateSettingsAsync(Guid userId, Guid workspaceId, string name, string timeZone, CancellationToken ct = default)
    {
        await access.RequireAsync(userId, workspaceId, WorkspaceRole.Admin, ct);
        var validName = WorkspaceNames.Validate(name);
        var validZone = TimeZones.Validate(timeZone);
        await db.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, validName).SetProperty(w => w.TimeZone, validZone), ct);
    }

    public async Task DeleteAsync(Guid userId, Guid workspaceId, CancellationToken ct = default)
    {
        await access.RequireAsync(userId, workspaceId, WorkspaceRole.Owner, ct);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteDeleteAsync(ct);
    }
}
