using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

public class WorkspaceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private IPage _page = default!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync();

    public Task DisposeAsync() => _page.Context.CloseAsync();

    private ILocator Title => _page.Locator("[data-testid=workspace-title]");

    [Fact]
    public async Task A_new_user_registers_lands_in_their_workspace_and_switches_between_workspaces()
    {
        var personal = await RegisterAsync();
        var personalUrl = _page.Url;

        await OpenSwitcherAsync();
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = "New workspace", Exact = true }).ClickAsync();
        await _page.Locator("[data-testid=new-workspace-name]").FillAsync("Second workspace");
        await _page.Locator("[data-testid=create-workspace]").ClickAsync();

        await Expect(Title).ToHaveTextAsync("Second workspace");
        await Expect(_page).ToHaveURLAsync(WorkspaceUrl());
        Assert.NotEqual(personalUrl, _page.Url);

        await OpenSwitcherAsync();
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = personal, Exact = true }).ClickAsync();

        await Expect(Title).ToHaveTextAsync(personal);
        await Expect(_page).ToHaveURLAsync(personalUrl);
    }

    [Fact]
    public async Task Signing_out_from_the_user_menu_ends_the_session()
    {
        await RegisterAsync();
        var workspaceUrl = _page.Url;

        // The menu button is named for the signed-in user, so screen readers announce more than "button".
        await _page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Account menu for browser-[0-9a-f]{32}@example\\.test$") }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex("/account/login$"));
        await _page.GotoAsync(workspaceUrl);
        await Expect(_page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=", RegexOptions.IgnoreCase));
    }

    private Task<string> RegisterAsync() => _page.RegisterAsync(TestData.UniqueEmail("browser"));

    private async Task OpenSwitcherAsync()
    {
        await _page.Locator("[data-testid=workspace-switcher] button").ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
    }

    private static Regex WorkspaceUrl() => BrowserRegistration.WorkspaceUrl();
}
