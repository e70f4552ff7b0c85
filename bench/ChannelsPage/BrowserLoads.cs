using System.Diagnostics;
using Microsoft.Playwright;

namespace Sosyabot.Bench.ChannelsPage;

// The page as a user opens it: prerender, then the interactive circuit, which also costs server memory.
public static class BrowserLoads
{
    public static async Task<List<double>> RunAsync(BenchOptions options, BenchAccount account, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = options.Chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = options.App.ToString() });
        await context.AddCookiesAsync(account.Cookies.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = options.App.Host, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
        }));
        var times = new List<double>();
        for (var i = 0; i < options.BrowserLoads; i++)
        {
            var page = await context.NewPageAsync();
            page.Console += (_, message) => { if (message.Type is "error" && !message.Text.Contains("ERR_NAME_NOT_RESOLVED")) Console.Error.WriteLine($"browser: {message.Text}"); };
            page.PageError += (_, error) => Console.Error.WriteLine($"browser script error: {error}");
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            await page.WaitForSelectorAsync("[data-testid=channel-row]", new() { Timeout = 60_000 });
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.Write($" {watch.Elapsed.TotalMilliseconds:F0}");
            // Closing the tab ends its circuit, as a user leaving the page does.
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }
        Console.WriteLine();
        return times;
    }
}
