namespace Sosyabot.Core.Workspaces;

// Ordered: each role can do everything the roles below it can.
public enum WorkspaceRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
    Owner = 3,
}
