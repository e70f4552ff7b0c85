using Sosyabot.Core.Providers;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Channels;

namespace Sosyabot.Tests.Web.Components.Pages.Channels;

public class ChannelsPageTests(DatabaseFixture db) : ChannelsPageTestBase(db), IClassFixture<DatabaseFixture>
{
    private async Task<Channel> AddChannelAsync(Guid workspaceId, string platform, bool isDefault, ChannelStatus status = ChannelStatus.Active, string? instance = null)
    {
        await using var context = Db.CreateDbContext();
        var channel = await context.AddChannelAsync(workspaceId, platform, isDefault);
        await context.Channels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, status)
            .SetProperty(c => c.StatusReason, status == ChannelStatus.NeedsReconnect ? "Reddit no longer accepts this authorization." : null));
        if (instance is not null)
        {
            var saved = await context.Channels.SingleAsync(c => c.Id == channel.Id);
            saved.Settings = new System.Text.Json.Nodes.JsonObject { ["instance"] = instance };
            await context.SaveChangesAsync();
        }
        return channel;
    }

    [Fact]
    public async Task Channels_are_grouped_by_platform_with_counts_status_and_the_default_star()
    {
        var (workspaceId, _) = await SignedInAsync(WorkspaceRole.Admin);
        await AddChannelAsync(workspaceId, "reddit", isDefault: true);
        await AddChannelAsync(workspaceId, "reddit", isDefault: false, ChannelStatus.NeedsReconnect);
        await AddChannelAsync(workspaceId, "mastodon", isDefault: true, instance: "https://mastodon.example");

        var page = RenderPage(workspaceId);

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=channel-row]").Count));
        var reddit = page.Find("[data-testid=platform-reddit]");
        Assert.Equal("2", reddit.QuerySelector("[data-testid=platform-count]")!.TextContent.Trim());
        Assert.Contains("Needs reconnect", reddit.TextContent);
        Assert.Contains("no longer accepts this authorization", reddit.TextContent);
        Assert.Equal("1", page.Find("[data-testid=platform-mastodon] [data-testid=platform-count]").TextContent.Trim());
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.Editor)]
    public async Task Viewers_and_editors_see_the_list_without_connect_or_disconnect_controls(WorkspaceRole role)
    {
        var (workspaceId, _) = await SignedInAsync(role);
        await AddChannelAsync(workspaceId, "reddit", isDefault: true);

        var page = RenderPage(workspaceId);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=channel-row]")));
        Assert.Empty(page.FindAll("[data-testid=connect-menu]"));
        Assert.Empty(page.FindAll("[data-testid=channel-actions]"));
        Assert.All(page.FindAll("[data-testid=can-be-source] input"), i => Assert.True(i.HasAttribute("disabled")));
    }

    [Fact]
    public async Task The_connect_menu_lists_all_fifteen_platforms_and_explains_unconfigured_ones()
    {
        var (workspaceId, _) = await SignedInAsync(WorkspaceRole.Admin);
        var page = RenderPage(workspaceId);
        page.WaitForAssertion(() => page.Find("[data-testid=connect-menu] button"));

        page.Find("[data-testid=connect-menu] button").Click();

        var items = Popovers.WaitForElements("[data-testid^=connect-]");
        foreach (var platform in Sosyabot.Core.Providers.PlatformCatalog.All)
            Assert.Contains(items, i => i.GetAttribute("data-testid")!.StartsWith($"connect-{platform.Key}-", StringComparison.Ordinal));
        // No client id is configured in this test app, so Reddit explains what to set instead of failing.
        Popovers.Find("[data-testid=connect-reddit-NotConfigured]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Providers:Reddit:ClientId", Dialogs.Markup));
        Assert.Contains("/api/v1/auth/reddit/callback", Dialogs.Find("[data-testid=callback-url]").TextContent);
    }

    [Fact]
    public async Task A_credentials_form_shows_the_problem_inline_and_saves_nothing()
    {
        var (workspaceId, _) = await SignedInAsync(WorkspaceRole.Admin);
        var page = RenderPage(workspaceId);
        page.WaitForAssertion(() => page.Find("[data-testid=connect-menu] button"));
        page.Find("[data-testid=connect-menu] button").Click();
        Popovers.WaitForElement("[data-testid=connect-bluesky-Credentials]").Click();

        Dialogs.WaitForElement("[data-testid=connect-submit]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("is required", Dialogs.Find("[data-testid=connect-error]").TextContent));
        await using var context = Db.CreateDbContext();
        Assert.False(await context.Channels.AnyAsync(c => c.WorkspaceId == workspaceId));
    }

    [Fact]
    public async Task Disconnect_says_the_token_is_not_revoked_links_the_platform_and_removes_the_channel()
    {
        var (workspaceId, _) = await SignedInAsync(WorkspaceRole.Admin);
        var channel = await AddChannelAsync(workspaceId, "mastodon", isDefault: true, instance: "https://mastodon.example");
        var page = RenderPage(workspaceId);
        page.WaitForAssertion(() => page.Find("[data-testid=channel-actions] button"));

        page.Find("[data-testid=channel-actions] button").Click();
        Popovers.WaitForElement("[data-testid=disconnect]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("does not revoke", Dialogs.Find("[data-testid=revoke-note]").TextContent));
        Assert.Equal("https://mastodon.example/oauth/authorized_applications", Dialogs.Find("[data-testid=connected-apps-link]").GetAttribute("href"));
        Dialogs.Find("[data-testid=confirm-disconnect]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=channel-row]")));
        await using var context = Db.CreateDbContext();
        Assert.False(await context.Channels.AnyAsync(c => c.Id == channel.Id));
    }

    [Fact]
    public async Task A_failed_connection_attempt_is_explained_on_the_page()
    {
        var (workspaceId, user) = await SignedInAsync(WorkspaceRole.Admin);
        await using var context = Db.CreateDbContext();
        var attempt = new Sosyabot.Core.Connections.OAuthState
        {
            StateHash = Guid.NewGuid().ToString("N"), BrowserBindingHash = "x", UserId = user.Id, WorkspaceId = workspaceId,
            Platform = "reddit", RedirectUri = "http://127.0.0.1/cb", CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
            ConsumedAt = DateTimeOffset.UtcNow, Error = "You did not allow access on Reddit, so nothing was connected.",
        };
        context.OAuthStates.Add(attempt);
        await context.SaveChangesAsync();

        var page = RenderPage(workspaceId, $"?connect_attempt={attempt.Id}");

        page.WaitForAssertion(() => Assert.Contains("You did not allow access on Reddit", page.Find("[data-testid=channels-message]").TextContent));
    }

    [Fact]
    public async Task A_token_channel_reconnects_through_its_credentials_dialog()
    {
        var (workspaceId, _) = await SignedInAsync(WorkspaceRole.Admin);
        var channel = await AddChannelAsync(workspaceId, "telegram", isDefault: true);
        await using (var context = Db.CreateDbContext())
            await context.Channels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LoginType, LoginType.ApiToken));
        var page = RenderPage(workspaceId);
        page.WaitForAssertion(() => page.Find("[data-testid=channel-actions] button"));

        page.Find("[data-testid=channel-actions] button").Click();
        Popovers.WaitForElement("[data-testid=reconnect]").Click();

        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("[data-testid=field-bot_token]")));
        Assert.NotNull(Dialogs.Find("[data-testid=field-chat]"));
    }
}
