using Sosyabot.Core.Users;

namespace Sosyabot.Core.Workspaces;

// An offer to join, made to an email address whether or not an account uses it. It grants nothing
// until the person signed in with that address accepts it and it becomes a WorkspaceMember.
public class WorkspaceInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public WorkspaceRole Role { get; set; }
    public Guid? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Workspace? Workspace { get; set; }
    public AppUser? InvitedBy { get; set; }
}
