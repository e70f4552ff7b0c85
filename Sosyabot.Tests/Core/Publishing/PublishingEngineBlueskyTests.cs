using Sosyabot.Core.Posts;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineBlueskyTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new BlueskyPublishing(fixture)), IClassFixture<PublishingFixture>
{
    private readonly BlueskyPublishing _bluesky = new(fixture);

    // A session whose access JWT expires within the engine's refresh margin is refreshed first
    // (refreshSession rotates both tokens), and the post goes out with the new access JWT.
    [Fact]
    public async Task A_session_about_to_expire_is_refreshed_before_sending_and_the_new_access_token_is_used()
    {
        var user = await TestUsers.CreateAsync(Fixture.Services);
        var channel = await _bluesky.ConnectAsync(user, accessLifetime: TimeSpan.FromMinutes(3));
        var account = (BlueskyAccount)channel.Account;
        var connected = _bluesky.Pds.LastSessionOf(account);
        var text = Publishers.Unique("Fresh session");
        var refreshes = Fixture.Emulator.RequestsTo("POST", BlueskyPublishing.RefreshSessionPath).Count();

        var postId = await Fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId, _bluesky.Content(channel, text), [channel.Channel.Id], PostSchedule.Now));
        await Fixture.RunAsync(postId);

        Assert.Equal(PostTargetStatus.Published, (await TargetAsync(postId, channel)).Status);
        Assert.Equal(refreshes + 1, Fixture.Emulator.RequestsTo("POST", BlueskyPublishing.RefreshSessionPath).Count());
        var fresh = _bluesky.Pds.LastSessionOf(account);
        // Access JWTs issued in the same second are the same string; the refresh JWT has its own id.
        Assert.NotEqual(connected.RefreshJwt, fresh.RefreshJwt);
        Assert.Equal(fresh.RefreshJwt, (await CredentialChannels.TokensAsync(Fixture.Services, channel.Channel.Id)).RefreshToken);
        var create = Fixture.Emulator.RequestsTo("POST", BlueskyPublishing.CreateRecordPath).Last();
        Assert.Equal($"Bearer {fresh.AccessJwt}", create.Header("Authorization"));
        Assert.Single(_bluesky.Posts(channel, text));
    }
}
