using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Workspaces;

// The one place that decides whether a user may act in a workspace; every workspace-scoped
// service calls it before touching data.
public sealed class WorkspaceAccess(SosyabotDbContext db)
{
    public async Task<WorkspaceRole> RequireAsync(Guid userId, Guid workspaceId, WorkspaceRole minimum, CancellationToken ct = default)
    {
        var role = await RoleOfAsync(userId, workspaceId, ct);
        if (role is null) throw new WorkspaceAccessDeniedException(isMember: false);
        if (role < minimum) throw new WorkspaceAccessDeniedException(isMember: true);
        return role.Value;
    }

    public async Task<WorkspaceRole?> RoleOfAsync(Guid userId, Guid workspaceId, CancellationToken ct = default) =>
        await db.WorkspaceMembers
            .Where(m => m.UserId == userId && m.WorkspaceId == workspaceId)
            .Select(m => (WorkspaceRole?)m.Role)
            .SingleOrDefaultAsync(ct);
}
