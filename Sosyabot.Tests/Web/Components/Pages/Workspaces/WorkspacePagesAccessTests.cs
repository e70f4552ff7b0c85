using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Pages.Workspaces;

// Workspace pages by address: members see their workspace, anyone else sees exactly what a missing one shows.
public class WorkspacePagesAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_member_sees_the_settings_of_their_workspace()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Settings · {account.PersonalWorkspaceName}", page.Title);
        Assert.Null(page.QuerySelector("[data-testid=access-denied]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/settings")]
    [InlineData("/members")]
    public async Task Another_users_workspace_reads_as_not_found(string page)
    {
        using var intruder = await TestAccount.RegisterAsync(app, TestData.UniqueEmail("intruder"));
        using var owner = await TestAccount.RegisterAsync(app, TestData.UniqueEmail("owner"));

        var response = await intruder.Client.GetAsync($"/w/{owner.PersonalWorkspaceId}{page}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Workspace not found.", HtmlForms.Parse(html).QuerySelector("[data-testid=access-denied]")?.TextContent.Trim());
        Assert.DoesNotContain(owner.Email.Split('@')[0], html);
        Assert.DoesNotContain(owner.Email, html);
    }

    [Fact]
    public async Task Another_users_workspace_looks_the_same_as_one_that_does_not_exist()
    {
        using var intruder = await TestAccount.RegisterAsync(app);
        using var owner = await TestAccount.RegisterAsync(app);

        var existing = await DeniedText(intruder, owner.PersonalWorkspaceId);
        var missing = await DeniedText(intruder, Guid.NewGuid());

        Assert.Equal(missing, existing);
    }

    private static async Task<string?> DeniedText(TestAccount account, Guid workspaceId)
    {
        var html = await account.Client.GetStringAsync($"/w/{workspaceId}/members");
        return HtmlForms.Parse(html).QuerySelector("[data-testid=access-denied]")?.TextContent.Trim();
    }
}
