namespace Sosyabot.Core.Workspaces;

// Non-members get the same answer as for a workspace that does not exist, so ids cannot be probed.
public sealed class WorkspaceAccessDeniedException(bool isMember)
    : Exception(isMember ? "Your role in this workspace does not allow this." : "Workspace not found.")
{
    public bool IsMember { get; } = isMember;
}
