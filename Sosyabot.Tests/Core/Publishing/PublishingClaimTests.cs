using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// What the claim, the lease and the sweep guarantee when nodes race, die or were down.
public class PublishingClaimTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private PublishingEngine Node(string name) => new(fixture.Services.GetRequiredService<IServiceScopeFactory>(), new PublishingNode(name),
        fixture.Services.GetRequiredService<IOptions<PublishingOptions>>(), NullLogger<PublishingEngine>.Instance);

    private async Task<ClaimedTarget?> ClaimAsync(string owner, Guid postId)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TargetClaims>().ClaimNextAsync(owner, postId, CancellationToken.None);
    }

    [Fact]
    public async Task Engines_racing_on_the_same_targets_send_each_exactly_once()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var targets = new List<TelegramTarget>();
        for (var i = 0; i < 4; i++) targets.Add(await fixture.ConnectAsync(user, $"Race {i}"));
        var postId = await fixture.PostNowAsync(user, "Only once", [.. targets]);

        var nodes = Enumerable.Range(0, 4).Select(i => Node($"node-{i}")).ToList();
        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunAsync(postId, CancellationToken.None))));

        foreach (var target in targets)
        {
            Assert.Equal(1, fixture.Sends(target));
            Assert.Single(target.Chat.Messages);
            Assert.Equal(PostTargetStatus.Published, (await fixture.TargetAsync(postId, target)).Status);
        }
    }

    [Fact]
    public async Task A_channel_publishes_one_target_at_a_time_and_at_its_platforms_pace()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var first = await fixture.PostNowAsync(user, "First", target);
        var second = await fixture.PostNowAsync(user, "Second", target);

        var claim = await ClaimAsync("node-a", first);
        Assert.NotNull(claim);
        // The same channel is busy: the other post waits, on any node.
        Assert.Null(await ClaimAsync("node-b", second));
        await fixture.Engine().SweepAsync(CancellationToken.None);
        Assert.Equal(PostTargetStatus.Scheduled, (await fixture.TargetAsync(second, target)).Status);

        await fixture.Run<TargetPublisher>(p => p.PublishAsync(claim, CancellationToken.None));
        // Telegram's pace is one message a second per chat.
        await fixture.RunAsync(second);
        Assert.Equal(PostTargetStatus.Scheduled, (await fixture.TargetAsync(second, target)).Status);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.RunAsync(second);

        Assert.Equal(["First", "Second"], target.Chat.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_lease_that_runs_out_makes_the_target_unknown_and_it_is_never_sent_again()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostNowAsync(user, "Interrupted", target);
        // A node claimed it and died before recording anything.
        Assert.NotNull(await ClaimAsync("dead-node", postId));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Engine().SweepAsync(CancellationToken.None);
        await fixture.RunAsync(postId);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Unknown, saved.Status);
        Assert.Equal(TargetSweeps.LeaseExpiredMessage, saved.LastError);
        Assert.Equal(0, fixture.Sends(target));
        Assert.Equal(WebhookEventTypes.PostUnknown, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
    }

    [Fact]
    public async Task A_post_due_longer_ago_than_the_lateness_window_is_missed_not_posted()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var due = fixture.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        var postId = await fixture.PostAsync(user, PostContent.Text("Stale"), PostSchedule.At(due, "UTC"), target);

        // The app was down for two hours; the workspace allows one.
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await fixture.RunAsync(postId);
        await fixture.Engine().SweepAsync(CancellationToken.None);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Missed, saved.Status);
        Assert.Equal(0, fixture.Sends(target));
        Assert.Equal(WebhookEventTypes.PostMissed, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
        Assert.Equal(PostStatus.Failed, (await fixture.Query(db => db.Posts.FindAsync(postId).AsTask()))!.Status);
    }

    [Fact]
    public async Task The_sweep_publishes_a_due_post_whose_trigger_never_fired()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var due = fixture.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        // No scheduler runs in this fixture: the post's trigger is stored but never fires.
        var postId = await fixture.PostAsync(user, PostContent.Text("Late but on time"), PostSchedule.At(due, "UTC"), target);

        await fixture.Engine().SweepAsync(CancellationToken.None);
        Assert.Equal(0, fixture.Sends(target));

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await fixture.Engine().SweepAsync(CancellationToken.None);

        Assert.Equal(PostTargetStatus.Published, (await fixture.TargetAsync(postId, target)).Status);
        Assert.Single(target.Chat.Messages);
    }
}
