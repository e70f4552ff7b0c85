using Bunit;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Admin;

namespace Sosyabot.Tests.Web.Components.Pages.Admin;

public class AdminWorkspacesPageTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_system_admin_sees_every_workspace_with_its_counts()
    {
        var admin = await Db.CreateUserAsync(systemAdmin: true);
        var (workspaceId, _) = await Db.MemberWithRoleAsync(WorkspaceRole.Editor);
        await Db.CreateChannelAsync(workspaceId);
        var name = await Db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync());
        SignIn(admin);

        var page = Render<AdminWorkspacesPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("[data-testid=admin-workspaces] tbody tr").Single(r => r.TextContent.Contains(name));
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal([name, "UTC", "2", "1"], cells.Take(4));
        });
        Assert.Empty(page.FindAll("[data-testid=access-denied]"));
    }

    [Fact]
    public async Task A_system_admin_creates_a_workspace_for_someone()
    {
        var admin = await Db.CreateUserAsync(systemAdmin: true);
        var owner = await Db.CreateUserAsync();
        var name = $"Created by admin {Guid.NewGuid():N}"[..30];
        SignIn(admin);
        var page = Render<AdminWorkspacesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=admin-create]")));

        page.Find("[data-testid=admin-new-name]").Change(name);
        page.Find("[data-testid=admin-new-owner]").Change(owner.Email!);
        page.Find("[data-testid=admin-create]").Click();

        page.WaitForAssertion(() => Assert.Contains(name, page.Find("[data-testid=admin-workspaces]").TextContent));
        var member = await Db.Query(c => c.WorkspaceMembers.SingleAsync(m => m.Workspace!.Name == name));
        Assert.Equal((owner.Id, WorkspaceRole.Owner), (member.UserId, member.Role));
    }

    [Fact]
    public async Task Anyone_else_is_told_the_page_is_for_system_admins()
    {
        var (workspaceId, owner) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var name = await Db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync());
        SignIn(owner);

        var page = Render<AdminWorkspacesPage>();

        page.WaitForAssertion(() => Assert.Equal("Only system administrators can see this page.",
            page.Find("[data-testid=access-denied]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=admin-workspaces]"));
        Assert.Empty(page.FindAll("[data-testid=admin-create]"));
        Assert.DoesNotContain(name, page.Markup);
    }
}
