using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Workspaces;

// An owner of workspace A tries every workspace-scoped operation on workspace B, which they do not belong to.
public class CrossWorkspaceAccessTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    public static TheoryData<string> Operations() =>
    [
        "get workspace", "update settings", "delete workspace",
        "list members", "invite member", "change role", "remove member",
        "list invitations", "revoke invitation",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_owner_of_another_workspace_is_refused_and_nothing_changes(string operation)
    {
        var attacker = await db.CreateUserAsync(TestData.UniqueEmail("attacker"));
        await db.CreateWorkspaceAsync(attacker.Id, "Workspace A");
        var victim = await db.CreateUserAsync(TestData.UniqueEmail("victim"));
        var b = await db.CreateWorkspaceAsync(victim.Id, "Workspace B", "Europe/Istanbul");
        await db.Run<InvitationService>(i => i.InviteAsync(victim.Id, b, TestData.UniqueEmail("invited"), WorkspaceRole.Editor));
        var before = await Snapshot(b);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => Attempt(operation, attacker.Id, b, victim.Id));

        Assert.False(denied.IsMember);
        Assert.Equal("Workspace not found.", denied.Message);
        Assert.Equal(before, await Snapshot(b));
    }

    private async Task Attempt(string operation, Guid actor, Guid workspaceId, Guid victimId)
    {
        await using var scope = db.CreateScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var members = scope.ServiceProvider.GetRequiredService<MemberService>();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var task = operation switch
        {
            "get workspace" => workspaces.GetAsync(actor, workspaceId),
            "update settings" => workspaces.UpdateSettingsAsync(actor, workspaceId, "Taken over", "UTC"),
            "delete workspace" => workspaces.DeleteAsync(actor, workspaceId),
            "list members" => members.ListAsync(actor, workspaceId),
            "invite member" => invitations.InviteAsync(actor, workspaceId, (await EmailOf(actor))!, WorkspaceRole.Owner),
            "change role" => members.ChangeRoleAsync(actor, workspaceId, victimId, WorkspaceRole.Viewer),
            "remove member" => members.RemoveAsync(actor, workspaceId, victimId),
            "list invitations" => invitations.ListForWorkspaceAsync(actor, workspaceId),
            "revoke invitation" => invitations.RevokeAsync(actor, workspaceId,
                await db.Query(c => c.WorkspaceInvitations.Where(i => i.WorkspaceId == workspaceId).Select(i => i.Id).SingleAsync())),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        await task;
    }

    private Task<string?> EmailOf(Guid userId) => db.Query(c => c.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync());

    private async Task<string> Snapshot(Guid workspaceId)
    {
        var workspace = await db.Query(c => c.Workspaces.AsNoTracking().Include(w => w.Members).SingleAsync(w => w.Id == workspaceId));
        var members = string.Join(",", workspace.Members.OrderBy(m => m.UserId).Select(m => $"{m.UserId}:{m.Role}"));
        var invitations = await db.Query(c => c.WorkspaceInvitations.CountAsync(i => i.WorkspaceId == workspaceId));
        return $"{workspace.Name}|{workspace.TimeZone}|{members}|{invitations}";
    }
}
