using Bunit;
using Sosyabot.Core.Accounts;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Admin;

namespace Sosyabot.Tests.Web.Components.Pages.Admin;

public class RegistrationModeSwitchTests(DatabaseFixture db) : ComponentTestBase(db), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_system_admin_closes_sign_up_from_the_admin_page()
    {
        var admin = await Db.CreateUserAsync(systemAdmin: true);
        SignIn(admin);
        var page = Render<AdminWorkspacesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mode-closed]")));

        page.Find("input[data-testid=mode-closed], [data-testid=mode-closed] input").Click();

        Assert.True(await Eventually.TrueAsync(async () =>
            await Db.Run<RegistrationPolicy, RegistrationMode>(p => p.ModeAsync()) == RegistrationMode.Closed));
        Assert.Empty(page.FindAll("[data-testid=registration-mode-error]"));
    }
}
