using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Workspaces;

namespace Sosyabot.Tests.Web.Components.Pages.Workspaces;

public class PendingInvitationsTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    private const string MarkupName = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public async Task The_invitee_accepts_and_is_taken_to_the_workspace_as_a_member()
    {
        var (workspaceId, owner) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await Db.CreateUserAsync();
        await Db.Run<InvitationService, string>(i => i.InviteAsync(owner.Id, workspaceId, invitee.Email!, WorkspaceRole.Editor));
        SignIn(invitee);

        var pending = Render<PendingInvitations>();
        pending.WaitForAssertion(() => Assert.Contains(owner.Email!, pending.Find("[data-testid=pending-invitation]").TextContent));
        pending.Find("[data-testid=accept-invitation]").Click();

        pending.WaitForAssertion(() => Assert.EndsWith($"/w/{workspaceId}", Context.Services.GetRequiredService<NavigationManager>().Uri));
        // The list reloads after the navigation is asked for.
        pending.WaitForAssertion(() => Assert.Empty(pending.FindAll("[data-testid=pending-invitation]")));
        Assert.Equal(WorkspaceRole.Editor, await RoleOf(workspaceId, invitee.Id));
    }

    [Fact]
    public async Task Declining_removes_the_invitation_and_grants_nothing()
    {
        var (workspaceId, owner) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await Db.CreateUserAsync();
        await Db.Run<InvitationService, string>(i => i.InviteAsync(owner.Id, workspaceId, invitee.Email!, WorkspaceRole.Editor));
        SignIn(invitee);
        var pending = Render<PendingInvitations>();
        pending.WaitForAssertion(() => Assert.NotEmpty(pending.FindAll("[data-testid=pending-invitation]")));

        pending.Find("[data-testid=decline-invitation]").Click();

        pending.WaitForAssertion(() => Assert.Empty(pending.FindAll("[data-testid=pending-invitation]")));
        Assert.False(await Db.Query(c => c.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspaceId)));
        Assert.Null(await RoleOf(workspaceId, invitee.Id));
    }

    [Fact]
    public async Task A_workspace_name_that_looks_like_markup_is_shown_as_text()
    {
        var owner = await Db.CreateUserAsync();
        var workspaceId = await Db.CreateWorkspaceAsync(owner.Id, MarkupName);
        var invitee = await Db.CreateUserAsync();
        await Db.Run<InvitationService, string>(i => i.InviteAsync(owner.Id, workspaceId, invitee.Email!, WorkspaceRole.Viewer));
        SignIn(invitee);

        var pending = Render<PendingInvitations>();

        pending.WaitForAssertion(() => Assert.Equal(MarkupName, pending.Find("[data-testid=pending-invitation] b").TextContent));
        Assert.Empty(pending.FindAll("img"));
    }

    private Task<WorkspaceRole?> RoleOf(Guid workspaceId, Guid userId) => Db.Query(c => c.WorkspaceMembers
        .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync());
}
