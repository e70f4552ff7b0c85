using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Users;

namespace Sosyabot.Core.Workspaces;

public sealed class MemberService(SosyabotDbContext db, WorkspaceAccess access)
{
    public async Task<List<MemberSummary>> ListAsync(Guid actorId, Guid workspaceId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Viewer, ct);
        return await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId)
            // Roles are stored as words, so ordering by the column would be alphabetical; rank them instead.
            .OrderByDescending(m => m.Role == WorkspaceRole.Owner ? 3 : m.Role == WorkspaceRole.Admin ? 2 : m.Role == WorkspaceRole.Editor ? 1 : 0)
            .ThenBy(m => m.User!.Email)
            .Select(m => new MemberSummary(m.UserId, m.User!.Email!, m.Role, m.JoinedAt))
            .ToListAsync(ct);
    }

    public Task ChangeRoleAsync(Guid actorId, Guid workspaceId, Guid userId, WorkspaceRole role, CancellationToken ct = default) =>
        ChangeMemberAsync(actorId, workspaceId, userId, role, ct);

    public Task RemoveAsync(Guid actorId, Guid workspaceId, Guid userId, CancellationToken ct = default) =>
        ChangeMemberAsync(actorId, workspaceId, userId, newRole: null, ct);

    private async Task ChangeMemberAsync(Guid actorId, Guid workspaceId, Guid userId, WorkspaceRole? newRole, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialises membership changes per workspace, so two admins cannot each remove "the other" last owner.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM workspaces WHERE id = {workspaceId} FOR UPDATE", ct);
        var actorRole = await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct)
            ?? throw new InvalidRequestException("That person is not a member of this workspace.");

        if (member.Role == WorkspaceRole.Owner && actorRole != WorkspaceRole.Owner)
            throw new InvalidRequestException("Only an owner can change or remove another owner.");
        if (newRole is { } granted) EnsureMayGrant(actorRole, granted);
        if (member.Role == WorkspaceRole.Owner && newRole != WorkspaceRole.Owner)
        {
            var owners = await db.WorkspaceMembers.CountAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner, ct);
            if (owners == 1)
                throw new InvalidRequestException("A workspace needs at least one owner. Make someone else owner first.");
        }

        if (newRole is { } role) member.Role = role;
        else db.WorkspaceMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    internal static void EnsureMayGrant(WorkspaceRole actorRole, WorkspaceRole role)
    {
        if (role == WorkspaceRole.Owner && actorRole != WorkspaceRole.Owner)
            throw new InvalidRequestException("Only an owner can make someone an owner.");
    }
}
