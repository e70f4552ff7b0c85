using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.TestSupport;

public static partial class BrowserRegistration
{
    // Registers through the form and waits until the landing workspace page is interactive (clicks made
    // before the circuit is up are lost); returns the personal workspace's name.
    public static async Task<string> RegisterAsync(this IPage page, string email)
    {
        await page.GotoAsync("/account/register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(TestAccount.DefaultPassword);
        await page.Locator("#confirm-password").FillAsync(TestAccount.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var personal = $"{email.Split('@')[0]}'s workspace";
        await Expect(page.Locator("[data-testid=workspace-title]")).ToHaveTextAsync(personal);
        await Expect(page).ToHaveURLAsync(WorkspaceUrl());
        await Expect(page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
        return personal;
    }

    [GeneratedRegex("/w/[0-9a-f-]{36}$")]
    public static partial Regex WorkspaceUrl();
}
