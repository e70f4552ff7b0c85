namespace Sosyabot.Core.Workspaces;

// An open invitation as the workspace's admins see it.
public sealed record InvitationSummary(Guid Id, string Email, WorkspaceRole Role, DateTimeOffset CreatedAt);
