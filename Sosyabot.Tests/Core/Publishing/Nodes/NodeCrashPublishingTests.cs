using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Nodes;

// kill -9 of a node in the middle of a batch, then a restart (issue 7, §5): nothing stuck, nothing lost,
// nothing posted twice, and every Unknown settled by its platform's resolver (Telegram has none).
public class NodeCrashPublishingTests(PublishingNodesFixture fixture) : IClassFixture<PublishingNodesFixture>
{
    [Fact]
    public async Task A_node_killed_mid_batch_leaves_no_target_stuck_lost_or_sent_twice()
    {
        var doomed = await fixture.StartNodeAsync();
        await using var survivor = await fixture.StartNodeAsync();
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var platforms = new SixPlatforms(fixture);
        var channels = await platforms.ConnectAsync(user, perPlatform: 2);
        // Creates answer slowly, so the kill finds deliveries in flight; and some are applied by the
        // platform before the answer times out, so their targets can only end Unknown, then be resolved.
        foreach (var path in channels.Select(c => c.CreatePath).Distinct())
            for (var i = 0; i < 3; i++)
            {
                fixture.Emulator.Inject("POST", path, Fault.Slow(TimeSpan.FromSeconds(1)));
                fixture.Emulator.Inject("POST", path, Fault.AppliedThenSilent(TimeSpan.FromSeconds(5)));
            }

        var posts = new Dictionary<Guid, string>();
        for (var i = 0; i < 10; i++)
        {
            var marker = $"m{Guid.NewGuid():N}"[..13];
            posts[await fixture.PostNowAsync(user, $"Release {marker}", platforms, channels)] = marker;
        }
        var doomedLeases = $":{doomed.Pid}:";
        var inFlight = await WaitUntilAsync(async () =>
        {
            var targets = await fixture.TargetsAsync(posts.Keys);
            return targets.Any(t => t.Status == PostTargetStatus.Published)
                ? targets.Where(t => t.Status == PostTargetStatus.Publishing && t.LeaseOwner?.Contains(doomedLeases) == true).ToList()
                : [];
        });
        await doomed.KillAsync();
        await doomed.DisposeAsync();
        Assert.NotEmpty(inFlight);

        await using var restarted = await fixture.StartNodeAsync();
        var settled = await fixture.WaitForAsync(posts.Keys, t => t.Status is PostTargetStatus.Published or PostTargetStatus.Failed or PostTargetStatus.Missed
            || (t.Status == PostTargetStatus.Unknown && t.Platform == TelegramDefaults.Key), TimeSpan.FromMinutes(3));

        // What the nodes said about the targets they could not settle, and their errors, for a failure's message.
        var said = string.Join('\n', new[] { doomed.Output, survivor.Output, restarted.Output }.SelectMany(Noteworthy));
        foreach (var target in settled)
        {
            var channel = channels.Single(c => c.Id == target.ChannelId);
            var made = channel.PostsWith(posts[target.PostId]);
            if (target.Platform == TelegramDefaults.Key)
            {
                Assert.True(target.Status is PostTargetStatus.Published or PostTargetStatus.Unknown, $"telegram target {target.Id} is {target.Status}: {target.LastError}");
                // Unknown: sent or not, never twice.
                Assert.True(target.Status == PostTargetStatus.Published ? made == 1 : made <= 1, $"telegram target {target.Id} ({target.Status}) made {made} messages");
            }
            else
            {
                Assert.True(target.Status == PostTargetStatus.Published, $"{target.Platform} target {target.Id} is {target.Status}: {target.LastError}\nThe nodes said:\n{said}");
                Assert.True(made == 1, $"{target.Platform} target {target.Id} made {made} posts");
            }
        }
        // The killed node's deliveries and the silent answers went through Unknown and were resolved.
        var resolved = await UnknownThenPublishedAsync(settled.Where(t => t.Platform != TelegramDefaults.Key).Select(t => t.Id));
        Assert.Contains(resolved, id => inFlight.Any(t => t.Id == id));
        // Each platform's own resolution rule ran: the silent answers left an Unknown on every one.
        Assert.Equal(channels.Select(c => c.Platform).Where(p => p != TelegramDefaults.Key).Distinct().Order(),
            settled.Where(t => resolved.Contains(t.Id)).Select(t => t.Platform).Distinct().Order());
    }

    private static IEnumerable<string> Noteworthy(string log)
    {
        var lines = log.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("fail:", StringComparison.Ordinal))
                foreach (var line in lines.Skip(i).Take(12)) yield return line;
            else if (lines[i].Contains("still Unknown", StringComparison.Ordinal))
                yield return lines[i];
        }
    }

    // Targets with a post.unknown event followed by post.published.
    private async Task<List<Guid>> UnknownThenPublishedAsync(IEnumerable<Guid> targetIds)
    {
        var ids = targetIds.Select(id => id.ToString()).ToHashSet();
        await using var db = TestDb.CreateContext(fixture.ConnectionString);
        var events = (await db.WebhookEvents.AsNoTracking().Where(e => e.Type.StartsWith("post.")).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync())
            .Select(e => (Target: e.Payload["target_id"]?.GetValue<string>(), e.Type))
            .Where(e => e.Target is not null && ids.Contains(e.Target))
            .ToList();
        return events.GroupBy(e => e.Target!)
            .Where(g => g.Select(e => e.Type).SkipWhile(t => t != WebhookEventTypes.PostUnknown).Contains(WebhookEventTypes.PostPublished))
            .Select(g => Guid.Parse(g.Key))
            .ToList();
    }

    private static async Task<List<PostTarget>> WaitUntilAsync(Func<Task<List<PostTarget>>> found)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (await found() is { Count: > 0 } targets) return targets;
            await Task.Delay(100);
        }
        return [];
    }
}
