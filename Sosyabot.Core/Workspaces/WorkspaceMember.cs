using Sosyabot.Core.Users;

namespace Sosyabot.Core.Workspaces;

public class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public WorkspaceRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    // When the member last opened one of this workspace's pages: where pages outside any workspace (admin) and
    // the home page take them back to, in any tab or browser.
    public DateTimeOffset? LastOpenedAt { get; set; }
    public Workspace? Workspace { get; set; }
    public AppUser? User { get; set; }
}
