using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sosyabot.Core.Data;
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

        await _page.RegisterAsync(TestData.UniqueEmail("reddit"));
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

    [Fact]
    public async Task Reconnect_is_one_click_one_flow()
    {
        var reddit = browser.Emulator.Platform<RedditEmulator>();
        reddit.RegisteredRedirectUri = new Uri(browser.BaseAddress, "/api/v1/auth/reddit/callback").AbsoluteUri;
        reddit.SignIn(reddit.CreateAccount($"again{Guid.NewGuid():N}"[..16]));
        browser.Emulator.Consent = ConsentMode.Page;
        var workspace = await RegisterAsync();
        await _page.GotoAsync($"/w/{workspace}/channels");
        await WaitForCircuitAsync();
        await _page.Locator("[data-testid=connect-menu] button").ClickAsync();
        await _page.Locator("[data-testid=connect-reddit-OAuth]").ClickAsync();
        await _page.Locator("#allow").ClickAsync();
        var row = _page.Locator("[data-testid=channel-row]");
        await Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("Active");
        var authorizeRequests = AuthorizeRequests();
        var states = await StateCountAsync(workspace);

        await WaitForCircuitAsync();
        await row.Locator("[data-testid=channel-actions] button").ClickAsync();
        await _page.Locator("[data-testid=reconnect]").ClickAsync();
        await Expect(_page.Locator("h1")).ToContainTextAsync("Reddit account");

        Assert.Equal(states + 1, await StateCountAsync(workspace));
        Assert.Equal(authorizeRequests + 1, AuthorizeRequests());
        await _page.Locator("#allow").ClickAsync();
        await Expect(_page.Locator("[data-testid=channels-message]")).ToContainTextAsync("Connected");
        await Expect(row).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_link_or_image_on_another_site_cannot_start_a_connect_in_the_signed_in_browser()
    {
        var workspace = await RegisterAsync();
        var start = new Uri(browser.BaseAddress, $"/api/v1/auth/reddit/start?workspace={workspace}&returnTo=%2F").AbsoluteUri;
        await _page.RouteAsync("http://evil.example/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<html><body><img src=\"{start}\"><a id=\"go\" href=\"{start}\">win a prize</a></body></html>",
        }));
        var authorizeRequests = AuthorizeRequests();

        await _page.GotoAsync("http://evil.example/");
        await _page.Locator("#go").ClickAsync();

        await Expect(_page.Locator("[data-testid=channels-message]")).ToContainTextAsync("This connect was not started from Sosyabot's Channels page");
        Assert.StartsWith(new Uri(browser.BaseAddress, $"/w/{workspace}/channels").AbsoluteUri, _page.Url);
        Assert.Equal(0, await StateCountAsync(workspace));
        Assert.Equal(authorizeRequests, AuthorizeRequests());
    }

    [Fact]
    public async Task Sign_in_workspace_and_channels_pages_and_the_connect_flow_break_no_content_security_policy_rule()
    {
        var violations = new List<string>();
        _page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        await _page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        var reddit = browser.Emulator.Platform<RedditEmulator>();
        reddit.RegisteredRedirectUri = new Uri(browser.BaseAddress, "/api/v1/auth/reddit/callback").AbsoluteUri;
        reddit.SignIn(reddit.CreateAccount($"csp{Guid.NewGuid():N}"[..16]));
        browser.Emulator.Consent = ConsentMode.Page;

        await _page.GotoAsync("/account/login");
        await Expect(_page.Locator("#email")).ToBeVisibleAsync();
        var workspace = await RegisterAsync();
        await WaitForCircuitAsync();
        await _page.GotoAsync($"/w/{workspace}/channels");
        await WaitForCircuitAsync();
        await _page.Locator("[data-testid=connect-menu] button").ClickAsync();
        await _page.Locator("[data-testid=connect-reddit-OAuth]").ClickAsync();
        await _page.Locator("#allow").ClickAsync();
        await Expect(_page.Locator("[data-testid=channels-message]")).ToContainTextAsync("Connected");
        await WaitForCircuitAsync();

        Assert.Empty(violations);
    }

    private int AuthorizeRequests() => browser.Emulator.RequestsTo("GET", "/reddit-www/api/v1/authorize").Count();

    private async Task<int> StateCountAsync(Guid workspaceId)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().OAuthStates.CountAsync(s => s.WorkspaceId == workspaceId);
    }

    private async Task<Guid> RegisterAsync()
    {
        await _page.RegisterAsync(TestData.UniqueEmail("reddit"));
        return Guid.Parse(new Uri(_page.Url).AbsolutePath["/w/".Length..]);
    }
}
