using System.Text.Json.Nodes;

namespace Sosyabot.Core.Providers;

// What a provider may know about a connected channel when it acts for it: never the EF entity, so
// the provider layer cannot change a row behind the engine's or the refresh lock's back. Holds the
// decrypted tokens, so ToString leaves them out.
public sealed record ChannelContext(
    Guid ChannelId,
    string Platform,
    string Pid,
    string? Username,
    LoginType LoginType,
    JsonObject Settings,
    string? AccessToken,
    string? RefreshToken,
    DateTimeOffset? TokenExpiresAt)
{
    public string? Setting(string name) => Settings[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public override string ToString() => $"ChannelContext({Platform} {ChannelId}, expires {TokenExpiresAt:O})";
}
