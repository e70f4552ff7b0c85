using Microsoft.Playwright;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

public class RedditConnectJourneyTests(EmulatedBrowserFixture browser) : IClassFixture<EmulatedBrowserFixture>, IAsyncLifetime
{
    private IPage _page = default!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync();

    public Task DisposeAsync() => _page.Context.CloseAsync();

    private Task WaitForCircuitAsync() => Expect(_page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();

    [Fact]
    public async Task A_user_connects_reddit_on_the_consent_page_sees_the_channel_and_disconnects_it()
    {
        var reddit = browser.Emulator.Platform<RedditEmulator>();
        reddit.RegisteredRedirectUri = new Uri(browser.BaseAddress, "/api/v1/auth/reddit/callback").AbsoluteUri;
        var username = $"journey{Guid.NewGuid():N}"[..16];
        reddit.SignIn(reddit.CreateAccount(username));
        browser.Emulator.Consent = ConsentMode.Page;

        await _page.RegisterAsync("reddit");
        await _page.GotoAsync(_page.Url + "/channels");
        await WaitForCircuitAsync();
        await Expect(_page.Locator("[data-testid=no-channels]")).ToBeVisibleAsync();

        await _page.Locator("[data-testid=connect-menu] button").ClickAsync();
        await _page.Locator("[data-testid=connect-reddit-OAuth]").ClickAsync();
        await Expect(_page.Locator("h1")).ToContainTextAsync("Reddit account");
        await _page.Locator("#allow").ClickAsync();

        var row = _page.Locator("[data-testid=channel-row]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=channel-name]")).ToContainTextAsync(username);
        await Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("Active");
        await Expect(_page.Locator("[data-testid=channels-message]")).ToContainTextAsync("Connected");

        await WaitForCircuitAsync();
        await row.Locator("[data-testid=channel-actions] button").ClickAsync();
        await _page.Locator("[data-testid=disconnect]").ClickAsync();
        await Expect(_page.Locator("[data-testid=revoke-note]")).ToContainTextAsync("does not revoke");
        await _page.Locator("[data-testid=confirm-disconnect]").ClickAsync();

        await Expect(_page.Locator("[data-testid=no-channels]")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
    }
}
