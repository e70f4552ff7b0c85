using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Workspaces;

// Invitations go to an address, so the inviter's answer is the same whether or not an account uses it,
// and nobody joins a workspace without accepting.
public sealed class InvitationService(SosyabotDbContext db, WorkspaceAccess access, ILookupNormalizer normalizer, TimeProvider clock)
{
    private const string NoLongerOpen = "That invitation is no longer open.";

    public async Task<string> InviteAsync(Guid actorId, Guid workspaceId, string? email, WorkspaceRole role, CancellationToken ct = default)
    {
        var actorRole = await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        MemberService.EnsureMayGrant(actorRole, role);
        var address = email?.Trim() ?? "";
        if (address.Length == 0) throw new InvalidRequestException("Enter the email address to invite.");
        if (EmailAddresses.Problem(address) is { } problem) throw new InvalidRequestException(problem);

        var normalized = normalizer.NormalizeEmail(address);
        // The inviter sees every member in the list already, so this tells them nothing new.
        if (await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.User!.NormalizedEmail == normalized, ct))
            throw new InvalidRequestException($"{address} is already a member of this workspace.");

        // Inviting the same address again updates the offer rather than failing on the unique (workspace, email).
        var roleName = role.ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO workspace_invitations (id, workspace_id, email, normalized_email, role, invited_by_id, created_at)
            VALUES ({Guid.CreateVersion7()}, {workspaceId}, {address}, {normalized}, {roleName}, {actorId}, {clock.GetUtcNow()})
            ON CONFLICT (workspace_id, normalized_email)
            DO UPDATE SET email = excluded.email, role = excluded.role, invited_by_id = excluded.invited_by_id, created_at = excluded.created_at
            """, ct);
        return address;
    }

    public async Task<List<InvitationSummary>> ListForWorkspaceAsync(Guid actorId, Guid workspaceId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        return await db.WorkspaceInvitations
            .Where(i => i.WorkspaceId == workspaceId)
            .OrderBy(i => i.Email)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.Role, i.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task RevokeAsync(Guid actorId, Guid workspaceId, Guid invitationId, CancellationToken ct = default)
    {
        await access.RequireAsync(actorId, workspaceId, WorkspaceRole.Admin, ct);
        await db.WorkspaceInvitations.Where(i => i.Id == invitationId && i.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
    }

    public async Task<List<PendingInvitation>> ListForUserAsync(Guid userId, CancellationToken ct = default)
    {
        var email = await NormalizedEmailOfAsync(userId, ct);
        return await db.WorkspaceInvitations
            .Where(i => i.NormalizedEmail == email)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.Workspace!.Name, i.Role, i.InvitedBy!.Email, i.CreatedAt))
            .ToListAsync(ct);
    }

    // Returns the workspace joined.
    public async Task<Guid> AcceptAsync(Guid userId, Guid invitationId, CancellationToken ct = default)
    {
        var email = await NormalizedEmailOfAsync(userId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.WorkspaceInvitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.NormalizedEmail == email, ct);
        // The delete is the claim: of two accepts at once, the second waits on the row and then deletes nothing.
        if (invitation is null || await db.WorkspaceInvitations.Where(i => i.Id == invitationId).ExecuteDeleteAsync(ct) == 0)
            throw new InvalidRequestException(NoLongerOpen);

        var roleName = invitation.Role.ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO workspace_members (workspace_id, user_id, role, joined_at)
            VALUES ({invitation.WorkspaceId}, {userId}, {roleName}, {clock.GetUtcNow()})
            ON CONFLICT (workspace_id, user_id) DO NOTHING
            """, ct);
        await tx.CommitAsync(ct);
        return invitation.WorkspaceId;
    }

    public async Task DeclineAsync(Guid userId, Guid invitationId, CancellationToken ct = default)
    {
        var email = await NormalizedEmailOfAsync(userId, ct);
        await db.WorkspaceInvitations.Where(i => i.Id == invitationId && i.NormalizedEmail == email).ExecuteDeleteAsync(ct);
    }

    private async Task<string> NormalizedEmailOfAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct)
            ?? throw new InvalidRequestException(NoLongerOpen);
}
