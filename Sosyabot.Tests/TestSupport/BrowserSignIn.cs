using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.TestSupport;

public static class BrowserSignIn
{
    // Signs in through the form and opens the address once the page is interactive (clicks made before are lost).
    public static async Task SignInAsync(this IPage page, TestUser user, string address)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(address)}");
        await page.Locator("#email").FillAsync(user.Email);
        await page.Locator("#password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(new Uri(page.Url), address).ToString());
        await Expect(page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
    }
}
