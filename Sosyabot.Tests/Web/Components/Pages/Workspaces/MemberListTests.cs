using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Workspaces;

namespace Sosyabot.Tests.Web.Components.Pages.Workspaces;

public class MemberListTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_admin_sees_the_invite_controls_and_member_actions()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);

        var list = await RenderAsAsync(admin, workspaceId);

        Assert.NotNull(list.Find("[data-testid=invite-email]"));
        Assert.NotNull(list.Find("[data-testid=invite]"));
        Assert.Equal(2, list.FindAll("[data-testid=member-role]").Count);
        Assert.Equal(2, list.FindAll("button[aria-label=Remove]").Count);
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Viewers_and_editors_see_the_members_but_no_controls(WorkspaceRole role)
    {
        var (workspaceId, user) = await Db.MemberWithRoleAsync(role);

        var list = await RenderAsAsync(user, workspaceId);

        Assert.Contains(user.Email!, list.Find("[data-testid=members]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=invite-email]"));
        Assert.Empty(list.FindAll("[data-testid=invite]"));
        Assert.Empty(list.FindAll("[data-testid=member-role]"));
        Assert.Empty(list.FindAll("button[aria-label=Remove]"));
    }

    [Fact]
    public async Task Inviting_an_unknown_email_shows_the_error_inline()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var list = await RenderAsAsync(admin, workspaceId);

        list.Find("[data-testid=invite-email]").Change("ghost@example.test");
        list.Find("[data-testid=invite]").Click();

        list.WaitForAssertion(() => Assert.Equal(
            "No account uses ghost@example.test. Ask them to register first, then invite them.",
            list.Find("[data-testid=members-error]").TextContent.Trim()));
        Assert.Equal(2, list.FindAll("tbody tr").Count);
    }

    [Fact]
    public async Task Inviting_a_registered_user_adds_them_to_the_list()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var invitee = await Db.CreateUserAsync(TestData.UniqueEmail("invitee"));
        var list = await RenderAsAsync(admin, workspaceId);

        list.Find("[data-testid=invite-email]").Change(invitee.Email!);
        list.Find("[data-testid=invite]").Click();

        list.WaitForAssertion(() => Assert.Contains(invitee.Email!, list.Find("[data-testid=members]").TextContent));
        Assert.Empty(list.FindAll("[data-testid=members-error]"));
        Assert.True(await Db.Query(c => c.WorkspaceMembers.AnyAsync(m =>
            m.WorkspaceId == workspaceId && m.UserId == invitee.Id && m.Role == WorkspaceRole.Editor)));
    }

    [Theory]
    [InlineData(WorkspaceRole.Admin, new[] { "Viewer", "Editor", "Admin" })]
    [InlineData(WorkspaceRole.Owner, new[] { "Viewer", "Editor", "Admin", "Owner" })]
    public async Task Only_owners_are_offered_the_owner_role_when_inviting(WorkspaceRole role, string[] offered)
    {
        var (workspaceId, user) = await Db.MemberWithRoleAsync(role);
        var list = await RenderAsAsync(user, workspaceId);

        list.Find("[data-testid=invite-role]").Closest(".mud-input-control")!.MouseDown();

        Popovers.WaitForAssertion(() => Assert.Equal(offered,
            Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task An_admin_removed_meanwhile_is_told_so_when_inviting_and_the_list_stays()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var list = await RenderAsAsync(admin, workspaceId);
        await Db.Query(c => c.WorkspaceMembers.Where(m => m.UserId == admin.Id).ExecuteDeleteAsync());

        list.Find("[data-testid=invite-email]").Change(TestData.UniqueEmail("invitee"));
        list.Find("[data-testid=invite]").Click();

        list.WaitForAssertion(() => Assert.Equal("Workspace not found.", list.Find("[data-testid=members-error]").TextContent.Trim()));
        Assert.Equal(2, list.FindAll("tbody tr").Count);
    }

    private async Task<IRenderedComponent<MemberList>> RenderAsAsync(AppUser user, Guid workspaceId)
    {
        SignIn(user);
        var workspace = await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, workspaceId));
        var list = Render<MemberList>(p => p.Add(c => c.Workspace, workspace));
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("tbody tr")));
        return list;
    }
}
