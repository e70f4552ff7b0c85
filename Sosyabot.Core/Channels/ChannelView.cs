using Sosyabot.Core.Providers;

namespace Sosyabot.Core.Channels;

// What pages see of a channel: never a token.
public sealed record ChannelView(
    Guid Id, string Platform, string Pid, string DisplayName, string? Username, string? AvatarUrl,
    ChannelStatus Status, string? StatusReason, LoginType LoginType, DateTimeOffset? TokenExpiresAt,
    bool IsDefault, bool EnabledForRepost, bool CanBeSource, DateTimeOffset ConnectedAt, string? Instance);
