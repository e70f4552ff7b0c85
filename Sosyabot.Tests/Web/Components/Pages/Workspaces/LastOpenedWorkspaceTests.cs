using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Pages.Workspaces;

// Full page loads, as a reload or a new tab makes them: nothing of the last circuit is left, the database remembers.
public class LastOpenedWorkspaceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_home_page_lands_on_the_workspace_opened_last()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var second = await CreateWorkspaceAsync(account, "Zz second");
        (await account.Client.GetAsync($"/w/{second.Id}/members")).EnsureSuccessStatusCode();

        var home = await account.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/w/{second.Id}", home.RedirectTarget());
    }

    [Fact]
    public async Task The_admin_page_names_the_workspace_opened_last_in_the_switcher()
    {
        using var account = await TestAccount.RegisterAsync(app);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Users.Where(u => u.Email == account.Email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsSystemAdmin, true));
        var second = await CreateWorkspaceAsync(account, "Zz second");
        (await account.Client.GetAsync($"/w/{second.Id}/settings")).EnsureSuccessStatusCode();
        (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}/settings")).EnsureSuccessStatusCode();

        var html = await account.Client.GetStringAsync("/admin/workspaces");

        var switcher = HtmlForms.Parse(html).QuerySelector("[data-testid=workspace-switcher] button")?.TextContent.Trim();
        Assert.Equal(account.PersonalWorkspaceName, switcher);
    }

    private async Task<Workspace> CreateWorkspaceAsync(TestAccount account, string name)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var userId = await UserIdAsync(scope, account.Email);
        return await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync(userId, name);
    }

    private static async Task<Guid> UserIdAsync(AsyncServiceScope scope, string email) =>
        (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sosyabot.Core.Users.AppUser>>().FindByEmailAsync(email))!.Id;
}
