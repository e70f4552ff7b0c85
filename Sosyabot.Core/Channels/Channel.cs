using Sosyabot.Core.Providers;
using System.Text.Json.Nodes;

namespace Sosyabot.Core.Channels;

public class Channel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Platform { get; set; }
    public required string Pid { get; set; }
    public required string DisplayName { get; set; }
    public string? Username { get; set; }
    public string? AvatarUrl { get; set; }
    public ChannelStatus Status { get; set; } = ChannelStatus.Active;
    public string? StatusReason { get; set; }
    public LoginType LoginType { get; set; }

    // Ciphertext only, bound to this row's id; read through ChannelSecrets, never directly.
    public string? AccessTokenCipher { get; set; }
    public string? RefreshTokenCipher { get; set; }
    public DateTimeOffset? TokenExpiresAt { get; set; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; set; }
    public int TokenVersion { get; set; }
    public DateTimeOffset? LastRefreshedAt { get; set; }

    public bool IsDefault { get; set; }
    public bool EnabledForRepost { get; set; }
    public bool CanBeSource { get; set; }
    public string? PollCursor { get; set; }
    public JsonObject Settings { get; set; } = [];
    // Set by each publishing claim: the next target of this channel waits until then (platform pace).
    public DateTimeOffset? PublishPacedUntil { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public Guid? ConnectedByUserId { get; set; }
}
