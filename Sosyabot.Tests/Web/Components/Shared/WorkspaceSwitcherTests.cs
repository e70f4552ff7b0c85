using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Shared;

namespace Sosyabot.Tests.Web.Components.Shared;

public class WorkspaceSwitcherTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task It_lists_only_the_users_workspaces_and_names_the_current_one()
    {
        var (user, mine, shared, othersName) = await ThreeWorkspacesAsync();
        SignIn(user);
        Navigation.NavigateTo($"/w/{mine.Id}/settings");

        var switcher = Render<WorkspaceSwitcher>();
        switcher.WaitForAssertion(() => Assert.Contains(mine.Name, switcher.Find("[data-testid=workspace-switcher] button").TextContent));
        switcher.Find("[data-testid=workspace-switcher] button").Click();

        Popovers.WaitForAssertion(() => Assert.Equal(
            new[] { mine.Name, shared.Name, "New workspace" }.Order(),
            MenuItems().Order()));
        Assert.DoesNotContain(othersName, Popovers.Markup);
    }

    [Fact]
    public async Task Picking_a_workspace_opens_the_same_page_in_it()
    {
        var (user, mine, shared, _) = await ThreeWorkspacesAsync();
        SignIn(user);
        Navigation.NavigateTo($"/w/{mine.Id}/members");
        var switcher = Render<WorkspaceSwitcher>();
        switcher.WaitForAssertion(() => Assert.Contains(mine.Name, switcher.Markup));

        switcher.Find("[data-testid=workspace-switcher] button").Click();
        Popovers.WaitForAssertion(() => Assert.Contains(shared.Name, MenuItems()));
        Popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == shared.Name).Click();

        Assert.Equal($"http://localhost/w/{shared.Id}/members", Navigation.Uri);
        switcher.WaitForAssertion(() => Assert.Contains(shared.Name, switcher.Find("[data-testid=workspace-switcher] button").TextContent));
    }

    [Fact]
    public async Task Opened_fresh_outside_a_workspace_it_shows_the_workspace_the_user_opened_last()
    {
        // A reload of the admin page: a new circuit with nothing in memory.
        var (user, mine, shared, _) = await ThreeWorkspacesAsync();
        await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, mine.Id));
        await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.OpenAsync(user.Id, shared.Id));
        SignIn(user);
        Navigation.NavigateTo("/admin/workspaces");

        var switcher = Render<WorkspaceSwitcher>();

        switcher.WaitForAssertion(() => Assert.Contains(shared.Name, switcher.Find("[data-testid=workspace-switcher] button").TextContent));
        switcher.Find("[data-testid=workspace-switcher] button").Click();
        Popovers.WaitForAssertion(() => Assert.Contains(shared.Name, MenuItems()));
        Popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == shared.Name).Click();
        Assert.Equal($"http://localhost/w/{shared.Id}", Navigation.Uri);
    }

    [Fact]
    public async Task Outside_a_workspace_it_asks_the_user_to_choose_one()
    {
        var (user, _, _, _) = await ThreeWorkspacesAsync();
        SignIn(user);
        Navigation.NavigateTo("/admin/workspaces");

        var switcher = Render<WorkspaceSwitcher>();

        switcher.WaitForAssertion(() => Assert.Contains("Choose a workspace", switcher.Find("[data-testid=workspace-switcher] button").TextContent));
    }

    private BunitNavigationManager Navigation => Context.Services.GetRequiredService<BunitNavigationManager>();

    private IEnumerable<string> MenuItems() => Popovers.FindAll(".mud-popover-open .mud-menu-item").Select(i => i.TextContent.Trim());

    // The user owns one workspace and is a viewer in a second; a third belongs to someone else.
    private async Task<(Sosyabot.Core.Users.AppUser User, WorkspaceSummary Mine, WorkspaceSummary Shared, string OthersName)> ThreeWorkspacesAsync()
    {
        var user = await Db.CreateUserAsync();
        var mineId = await Db.CreateWorkspaceAsync(user.Id, $"Mine {Guid.NewGuid():N}"[..20]);
        var (sharedId, _) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await Db.AddMemberAsync(sharedId, user.Id, WorkspaceRole.Viewer);
        var othersName = $"Not mine {Guid.NewGuid():N}"[..24];
        await Db.CreateWorkspaceAsync((await Db.CreateUserAsync()).Id, othersName);
        var mine = await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, mineId));
        var shared = await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, sharedId));
        return (user, mine, shared, othersName);
    }
}
