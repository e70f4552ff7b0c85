using System.Text.Json.Nodes;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Webhooks;

// Adds events to the caller's unit of work; they commit or roll back with the change itself.
public sealed class WebhookOutbox(SosyabotDbContext db, TimeProvider clock)
{
    public void Add(Guid workspaceId, string type, JsonObject payload) =>
        db.Add(new WebhookEvent { WorkspaceId = workspaceId, Type = type, Payload = payload, CreatedAt = clock.GetUtcNow() });

    public void AddChannelEvent(Channel channel, string type, string? reason = null)
    {
        var payload = new JsonObject
        {
            ["channel_id"] = channel.Id,
            ["platform"] = channel.Platform,
            ["pid"] = channel.Pid,
            ["display_name"] = channel.DisplayName,
            ["username"] = channel.Username,
        };
        if (reason is not null) payload["reason"] = reason;
        Add(channel.WorkspaceId, type, payload);
    }
}
