using Sosyabot.Core.Users;

namespace Sosyabot.Core.Workspaces;

public class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public WorkspaceRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public Workspace? Workspace { get; set; }
    public AppUser? User { get; set; }
}
