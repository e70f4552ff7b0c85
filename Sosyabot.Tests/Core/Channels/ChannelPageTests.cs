using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelPageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<ChannelPage> PageAsync(TestUser user, string? search, int page = 0, int size = 50)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelService>().PageAsync(user.Id, user.WorkspaceId, search, page, size);
    }

    private async Task AddAsync(Guid workspaceId, string platform, string name, string? username = null)
    {
        var channel = TestData.NewChannel(workspaceId, platform);
        channel.DisplayName = name;
        channel.Username = username;
        await using var db = fixture.CreateDbContext();
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_page_holds_its_slice_and_the_counts_cover_every_channel()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        for (var i = 0; i < 5; i++) await AddAsync(user.WorkspaceId, "mastodon", $"m{i}");
        await AddAsync(user.WorkspaceId, "reddit", "r");

        var second = await PageAsync(user, null, page: 1, size: 4);

        Assert.Equal(6, second.Total);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal(5, second.CountsByPlatform["mastodon"]);
        Assert.Equal(1, second.CountsByPlatform["reddit"]);
    }

    [Theory]
    [InlineData("ALICE", "Alice Smith")]
    [InlineData("bob_h", "Bob")]
    [InlineData("reddit", "r/news")]
    public async Task Search_matches_name_username_or_platform_without_case(string search, string expected)
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await AddAsync(user.WorkspaceId, "mastodon", "Alice Smith", "alice");
        await AddAsync(user.WorkspaceId, "mastodon", "Bob", "bob_h");
        await AddAsync(user.WorkspaceId, "reddit", "r/news");

        var result = await PageAsync(user, search);

        Assert.Equal(expected, Assert.Single(result.Items).DisplayName);
    }

    [Fact]
    public async Task Search_wildcards_are_taken_literally()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await AddAsync(user.WorkspaceId, "mastodon", "Alice");
        await AddAsync(user.WorkspaceId, "mastodon", "100% Bob");

        Assert.Equal("100% Bob", Assert.Single((await PageAsync(user, "%")).Items).DisplayName);
        Assert.Empty((await PageAsync(user, "_")).Items);
    }
}
