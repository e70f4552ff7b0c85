using Sosyabot.Core.Posts;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Nodes;

// Two app processes, as two containers would be, publishing from one database (issue 7, §5).
public class TwoNodePublishingTests(PublishingNodesFixture fixture) : IClassFixture<PublishingNodesFixture>
{
    [Fact]
    public async Task Two_processes_on_one_database_send_every_target_once_between_them()
    {
        await using var first = await fixture.StartNodeAsync();
        await using var second = await fixture.StartNodeAsync();
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var platforms = new SixPlatforms(fixture);
        var channels = await platforms.ConnectAsync(user, perPlatform: 2);

        var markers = Enumerable.Range(0, 12).Select(_ => $"m{Guid.NewGuid():N}"[..13]).ToList();
        var posts = new Dictionary<Guid, string>();
        foreach (var marker in markers) posts[await fixture.PostNowAsync(user, $"Release {marker}", platforms, channels)] = marker;
        var targets = await fixture.WaitForAsync(posts.Keys, t => t.Status != PostTargetStatus.Scheduled && t.Status != PostTargetStatus.Publishing, TimeSpan.FromMinutes(2));

        Assert.All(targets, t => Assert.True(t.Status == PostTargetStatus.Published, $"{t.Platform} target {t.Id} is {t.Status}: {t.LastError}"));
        foreach (var target in targets)
            Assert.Equal(1, channels.Single(c => c.Id == target.ChannelId).PostsWith(posts[target.PostId]));
        // Both nodes worked, and no target was recorded by both.
        var byFirst = NodeRecords.PublishedIn(first.Output);
        var bySecond = NodeRecords.PublishedIn(second.Output);
        Assert.NotEmpty(byFirst);
        Assert.NotEmpty(bySecond);
        Assert.Empty(byFirst.Intersect(bySecond));
        Assert.Equal(targets.Select(t => t.Id).Order(), byFirst.Union(bySecond).Order());
    }
}
