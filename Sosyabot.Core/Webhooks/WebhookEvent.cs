using System.Text.Json.Nodes;

namespace Sosyabot.Core.Webhooks;

// Outbox row: written in the same transaction as the change it reports, delivered later.
public class WebhookEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Type { get; set; }
    public JsonObject Payload { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
