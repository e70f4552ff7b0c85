using Bunit;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Workspaces;

namespace Sosyabot.Tests.Web.Components.Pages.Workspaces;

public class WorkspaceSettingsFormTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_admin_saves_a_new_name()
    {
        var (workspaceId, admin) = await Db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var form = await RenderAsAsync(admin, workspaceId);

        form.Find("[data-testid=settings-name]").Change("Renamed in the form");
        form.Find("[data-testid=settings-save]").Click();

        Assert.True(await Eventually.TrueAsync(async () => await NameOf(workspaceId) == "Renamed in the form"));
        Assert.Empty(form.FindAll("[data-testid=settings-error]"));
    }

    [Fact]
    public async Task An_empty_name_shows_the_validation_error_and_saves_nothing()
    {
        var (workspaceId, owner) = await Db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var before = await NameOf(workspaceId);
        var form = await RenderAsAsync(owner, workspaceId);

        form.Find("[data-testid=settings-name]").Change("");
        form.Find("[data-testid=settings-save]").Click();

        form.WaitForAssertion(() => Assert.Equal("A workspace needs a name.", form.Find("[data-testid=settings-error]").TextContent.Trim()));
        Assert.Equal(before, await NameOf(workspaceId));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Viewers_and_editors_see_the_settings_read_only(WorkspaceRole role)
    {
        var (workspaceId, user) = await Db.MemberWithRoleAsync(role);

        var form = await RenderAsAsync(user, workspaceId);

        Assert.Contains("Only admins and owners can change these settings.", form.Markup);
        Assert.True(form.Find("[data-testid=settings-name]").HasAttribute("readonly"));
        Assert.Empty(form.FindAll("[data-testid=settings-save]"));
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, true)]
    [InlineData(WorkspaceRole.Admin, false)]
    [InlineData(WorkspaceRole.Editor, false)]
    [InlineData(WorkspaceRole.Viewer, false)]
    public async Task Only_owners_see_the_delete_section(WorkspaceRole role, bool shown)
    {
        var (workspaceId, user) = await Db.MemberWithRoleAsync(role);

        var form = await RenderAsAsync(user, workspaceId);

        Assert.Equal(shown, form.FindAll("[data-testid=delete-workspace]").Count == 1);
        Assert.Equal(shown, form.Markup.Contains("Delete this workspace"));
    }

    private async Task<IRenderedComponent<WorkspaceSettingsForm>> RenderAsAsync(AppUser user, Guid workspaceId)
    {
        SignIn(user);
        var workspace = await Db.Run<WorkspaceService, WorkspaceSummary>(w => w.GetAsync(user.Id, workspaceId));
        var form = Render<WorkspaceSettingsForm>(p => p.Add(c => c.Workspace, workspace));
        Assert.Equal(workspace.Name, form.Find("[data-testid=settings-name]").GetAttribute("value"));
        return form;
    }

    private Task<string> NameOf(Guid workspaceId) =>
        Db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync());
}
