using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Workspaces;

public class WorkspaceAccessTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_non_member_is_told_the_workspace_does_not_exist()
    {
        var (workspaceId, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var stranger = await db.CreateUserAsync();

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceAccess>(a => a.RequireAsync(stranger.Id, workspaceId, WorkspaceRole.Viewer)));

        Assert.False(denied.IsMember);
        Assert.Equal("Workspace not found.", denied.Message);
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_gets_the_same_answer()
    {
        var user = await db.CreateUserAsync();

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceAccess>(a => a.RequireAsync(user.Id, Guid.NewGuid(), WorkspaceRole.Viewer)));

        Assert.False(denied.IsMember);
        Assert.Equal("Workspace not found.", denied.Message);
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer, WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Editor, WorkspaceRole.Admin)]
    [InlineData(WorkspaceRole.Admin, WorkspaceRole.Owner)]
    public async Task A_member_below_the_required_role_is_refused_as_a_member(WorkspaceRole role, WorkspaceRole required)
    {
        var (workspaceId, user) = await db.MemberWithRoleAsync(role);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceAccess>(a => a.RequireAsync(user.Id, workspaceId, required)));

        Assert.True(denied.IsMember);
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer, WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Admin, WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Owner, WorkspaceRole.Admin)]
    public async Task A_member_with_enough_rights_gets_their_role_back(WorkspaceRole role, WorkspaceRole required)
    {
        var (workspaceId, user) = await db.MemberWithRoleAsync(role);

        var granted = await db.Run<WorkspaceAccess, WorkspaceRole>(a => a.RequireAsync(user.Id, workspaceId, required));

        Assert.Equal(role, granted);
    }
}
