namespace Sosyabot.Core.Providers.Bluesky;

// com.atproto.server.createSession / refreshSession output (lexicons/com/atproto/server/*.json).
internal sealed record BlueskySession(string? AccessJwt, string? RefreshJwt, string? Did, string? Handle, bool? Active, string? Status);

// app.bsky.actor.defs#profileViewDetailed, only what a channel shows.
internal sealed record BlueskyProfile(string? Did, string? Handle, string? DisplayName, string? Avatar);
