namespace Sosyabot.Core.Channels;

public sealed record ChannelTokens(string? AccessToken, string? RefreshToken);
