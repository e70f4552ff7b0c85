using Microsoft.AspNetCore.WebUtilities;
using Sosyabot.Core.Posts;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineMastodonTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new MastodonPublishing(fixture)), IClassFixture<PublishingFixture>
{
    private readonly MastodonPublishing _mastodon = new(fixture);

    // Mastodon's resolver asks with the part's own Idempotency-Key: the server answers the status it
    // made under it, and makes no second one.
    [Fact]
    public async Task An_unknown_is_settled_by_the_same_idempotency_key_without_a_second_status()
    {
        var probesBefore = _mastodon.Probes().Count;
        var (channel, text, postId) = await PostAsync("Keyed", Fault.AppliedThenUnavailable);
        await Fixture.RunAsync(postId);

        await SweepAsync();

        var key = Assert.Single(_mastodon.Server.StatusesOf(((MastodonServerEmulator.EmulatedAccount)channel.Account).Id), s => s.Text == text).IdempotencyKey;
        Assert.NotNull(key);
        Assert.Equal(key, Assert.Single(_mastodon.Probes().Skip(probesBefore)).Header("Idempotency-Key"));
        var saved = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(Assert.Single(_mastodon.Posts(channel, text)).Id, saved.PlatformPostId);
    }

    // A timeout before the server acted: the resolver's probe finds no status under the key, and the
    // part is sent again with that same key (so a late-arriving first attempt still cannot make two).
    [Fact]
    public async Task A_part_proven_absent_is_sent_again_with_its_idempotency_key()
    {
        var probesBefore = _mastodon.Probes().Count;
        var (channel, text, postId) = await PostAsync("Sent again", Fault.Slow(TimeSpan.FromSeconds(10)));
        await RunWithShortTimeoutAsync(postId);

        await SweepAsync();

        var sends = Fixture.Emulator.RequestsTo("POST", MastodonPublishing.StatusesPath).Where(r => QueryHelpers.ParseQuery(r.Body)["status"] == text).ToList();
        Assert.Equal(2, sends.Count);
        var key = sends[0].Header("Idempotency-Key");
        Assert.Equal(key, sends[1].Header("Idempotency-Key"));
        Assert.Equal(key, Assert.Single(_mastodon.Probes().Skip(probesBefore)).Header("Idempotency-Key"));
        Assert.Equal(key, Assert.Single(_mastodon.Server.StatusesOf(((MastodonServerEmulator.EmulatedAccount)channel.Account).Id), s => s.Text == text).IdempotencyKey);
        Assert.Equal(PostTargetStatus.Published, (await TargetAsync(postId, channel)).Status);
    }
}
