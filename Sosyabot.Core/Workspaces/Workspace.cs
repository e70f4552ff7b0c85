namespace Sosyabot.Core.Workspaces;

public class Workspace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string TimeZone { get; set; } = "UTC";
    // A post that could not go out for longer than this after its time (the app was down) is Missed
    // instead of posted late.
    public TimeSpan LatenessWindow { get; set; } = TimeSpan.FromHours(1);
    public DateTimeOffset CreatedAt { get; set; }
    public List<WorkspaceMember> Members { get; set; } = [];
}
