using Bunit;
using Npgsql;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Channels;

namespace Sosyabot.Tests.Web.Components.Pages.Channels;

// The list as a whole: loading, paging, search and the Connect menu.
public class ChannelListTests(DatabaseFixture db) : ChannelsPageTestBase(db), IClassFixture<DatabaseFixture>
{
    private async Task AddManyAsync(Guid workspaceId, string platform, int count, string name = "account")
    {
        await using var context = Db.CreateDbContext();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var channel = TestData.NewChannel(workspaceId, platform);
            channel.DisplayName = $"{name} {i:D4}";
            channel.ConnectedAt = start.AddSeconds(i);
            context.Channels.Add(channel);
        }
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task While_the_list_is_read_the_page_shows_loading_and_never_the_empty_state()
    {
        var workspaceId = await AdminWorkspaceAsync();
        // Holding the table lock keeps the list query waiting, as a slow database would.
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE channels IN ACCESS EXCLUSIVE MODE", connection, tx))
            await lockTable.ExecuteNonQueryAsync();

        var page = RenderPage(workspaceId);

        page.WaitForElement("[data-testid=channels-loading]", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=no-channels]"));
        await tx.RollbackAsync();
        page.WaitForElement("[data-testid=no-channels]");
        Assert.Empty(page.FindAll("[data-testid=channels-loading]"));
    }

    [Fact]
    public async Task A_thousand_channels_render_one_page_with_counts_of_all_of_them()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddManyAsync(workspaceId, "mastodon", 980);
        await AddManyAsync(workspaceId, "reddit", 20);

        var page = RenderPage(workspaceId);

        page.WaitForAssertion(() => Assert.Equal(ChannelPage.DefaultSize, page.FindAll("[data-testid=channel-row]").Count));
        Assert.Equal("980", page.Find("[data-testid=platform-mastodon] [data-testid=platform-count]").TextContent.Trim());
        Assert.Equal("1–50 of 1000", page.Find("[data-testid=channels-range]").TextContent.Trim());
        page.FindAll("[data-testid=channel-pages] button").Single(b => b.TextContent.Trim() == "20").Click();
        page.WaitForAssertion(() => Assert.Equal("951–1000 of 1000", page.Find("[data-testid=channels-range]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("[data-testid=platform-reddit] [data-testid=channel-row]").Count));
        Assert.Equal("20", page.Find("[data-testid=platform-reddit] [data-testid=platform-count]").TextContent.Trim());
    }

    [Fact]
    public async Task The_search_box_filters_by_name_and_says_when_nothing_matches()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await AddManyAsync(workspaceId, "mastodon", 60);
        await AddManyAsync(workspaceId, "reddit", 2, name: "Agency client");
        var page = RenderPage(workspaceId);
        page.WaitForAssertion(() => Assert.Equal(ChannelPage.DefaultSize, page.FindAll("[data-testid=channel-row]").Count));

        page.Find("input[data-testid=channel-search]").Input("agency");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=channel-row]").Count), TimeSpan.FromSeconds(5));
        Assert.All(page.FindAll("[data-testid=channel-name]"), n => Assert.StartsWith("Agency client", n.TextContent));
        page.Find("input[data-testid=channel-search]").Input("nobody-has-this-name");
        page.WaitForAssertion(() => Assert.Contains("No channels match", page.Find("[data-testid=no-channels]").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_completed_connect_names_the_channel_and_its_platform()
    {
        var workspaceId = await AdminWorkspaceAsync();
        await using var context = Db.CreateDbContext();
        var channel = await context.AddChannelAsync(workspaceId, "reddit");

        var page = RenderPage(workspaceId, $"?connected={channel.Id}");

        page.WaitForAssertion(() => Assert.Equal("Connected reddit account on Reddit.", page.Find("[data-testid=channels-message]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_connect_menu_lists_ready_platforms_by_name_then_the_coming_soon_ones_disabled()
    {
        var workspaceId = await AdminWorkspaceAsync();
        var page = RenderPage(workspaceId);
        page.WaitForElement("[data-testid=connect-menu] button").Click();

        var items = Popovers.WaitForElements(".mud-menu-item[data-testid^=connect-]");

        var comingSoon = items.SkipWhile(i => !i.GetAttribute("data-testid")!.EndsWith("-NotAvailable", StringComparison.Ordinal)).ToList();
        var ready = items.Take(items.Count - comingSoon.Count).ToList();
        Assert.NotEmpty(ready);
        Assert.NotEmpty(comingSoon);
        Assert.All(comingSoon, i => Assert.EndsWith("-NotAvailable", i.GetAttribute("data-testid")));
        Assert.All(comingSoon, i => Assert.True(i.ClassList.Contains("mud-disabled") || i.HasAttribute("disabled") || i.GetAttribute("aria-disabled") == "true"));
        Assert.Equal(PlatformCatalog.All.Count, items.Select(i => i.GetAttribute("data-testid")!.Split('-')[1]).Distinct().Count());
        foreach (var group in new[] { ready, comingSoon })
        {
            var names = group.Select(i => PlatformCatalog.Find(i.GetAttribute("data-testid")!.Split('-')[1])!.DisplayName).ToList();
            Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        }
    }
}
