namespace Sosyabot.Core.Connections;

// Where the callback sends the browser: back to returnTo with the new channel, or to the
// workspace's connections page with the attempt whose error to show.
public sealed record OAuthCompletion(Guid? WorkspaceId, string ReturnTo, Guid? ChannelId, Guid? FailedAttemptId, string? ErrorCode)
{
    public bool Succeeded => ChannelId is not null;
}
