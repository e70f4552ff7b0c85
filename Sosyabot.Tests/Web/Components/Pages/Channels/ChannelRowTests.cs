using Sosyabot.Core.Providers;
using Bunit;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Channels;

namespace Sosyabot.Tests.Web.Components.Pages.Channels;

// What one row says and offers, for each state a channel can be in.
public class ChannelRowTests(DatabaseFixture db) : ChannelsPageTestBase(db), IClassFixture<DatabaseFixture>
{
    private IRenderedComponent<ChannelsPage> RenderRows(Guid workspaceId)
    {
        var page = RenderPage(workspaceId);
        // The first render of a class pays for JIT and the first connection: on a busy machine that is seconds.
        page.WaitForElement("[data-testid=channel-row]", TimeSpan.FromSeconds(10));
        return page;
    }

    private void ChooseFromRowMenu(IRenderedComponent<ChannelsPage> page, string item)
    {
        page.Find("[data-testid=channel-actions] button").Click();
        Popovers.WaitForElement($"[data-testid={item}]").Click();
    }

    [Fact]
    public async Task A_channel_that_needs_reconnect_shows_its_reason_and_a_reconnect_button_but_no_expiry()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "reddit", c =>
        {
            c.Status = ChannelStatus.NeedsReconnect;
            c.StatusReason = "Reddit no longer accepts this authorization.";
            c.TokenExpiresAt = DateTimeOffset.UtcNow.AddHours(-3);
        });
        await AddAsync(workspaceId, "reddit", c => c.TokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1));

        var page = RenderRows(workspaceId);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=channel-row]").Count));
        var (dead, active) = (page.FindAll("[data-testid=channel-row]")[0], page.FindAll("[data-testid=channel-row]")[1]);
        Assert.Contains("no longer accepts", dead.QuerySelector("[data-testid=status-reason]")!.TextContent);
        Assert.NotNull(dead.QuerySelector("[data-testid=reconnect-now]"));
        Assert.Null(dead.QuerySelector("[data-testid=token-expiry]"));
        Assert.NotNull(active.QuerySelector("[data-testid=token-expiry]"));
        Assert.Null(active.QuerySelector("[data-testid=reconnect-now]"));
    }

    // The row asks the registry (ITokenRefresher), as ChannelRefreshService does: they cannot disagree.
    [Theory]
    [InlineData("reddit", true)]
    [InlineData("x", true)]
    [InlineData("bluesky", true)]
    [InlineData("mastodon", false)]
    [InlineData("telegram", false)]
    public async Task Refresh_is_offered_only_where_the_provider_can_refresh(string platform, bool refreshable)
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, platform, c => c.TokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1));
        var page = RenderRows(workspaceId);

        Assert.Equal(refreshable, page.FindAll("[data-testid=token-expiry]").Count == 1);
        page.Find("[data-testid=channel-actions] button").Click();
        Popovers.WaitForElement("[data-testid=disconnect]");
        Assert.Equal(refreshable, Popovers.FindAll("[data-testid=refresh]").Count == 1);
    }

    [Fact]
    public async Task The_row_menu_is_gone_while_the_dialog_it_opened_is_shown()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "mastodon");
        var page = RenderRows(workspaceId);

        ChooseFromRowMenu(page, "disconnect");

        Dialogs.WaitForElement("[data-testid=confirm-disconnect]");
        Popovers.WaitForAssertion(() => Assert.Empty(Popovers.FindAll("[data-testid=disconnect]")));
    }

    [Fact]
    public async Task The_connect_menu_is_gone_while_the_dialog_it_opened_is_shown()
    {
        var workspaceId = await AdminWorkspaceAsync();
        var page = RenderPage(workspaceId);
        page.WaitForElement("[data-testid=connect-menu] button").Click();
        Popovers.WaitForElement("[data-testid=connect-bluesky-Credentials]").Click();

        Dialogs.WaitForElement("[data-testid=connect-submit]");
        Popovers.WaitForAssertion(() => Assert.Empty(Popovers.FindAll("[data-testid=connect-bluesky-Credentials]")));
    }

    [Fact]
    public async Task Reconnecting_a_bluesky_channel_prefills_its_handle()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "bluesky", c => { c.LoginType = LoginType.Credentials; c.Username = "alice.bsky.social"; });
        var page = RenderRows(workspaceId);

        ChooseFromRowMenu(page, "reconnect");

        Dialogs.WaitForAssertion(() => Assert.Equal("alice.bsky.social", Dialogs.Find("input[data-testid=field-identifier]").GetAttribute("value")));
        Assert.Equal("", Dialogs.Find("input[data-testid=field-app_password]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Disconnecting_a_telegram_bot_says_how_to_revoke_its_token_with_botfather()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "telegram", c => c.LoginType = LoginType.ApiToken);
        var page = RenderRows(workspaceId);

        ChooseFromRowMenu(page, "disconnect");

        var note = Dialogs.WaitForElement("[data-testid=revoke-note]").TextContent;
        Assert.Contains("send /revoke to @BotFather", note);
        Assert.DoesNotContain("connected apps", note);
    }

    [Fact]
    public async Task The_toggles_and_the_star_explain_themselves()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "mastodon", c => c.IsDefault = true);
        var page = RenderRows(workspaceId);

        Assert.StartsWith("Use as source: Sosyabot may read this account's new posts", page.Find("[data-testid=can-be-source-hint]").GetAttribute("title"));
        Assert.StartsWith("Repost here:", page.Find("[data-testid=enabled-for-repost-hint]").GetAttribute("title"));
        Assert.Equal("Default channel for Mastodon: preselected in the composer", page.Find("[data-testid=default-star]").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/svg+xml,<svg/>")]
    [InlineData("not a url")]
    public async Task Only_web_addresses_become_avatar_images(string avatarUrl)
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "bluesky", c => { c.AvatarUrl = avatarUrl; c.DisplayName = "mallory"; });

        var page = RenderRows(workspaceId);

        var avatar = page.Find("[data-testid=channel-avatar]");
        Assert.Null(avatar.QuerySelector("img"));
        Assert.Equal("M", avatar.TextContent.Trim());
    }

    [Fact]
    public async Task An_avatar_that_fails_to_load_falls_back_to_initials()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "mastodon", c => { c.AvatarUrl = "https://cdn.example/alice.png"; c.DisplayName = "alice"; });
        var page = RenderRows(workspaceId);
        var image = page.Find("[data-testid=channel-avatar] img");
        Assert.Equal("https://cdn.example/alice.png", image.GetAttribute("src"));

        await image.TriggerEventAsync("onerror", new Microsoft.AspNetCore.Components.Web.ErrorEventArgs());

        page.WaitForAssertion(() => Assert.Null(page.Find("[data-testid=channel-avatar]").QuerySelector("img")));
        Assert.Equal("A", page.Find("[data-testid=channel-avatar]").TextContent.Trim());
    }

    [Fact]
    public async Task Names_and_usernames_are_isolated_so_bidi_overrides_cannot_reorder_the_row()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddAsync(workspaceId, "mastodon", c => { c.DisplayName = "\u202Eevil"; c.Username = "\u202Emallory"; });

        var page = RenderRows(workspaceId);

        var name = page.Find("[data-testid=channel-name]");
        Assert.Equal("BDI", name.TagName);
        Assert.Equal("\u202Eevil", name.TextContent);
        Assert.Equal("BDI", page.Find("[data-testid=channel-username]").TagName);
    }
}
