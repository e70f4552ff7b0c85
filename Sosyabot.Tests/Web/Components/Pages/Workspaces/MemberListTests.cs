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
    public async Task Inviting_gives_the_same_answer_for_a_registered_and_an_unknown_address()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var registered = await Db.CreateUserAsync(TestData.UniqueEmail("invitee"));
        var unknown = TestData.UniqueEmail("ghost");
        var list = await RenderAsAsync(admin, workspaceId);

        var answers = new List<string>();
        foreach (var email in new[] { registered.Email!, unknown })
        {
            list.Find("[data-testid=invite-email]").Change(email);
            list.Find("[data-testid=invite]").Click();
            list.WaitForAssertion(() => Assert.Contains(email, list.Find("[data-testid=invite-sent]").TextContent));
            answers.Add(list.Find("[data-testid=invite-sent]").TextContent.Trim().Replace(email, "ADDRESS"));
        }

        Assert.Equal("Invitation sent to ADDRESS. They'll see it when they sign in (or after they sign up with this address).", answers[0]);
        Assert.Equal(answers[0], answers[1]);
        // Invited, not added: both wait in their own list, and the member list is unchanged.
        var pending = list.Find("[data-testid=invitations]").TextContent;
        Assert.Contains(registered.Email!, pending);
        Assert.Contains(unknown, pending);
        Assert.DoesNotContain(registered.Email!, list.Find("[data-testid=members]").TextContent);
        Assert.False(await Db.Query(c => c.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == registered.Id)));
    }

    [Fact]
    public async Task Inviting_with_an_empty_field_is_a_form_error_that_names_no_account()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var list = await RenderAsAsync(admin, workspaceId);

        list.Find("[data-testid=invite]").Click();

        list.WaitForAssertion(() => Assert.Equal("Enter the email address to invite.",
            list.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Empty(list.FindAll("[data-testid=invite-sent]"));
        Assert.DoesNotContain("No account", list.Markup);
        Assert.False(await Db.Query(c => c.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspaceId)));
    }

    [Fact]
    public async Task An_admin_revokes_a_pending_invitation()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var email = TestData.UniqueEmail("revoked");
        await Db.Run<InvitationService, string>(i => i.InviteAsync(admin.Id, workspaceId, email, WorkspaceRole.Viewer));
        var list = await RenderAsAsync(admin, workspaceId);
        list.WaitForAssertion(() => Assert.Contains(email, list.Find("[data-testid=invitations]").TextContent));

        list.Find("[data-testid=revoke]").Click();

        list.WaitForAssertion(() => Assert.Empty(list.FindAll("[data-testid=invitations]")));
        Assert.False(await Db.Query(c => c.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspaceId)));
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

    private static readonly TimeSpan FirstLoad = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_admin_removed_meanwhile_is_told_so_when_inviting_and_the_list_stays()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var list = await RenderAsAsync(admin, workspaceId);
        await Db.Query(c => c.WorkspaceMembers.Where(m => m.UserId == admin.Id).ExecuteDeleteAsync());

        list.Find("[data-testid=invite-email]").Change(TestData.UniqueEmail("invitee"));
        list.Find("[data-testid=invite]").Click();

        list.WaitForAssertion(() => Assert.Contains("Workspace not found.", list.Find(".mud-input-helper-text").TextContent));
        Assert.Equal(2, list.FindAll("tbody tr").Count);
    }

    private async Task<IRenderedComponent<MemberList>> RenderAsAsync(AppUser user, Guid workspaceId)
    {
        SignIn(user);
        var workspace = await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, workspaceId));
        var list = Render<MemberList>(p => p.Add(c => c.Workspace, workspace));
        // The first render of a class pays for a cold start, which the 1-second default does not cover on a busy machine.
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("tbody tr")), FirstLoad);
        // Admins also wait for the invitations to load, which shows the invite form.
        if (workspace.Role >= WorkspaceRole.Admin) list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=invite]")), FirstLoad);
        return list;
    }
}
