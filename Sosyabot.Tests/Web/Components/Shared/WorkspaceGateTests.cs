using Bunit;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Workspaces;

namespace Sosyabot.Tests.Web.Components.Shared;

// The gate as the pages use it: the settings page for a workspace id taken from the address.
public class WorkspaceGateTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_member_gets_the_page_of_their_workspace()
    {
        var (workspaceId, viewer) = await Db.MemberWithRoleAsync(WorkspaceRole.Viewer);
        var name = await Db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync());
        SignIn(viewer);

        var page = Render<WorkspaceSettingsPage>(p => p.Add(c => c.WorkspaceId, workspaceId));

        page.WaitForAssertion(() => Assert.Equal(name, page.Find("[data-testid=settings-name]").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=access-denied]"));
        Assert.Equal(workspaceId, await Db.Run<WorkspaceService, Guid?>(w => w.LastOpenedAsync(viewer.Id)));
    }

    [Fact]
    public async Task A_non_member_gets_not_found_and_never_the_workspace_name()
    {
        var (workspaceId, _) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var name = await Db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync());
        var (_, outsider) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        SignIn(outsider);

        var page = Render<MembersPage>(p => p.Add(c => c.WorkspaceId, workspaceId));

        page.WaitForAssertion(() => Assert.Equal("Workspace not found.", page.Find("[data-testid=access-denied]").TextContent.Trim()));
        Assert.DoesNotContain(name, page.Markup);
        Assert.Empty(page.FindAll("[data-testid=members]"));
        Assert.NotEqual(workspaceId, await Db.Run<WorkspaceService, Guid?>(w => w.LastOpenedAsync(outsider.Id)));
    }
}
