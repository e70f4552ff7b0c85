using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Workspaces;

public class MemberServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_admin_cannot_promote_a_member_to_owner()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var editor = await db.CreateUserAsync();
        await db.AddMemberAsync(workspaceId, editor.Id, WorkspaceRole.Editor);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.ChangeRoleAsync(admin.Id, workspaceId, editor.Id, WorkspaceRole.Owner)));

        Assert.Equal("Only an owner can make someone an owner.", error.Message);
        Assert.Equal(WorkspaceRole.Editor, await RoleOf(workspaceId, editor.Id));
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_remove_an_owner()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var ownerId = await OwnerOf(workspaceId);

        var demote = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.ChangeRoleAsync(admin.Id, workspaceId, ownerId, WorkspaceRole.Viewer)));
        var remove = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.RemoveAsync(admin.Id, workspaceId, ownerId)));

        Assert.Equal("Only an owner can change or remove another owner.", demote.Message);
        Assert.Equal("Only an owner can change or remove another owner.", remove.Message);
        Assert.Equal(WorkspaceRole.Owner, await RoleOf(workspaceId, ownerId));
    }

    [Fact]
    public async Task An_admin_changes_and_removes_editors()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var editor = await db.CreateUserAsync();
        var other = await db.CreateUserAsync();
        await db.AddMemberAsync(workspaceId, editor.Id, WorkspaceRole.Editor);
        await db.AddMemberAsync(workspaceId, other.Id, WorkspaceRole.Editor);

        await db.Run<MemberService>(m => m.ChangeRoleAsync(admin.Id, workspaceId, editor.Id, WorkspaceRole.Viewer));
        await db.Run<MemberService>(m => m.RemoveAsync(admin.Id, workspaceId, other.Id));

        Assert.Equal(WorkspaceRole.Viewer, await RoleOf(workspaceId, editor.Id));
        Assert.Null(await RoleOf(workspaceId, other.Id));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.ChangeRoleAsync(owner.Id, workspaceId, owner.Id, WorkspaceRole.Admin)));

        Assert.Equal("A workspace needs at least one owner. Make someone else owner first.", error.Message);
        Assert.Equal(WorkspaceRole.Owner, await RoleOf(workspaceId, owner.Id));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.RemoveAsync(owner.Id, workspaceId, owner.Id)));

        Assert.Equal("A workspace needs at least one owner. Make someone else owner first.", error.Message);
        Assert.Equal(WorkspaceRole.Owner, await RoleOf(workspaceId, owner.Id));
    }

    [Fact]
    public async Task With_two_owners_one_can_be_demoted_but_not_the_last()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var second = await db.CreateUserAsync();
        await db.AddMemberAsync(workspaceId, second.Id, WorkspaceRole.Owner);

        await db.Run<MemberService>(m => m.ChangeRoleAsync(second.Id, workspaceId, owner.Id, WorkspaceRole.Admin));

        Assert.Equal(WorkspaceRole.Admin, await RoleOf(workspaceId, owner.Id));
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<MemberService>(m => m.RemoveAsync(second.Id, workspaceId, second.Id)));
        Assert.Equal(WorkspaceRole.Owner, await RoleOf(workspaceId, second.Id));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Viewers_and_editors_cannot_invite_change_or_remove(WorkspaceRole role)
    {
        var (workspaceId, user) = await db.MemberWithRoleAsync(role);
        var outsider = await db.CreateUserAsync();
        var colleague = await db.CreateUserAsync();
        await db.AddMemberAsync(workspaceId, colleague.Id, WorkspaceRole.Viewer);

        var invite = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<InvitationService>(i => i.InviteAsync(user.Id, workspaceId, outsider.Email!, WorkspaceRole.Viewer)));
        var change = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<MemberService>(m => m.ChangeRoleAsync(user.Id, workspaceId, colleague.Id, WorkspaceRole.Editor)));
        var remove = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<MemberService>(m => m.RemoveAsync(user.Id, workspaceId, colleague.Id)));

        Assert.All([invite, change, remove], e => Assert.True(e.IsMember));
        Assert.Null(await RoleOf(workspaceId, outsider.Id));
        Assert.False(await db.Query(c => c.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspaceId)));
        Assert.Equal(WorkspaceRole.Viewer, await RoleOf(workspaceId, colleague.Id));
    }

    [Fact]
    public async Task Every_member_sees_the_members_highest_role_first()
    {
        var (workspaceId, viewer) = await db.MemberWithRoleAsync(WorkspaceRole.Viewer);
        await db.AddMemberAsync(workspaceId, (await db.CreateUserAsync()).Id, WorkspaceRole.Editor);
        await db.AddMemberAsync(workspaceId, (await db.CreateUserAsync()).Id, WorkspaceRole.Admin);

        var members = await db.Run<MemberService, List<MemberSummary>>(m => m.ListAsync(viewer.Id, workspaceId));

        Assert.Equal([WorkspaceRole.Owner, WorkspaceRole.Admin, WorkspaceRole.Editor, WorkspaceRole.Viewer], members.Select(m => m.Role));
        Assert.Equal(viewer.Email, members[^1].Email);
    }

    private Task<WorkspaceRole?> RoleOf(Guid workspaceId, Guid userId) => db.Query(c => c.WorkspaceMembers
        .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync());

    private Task<Guid> OwnerOf(Guid workspaceId) => db.Query(c => c.WorkspaceMembers
        .Where(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner).Select(m => m.UserId).SingleAsync());
}
