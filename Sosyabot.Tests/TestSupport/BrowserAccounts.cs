using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.TestSupport;

public static class BrowserAccounts
{
    // Registers through the real form; the page ends on the new user's personal workspace.
    public static async Task RegisterAsync(this IPage page, string emailPrefix)
    {
        await page.GotoAsync("/account/register");
        await page.Locator("#email").FillAsync(TestData.UniqueEmail(emailPrefix));
        await page.Locator("#password").FillAsync(TestAccount.DefaultPassword);
        await page.Locator("#confirm-password").FillAsync(TestAccount.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("[data-testid=workspace-title]")).ToBeVisibleAsync();
    }
}
