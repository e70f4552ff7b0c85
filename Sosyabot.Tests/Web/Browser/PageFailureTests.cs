using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

// Failures while a page is open: each ends in a message where the user is, never in a page that looks alive but is dead.
public class PageFailureTests(AppBrowserFixture browser) : IClassFixture<AppBrowserFixture>, IAsyncLifetime
{
    // The database refuses this workspace name (a check constraint the test adds): an unexpected failure, honestly produced.
    private const string RefusedName = "Refused by the database";

    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync();
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE workspaces DROP CONSTRAINT IF EXISTS test_refused_name; " +
            $"ALTER TABLE workspaces ADD CONSTRAINT test_refused_name CHECK (name <> '{RefusedName}')"));
    }

    public Task DisposeAsync() => _page.Context.CloseAsync();

    [Fact]
    public async Task An_owner_demoted_in_another_tab_is_told_why_delete_failed_and_the_page_stays_alive()
    {
        var user = await TestUsers.CreateAsync(browser.Services);
        await _page.SignInAsync(user, $"/w/{user.WorkspaceId}/settings");
        await WithDbAsync(db => db.WorkspaceMembers.Where(m => m.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, WorkspaceRole.Admin)));

        await _page.Locator("[data-testid=delete-workspace]").ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(_page.Locator("[data-testid=delete-error]")).ToHaveTextAsync("You are no longer an Owner of this workspace, so you cannot delete it.");
        await _page.Locator("[data-testid=settings-name]").FillAsync("Still alive");
        await _page.Locator("[data-testid=settings-save]").ClickAsync();
        await Expect(_page.GetByText("Settings saved.")).ToBeVisibleAsync();
        Assert.Equal("Still alive", await WithDbAsync(db => db.Workspaces.Where(w => w.Id == user.WorkspaceId).Select(w => w.Name).SingleAsync()));
    }

    [Fact]
    public async Task Pasting_40_KB_into_a_field_is_cut_to_its_limit_and_the_page_still_answers()
    {
        var user = await TestUsers.CreateAsync(browser.Services);
        await _page.SignInAsync(user, $"/w/{user.WorkspaceId}/members");
        var email = _page.Locator("[data-testid=invite-email]");

        await email.FillAsync(new string('a', 40_000));
        await _page.Locator("[data-testid=invite]").ClickAsync();

        Assert.Equal(256, await email.EvaluateAsync<int>("e => e.value.length"));
        await Expect(_page.Locator(".mud-input-helper-text")).ToContainTextAsync("is not an email address");
        Assert.False(await _page.Locator("#components-reconnect-modal").IsVisibleAsync());
    }

    [Fact]
    public async Task An_unexpected_failure_in_a_page_shows_a_message_in_the_page_and_the_rest_keeps_working()
    {
        var user = await TestUsers.CreateAsync(browser.Services);
        await _page.SignInAsync(user, $"/w/{user.WorkspaceId}/settings");

        await _page.Locator("[data-testid=settings-name]").FillAsync(RefusedName);
        await _page.Locator("[data-testid=settings-save]").ClickAsync();

        await Expect(_page.Locator("[data-testid=page-error]")).ToContainTextAsync("Something went wrong on this page");
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = $"Account menu for {user.Email}" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unexpected_failure_outside_the_page_shows_the_error_bar_with_a_reload_link()
    {
        var user = await TestUsers.CreateAsync(browser.Services);
        await _page.SignInAsync(user, $"/w/{user.WorkspaceId}");
        await _page.Locator("[data-testid=workspace-switcher] button").ClickAsync();
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = "New workspace", Exact = true }).ClickAsync();

        await _page.Locator("[data-testid=new-workspace-name]").FillAsync(RefusedName);
        await _page.Locator("[data-testid=create-workspace]").ClickAsync();

        var bar = _page.Locator("#blazor-error-ui");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("An error has occurred");
        await bar.GetByRole(AriaRole.Link, new() { Name = "Reload" }).ClickAsync();
        await Expect(_page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
        await Expect(bar).ToBeHiddenAsync();
    }

    private async Task<T> WithDbAsync<T>(Func<SosyabotDbContext, Task<T>> action)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SosyabotDbContext>());
    }
}
