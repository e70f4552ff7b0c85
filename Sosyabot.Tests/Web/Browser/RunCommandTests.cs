using Microsoft.Playwright;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

// `./sosyabot run` serves the real app: styles, scripts and an interactive UI, and a quiet console.
public class RunCommandTests(ScriptedApp app) : IClassFixture<ScriptedApp>
{
    [Fact]
    public async Task Every_stylesheet_and_script_of_the_sign_in_page_is_served()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");

        var urls = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet][href], script[src]')].map(e => e.href || e.src)");

        Assert.Contains(urls, u => u.Contains("/_framework/blazor.web"));
        Assert.Contains(urls, u => u.Contains("/_content/MudBlazor/") && u.Contains(".css"));
        Assert.Contains(urls, u => u.Contains("/_content/MudBlazor/") && u.Contains(".js"));
        foreach (var url in urls)
        {
            var response = await page.APIRequest.GetAsync(url);
            Assert.True(response.Status == 200, $"{url} answered {response.Status}");
            Assert.NotEmpty(await response.BodyAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_user_registers_and_reaches_an_interactive_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.Locator("#email").FillAsync(TestData.UniqueEmail("run"));
        await page.Locator("#password").FillAsync(TestAccount.DefaultPassword);
        await page.Locator("#confirm-password").FillAsync(TestAccount.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // Rendered only once blazor.web.js has connected the circuit.
        await Expect(page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public void The_first_start_on_an_empty_database_printed_no_error_and_no_sql()
    {
        var lines = app.OutputLines;

        Assert.Contains(lines, l => l.Contains($"starting Sosyabot at {app.BaseAddress.ToString().TrimEnd('/')}"));
        Assert.Contains(lines, l => l.Contains("Applying migration"));
        Assert.DoesNotContain(lines, l => l.StartsWith("fail:") || l.StartsWith("crit:"));
        Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand"));
    }
}
