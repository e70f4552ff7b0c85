namespace Sosyabot.Core.Connections;

public sealed record OAuthCallback(string? Code, string? State, string? Error, string? Issuer);
