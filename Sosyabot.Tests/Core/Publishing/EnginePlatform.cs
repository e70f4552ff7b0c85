using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Posts;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Providers;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// A channel connected through the emulator, with the emulator's own account behind it.
public sealed record EngineChannel(Channel Channel, object Account);

// A post as the platform holds it; Live: it went out (a Listmonk draft has not mailed anyone).
public sealed record PlatformPost(string Id, string? Url, bool Live = true);

// What the engine's fault tests need to know about one platform: how a channel is connected, where
// its create endpoint is, what the platform keeps, and its own rate-limit, refusal and revocation.
public abstract class EnginePlatform(PublishingFixture fixture)
{
    protected PublishingFixture Fixture => fixture;

    public abstract string Key { get; }

    // The real origin of the create endpoint, for a node whose route there refuses connections.
    public abstract string Origin { get; }

    public abstract Task<EngineChannel> ConnectAsync(TestUser user);

    public abstract string CreatePath(EngineChannel channel);

    // Requests to the create endpoint that carried this post's (unique) text, form-encoded or JSON;
    // a resolver's own probes carry none.
    public int Sends(EngineChannel channel, string text) => fixture.Emulator.RequestsTo("POST", CreatePath(channel))
        .Count(r => Uri.UnescapeDataString(r.Body.Replace('+', ' ')).Contains(text, StringComparison.Ordinal));

    public abstract IReadOnlyList<PlatformPost> Posts(EngineChannel channel, string text);

    public virtual JsonObject? Fields(EngineChannel channel, string text) => null;

    // The platform's 429 for the create endpoint, asking the caller to wait at least `wait`.
    public abstract Fault RateLimited(TimeSpan wait);

    // The platform refusing the post itself (a 4xx about the content), with its real body.
    public abstract Fault Refusal { get; }

    // The user revokes Sosyabot's access at the platform.
    public abstract void Revoke(EngineChannel channel);

    // How many times the post reaches the create endpoint after a revocation: once, refused there,
    // unless the platform refuses the refresh the engine makes before sending.
    public virtual int SendsAfterRevoke => 1;

    public PostContent Content(EngineChannel channel, string text) =>
        new([PostPart.Of(text)], Fields(channel, text) is { } fields ? new JsonObject { [Key] = fields } : null);

    // A connect through the real OAuth flow, the browser's part played against the emulator.
    protected async Task<Channel> ConnectWithOAuthAsync(TestUser user, string? instance = null)
    {
        OAuthStart start;
        await using (var scope = fixture.CreateScope())
            start = await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().StartAsync(user.Id, user.WorkspaceId, Key, null, instance);
        var callback = await OAuthConnectDriver.AuthorizeAsync(start, OAuthConnectDriver.CallbackUri(Key));
        OAuthCompletion result;
        await using (var scope = fixture.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().CompleteAsync(user.Id, Key, callback, start.BrowserNonce);
        Assert.True(result.Succeeded, result.ErrorCode);
        return await CredentialChannels.GetAsync(fixture.Services, result.ChannelId!.Value);
    }
}
