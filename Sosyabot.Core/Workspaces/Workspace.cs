namespace Sosyabot.Core.Workspaces;

public class Workspace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset CreatedAt { get; set; }
    public List<WorkspaceMember> Members { get; set; } = [];
}
