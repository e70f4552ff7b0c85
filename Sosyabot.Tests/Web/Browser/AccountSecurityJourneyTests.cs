using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

// The app with open tabs rechecking their session every second, so a tab signed out elsewhere notices quickly.
public sealed class QuickRevalidationBrowserFixture() : BrowserFixture(WithQuickRevalidation())
{
    private static AppFixture WithQuickRevalidation()
    {
        var app = new AppFixture();
        app.ExtraSettings["Sessions:RevalidationInterval"] = "00:00:01";
        return app;
    }
}

public class AccountSecurityJourneyTests(QuickRevalidationBrowserFixture browser) : IClassFixture<QuickRevalidationBrowserFixture>, IAsyncLifetime
{
    private IPage _page = default!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync();

    public Task DisposeAsync() => _page.Context.CloseAsync();

    [Fact]
    public async Task An_open_tab_is_sent_to_sign_in_when_another_tab_signs_out()
    {
        var email = TestData.UniqueEmail("tabs");
        await _page.RegisterAsync(email);
        var otherTab = await _page.Context.NewPageAsync();
        await otherTab.GotoAsync(_page.Url);
        await Expect(otherTab.Locator("[data-testid=interactive]")).ToBeAttachedAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = $"Account menu for {email}" }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(otherTab).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_user_turns_on_two_factor_and_then_signs_in_with_a_code()
    {
        var email = TestData.UniqueEmail("totp");
        await _page.RegisterAsync(email);

        await _page.GetByRole(AriaRole.Button, new() { Name = $"Account menu for {email}" }).ClickAsync();
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = "Account security" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor sign-in" }).ClickAsync();
        var key = (await _page.Locator("[data-testid=authenticator-key]").TextContentAsync())!.Replace(" ", "").Trim();
        await _page.Locator("#code").FillAsync(Totp.Code(key));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(_page.Locator("[data-testid=recovery-codes] .mud-typography")).ToHaveCountAsync(10);

        var other = await browser.NewPageAsync();
        await other.GotoAsync("/account/login");
        await other.Locator("#email").FillAsync(email);
        await other.Locator("#password").FillAsync(TestAccount.DefaultPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await other.Locator("#code").FillAsync(Totp.Code(key));
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(other).ToHaveURLAsync(BrowserRegistration.WorkspaceUrl());
        await Expect(other.Locator("[data-testid=workspace-title]")).ToHaveTextAsync($"{email.Split('@')[0]}'s workspace");
        await other.Context.CloseAsync();
    }
}
