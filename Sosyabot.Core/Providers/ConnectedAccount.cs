using System.Text.Json.Nodes;

namespace Sosyabot.Core.Providers;

// An account as the platform describes it, ready to become (or update) a channel.
public sealed record ConnectedAccount(
    string Pid,
    string DisplayName,
    string? Username,
    string? AvatarUrl,
    TokenSet Tokens,
    JsonObject? Settings = null)
{
    // The server a self-hosted platform's account lives on (Mastodon, Listmonk): shown beside the channel.
    public const string InstanceSetting = "instance";
}
