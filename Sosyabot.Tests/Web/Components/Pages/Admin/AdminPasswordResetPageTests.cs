using Bunit;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Admin;

namespace Sosyabot.Tests.Web.Components.Pages.Admin;

public class AdminPasswordResetPageTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_system_admin_gets_a_reset_link_for_a_user()
    {
        var admin = await Db.CreateUserAsync(systemAdmin: true);
        var user = await Db.CreateUserAsync();
        SignIn(admin);
        var page = Render<AdminPasswordResetPage>();

        page.Find("[data-testid=reset-email]").Change(user.Email);
        page.Find("[data-testid=reset-create]").Click();

        page.WaitForAssertion(() => Assert.Contains($"/account/reset-password?user={user.Id}&code=", page.Find("[data-testid=reset-link]").TextContent));
    }

    [Fact]
    public async Task Anyone_else_gets_no_link()
    {
        var someone = await Db.CreateUserAsync();
        var user = await Db.CreateUserAsync();
        SignIn(someone);
        var page = Render<AdminPasswordResetPage>();

        page.Find("[data-testid=reset-email]").Change(user.Email);
        page.Find("[data-testid=reset-create]").Click();

        page.WaitForAssertion(() => Assert.Equal("Only system administrators can do this.", page.Find("[data-testid=reset-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=reset-link]"));
    }
}
