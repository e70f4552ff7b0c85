using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.Core.Publishing;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Posts;

public class PostServiceTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    // Whole minutes, as a user picks them (PostgreSQL keeps microseconds, the clock has ticks).
    private DateTime InAnHour
    {
        get
        {
            var time = fixture.Clock.GetUtcNow().UtcDateTime.AddHours(1);
            return time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMinute));
        }
    }

    private async Task<ClaimedTarget> ClaimAsync(Guid postId)
    {
        await using var scope = fixture.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<TargetClaims>().ClaimNextAsync("busy-node", postId, CancellationToken.None))!;
    }

    private Task<Post> PostAsync(Guid postId) => fixture.Query(db => db.Posts.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Id == postId));

    [Fact]
    public async Task A_scheduled_post_stores_the_instant_and_the_zone_it_was_written_in()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var local = new DateTime(2027, 6, 1, 9, 0, 0);

        var postId = await fixture.PostAsync(user, PostContent.Text("Morning"), PostSchedule.At(local, "Europe/Istanbul"), target);

        var post = await PostAsync(postId);
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 6, 0, 0, TimeSpan.Zero), post.ScheduledAt);
        Assert.Equal("Europe/Istanbul", post.TimeZone);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        var saved = Assert.Single(post.Targets);
        Assert.Equal(post.ScheduledAt, saved.DueAt);
        Assert.Equal(PostTargetStatus.Scheduled, saved.Status);
    }

    [Fact]
    public async Task A_draft_is_never_published_until_scheduled()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostAsync(user, PostContent.Text("Not yet"), PostSchedule.Draft, target);

        await fixture.Engine().SweepAsync(CancellationToken.None);
        Assert.Equal(PostTargetStatus.Draft, (await fixture.TargetAsync(postId, target)).Status);

        await fixture.Run<PostService>(s => s.RescheduleAsync(user.Id, user.WorkspaceId, postId, PostSchedule.Now));
        await fixture.RunAsync(postId);
        Assert.Equal(PostTargetStatus.Published, (await fixture.TargetAsync(postId, target)).Status);
    }

    [Fact]
    public async Task Cancel_touches_only_targets_not_yet_claimed_and_says_which_it_left()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var (busy, idle) = (await fixture.ConnectAsync(user, "Busy"), await fixture.ConnectAsync(user, "Idle"));
        var postId = await fixture.PostNowAsync(user, "Withdraw me", busy, idle);
        var claim = await ClaimAsync(postId);
        var claimedTarget = (await fixture.TargetsAsync(postId)).Single(t => t.Id == claim.Id);
        var open = (await fixture.TargetsAsync(postId)).Single(t => t.Id != claim.Id);

        var result = await fixture.Run<PostService, PostChangeResult>(s => s.CancelAsync(user.Id, user.WorkspaceId, postId));

        Assert.Equal([open.Id], result.Changed);
        var left = Assert.Single(result.NotChanged);
        Assert.Equal(claimedTarget.Id, left.TargetId);
        Assert.Equal("It is being published right now.", left.Reason);
        Assert.Equal(PostTargetStatus.Cancelled, (await fixture.TargetsAsync(postId)).Single(t => t.Id == open.Id).Status);
        Assert.Equal(PostTargetStatus.Publishing, (await fixture.TargetsAsync(postId)).Single(t => t.Id == claim.Id).Status);
        Assert.Equal(WebhookEventTypes.PostCancelled, Assert.Single(await fixture.EventsAsync(open.Id)).Type);
        Assert.Empty(await fixture.EventsAsync(claim.Id));
    }

    [Fact]
    public async Task Editing_after_one_target_went_out_changes_only_the_rest_and_keeps_what_was_sent()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var (sent, waiting) = (await fixture.ConnectAsync(user, "Sent"), await fixture.ConnectAsync(user, "Waiting"));
        var postId = await fixture.PostNowAsync(user, "Typo", sent, waiting);
        var claim = await ClaimAsync(postId);
        await fixture.Run<TargetPublisher>(p => p.PublishAsync(claim, CancellationToken.None));

        var result = await fixture.Run<PostService, PostChangeResult>(s => s.EditAsync(user.Id, user.WorkspaceId, postId, PostContent.Text("Fixed")));
        await fixture.RunAsync(postId);

        var left = Assert.Single(result.NotChanged);
        Assert.Equal(claim.Id, left.TargetId);
        Assert.Equal("It was already published.", left.Reason);
        var post = await PostAsync(postId);
        Assert.Equal("Typo", Assert.Single(post.Parts).Text);
        var all = new[] { sent, waiting }.SelectMany(t => t.Chat.Messages.Select(m => m.Text)).Order().ToList();
        Assert.Equal(["Fixed", "Typo"], all);
        Assert.Equal(PostStatus.Published, post.Status);
    }

    [Fact]
    public async Task Deleting_a_post_that_never_fired_removes_it_and_nothing_is_sent()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostAsync(user, PostContent.Text("Gone"), PostSchedule.At(InAnHour, "UTC"), target);

        var result = await fixture.Run<PostService, PostChangeResult>(s => s.DeleteAsync(user.Id, user.WorkspaceId, postId));
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await fixture.Engine().SweepAsync(CancellationToken.None);

        Assert.True(result.Deleted);
        Assert.False(await fixture.Query(db => db.Posts.AnyAsync(p => p.Id == postId)));
        Assert.Equal(0, fixture.Sends(target));
    }

    [Fact]
    public async Task Rescheduling_moves_the_due_time_of_unclaimed_targets()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostAsync(user, PostContent.Text("Later"), PostSchedule.At(InAnHour, "UTC"), target);
        var later = InAnHour.AddHours(2);

        var result = await fixture.Run<PostService, PostChangeResult>(s => s.RescheduleAsync(user.Id, user.WorkspaceId, postId, PostSchedule.At(later, "UTC")));

        Assert.Single(result.Changed);
        Assert.Equal(new DateTimeOffset(later, TimeSpan.Zero), (await fixture.TargetAsync(postId, target)).DueAt);
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused_when_scheduling()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            fixture.PostAsync(user, PostContent.Text("Gap"), PostSchedule.At(new DateTime(2027, 3, 28, 2, 15, 0), "Europe/Berlin"), target));
        Assert.Contains("01:59 and 2027-03-28 03:00", error.Message);
    }

    [Fact]
    public async Task A_viewer_cannot_write_posts()
    {
        var owner = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(owner);
        var viewer = await TestUsers.CreateAsync(fixture.Services);
        await TestUsers.AddMemberAsync(fixture.Services, owner.WorkspaceId, viewer.Id, WorkspaceRole.Viewer);

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => fixture.Run<PostService, Guid>(s =>
            s.CreateAsync(viewer.Id, owner.WorkspaceId, PostContent.Text("No"), [target.Channel.Id], PostSchedule.Now)));
    }
}
