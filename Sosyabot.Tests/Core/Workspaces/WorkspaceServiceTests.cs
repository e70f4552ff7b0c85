using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Workspaces;

public class WorkspaceServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_admin_updates_the_name_and_time_zone()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);

        await db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(admin.Id, workspaceId, "  Istanbul office ", "Europe/Istanbul"));

        var workspace = await Load(workspaceId);
        Assert.Equal("Istanbul office", workspace.Name);
        Assert.Equal("Europe/Istanbul", workspace.TimeZone);
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Members_below_admin_cannot_update_settings(WorkspaceRole role)
    {
        var (workspaceId, user) = await db.MemberWithRoleAsync(role);
        var before = await Load(workspaceId);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(user.Id, workspaceId, "Hijacked", "Europe/Istanbul")));

        Assert.True(denied.IsMember);
        Assert.Equivalent(before, await Load(workspaceId));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_and_nothing_is_saved()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var before = await Load(workspaceId);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(owner.Id, workspaceId, "A valid new name", "Mars/Olympus")));

        Assert.Equal("'Mars/Olympus' is not an IANA time zone such as Europe/Istanbul.", error.Message);
        Assert.Equivalent(before, await Load(workspaceId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_name_is_refused_and_nothing_is_saved(string name)
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var before = await Load(workspaceId);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(owner.Id, workspaceId, name, "Europe/Istanbul")));

        Assert.Equal("A workspace needs a name.", error.Message);
        Assert.Equivalent(before, await Load(workspaceId));
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_is_refused()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(owner.Id, workspaceId, new string('x', 101), "UTC")));

        Assert.Equal("A workspace name has at most 100 characters.", error.Message);
    }

    [Fact]
    public async Task Creating_a_workspace_makes_the_creator_its_owner()
    {
        var user = await db.CreateUserAsync();

        var created = await db.Run<WorkspaceService, Workspace>(w => w.CreateAsync(user.Id, "Launch team", "America/New_York"));

        var summary = await db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, created.Id));
        Assert.Equal(new WorkspaceSummary(created.Id, "Launch team", "America/New_York", WorkspaceRole.Owner), summary);
    }

    [Fact]
    public async Task A_user_lists_only_the_workspaces_they_belong_to()
    {
        var user = await db.CreateUserAsync();
        var mine = await db.CreateWorkspaceAsync(user.Id, "Mine");
        var (shared, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await db.AddMemberAsync(shared, user.Id, WorkspaceRole.Viewer);
        await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var listed = await db.Run<WorkspaceService, List<WorkspaceSummary>>(w => w.ListForUserAsync(user.Id));

        Assert.Equal(new HashSet<Guid> { mine, shared }, listed.Select(w => w.Id).ToHashSet());
        Assert.Equal(WorkspaceRole.Viewer, listed.Single(w => w.Id == shared).Role);
    }

    [Fact]
    public async Task The_last_opened_workspace_is_the_one_opened_most_recently_by_that_user()
    {
        var user = await db.CreateUserAsync();
        var first = await db.CreateWorkspaceAsync(user.Id, "First");
        var (second, other) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await db.AddMemberAsync(second, user.Id, WorkspaceRole.Viewer);
        Assert.Null(await LastOpened(user.Id));

        await db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, second));
        await db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, first));
        await db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(other.Id, second));

        Assert.Equal(first, await LastOpened(user.Id));
        Assert.Equal(second, await LastOpened(other.Id));
    }

    [Fact]
    public async Task A_workspace_the_user_left_is_no_longer_their_last_opened_one()
    {
        var user = await db.CreateUserAsync();
        var (shared, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await db.AddMemberAsync(shared, user.Id, WorkspaceRole.Editor);
        await db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, shared));

        await db.Query(c => c.WorkspaceMembers.Where(m => m.WorkspaceId == shared && m.UserId == user.Id).ExecuteDeleteAsync());

        Assert.Null(await LastOpened(user.Id));
    }

    [Fact]
    public async Task Opening_a_workspace_one_is_not_a_member_of_is_refused_and_remembers_nothing()
    {
        var user = await db.CreateUserAsync();
        var mine = await db.CreateWorkspaceAsync(user.Id, "Mine");
        await db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, mine));
        var (theirs, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, theirs)));

        Assert.Equal(mine, await LastOpened(user.Id));
    }

    [Fact]
    public async Task An_admin_cannot_delete_the_workspace()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceService>(w => w.DeleteAsync(admin.Id, workspaceId)));

        Assert.True(denied.IsMember);
        Assert.True(await db.Query(c => c.Workspaces.AnyAsync(w => w.Id == workspaceId)));
    }

    [Fact]
    public async Task An_owner_deletes_the_workspace_with_its_members_and_channels()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await db.AddMemberAsync(workspaceId, (await db.CreateUserAsync()).Id, WorkspaceRole.Editor);
        await db.CreateChannelAsync(workspaceId);

        await db.Run<WorkspaceService>(w => w.DeleteAsync(owner.Id, workspaceId));

        Assert.False(await db.Query(c => c.Workspaces.AnyAsync(w => w.Id == workspaceId)));
        Assert.False(await db.Query(c => c.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId)));
        Assert.False(await db.Query(c => c.Channels.AnyAsync(ch => ch.WorkspaceId == workspaceId)));
    }

    private Task<Guid?> LastOpened(Guid userId) => db.Run<WorkspaceService, Guid?>(w => w.LastOpenedAsync(userId));

    private Task<Workspace> Load(Guid workspaceId) =>
        db.Query(c => c.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId));
}
