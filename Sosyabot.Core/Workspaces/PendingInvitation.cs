namespace Sosyabot.Core.Workspaces;

// An open invitation as the invitee sees it.
public sealed record PendingInvitation(Guid Id, string WorkspaceName, WorkspaceRole Role, string? InvitedBy, DateTimeOffset CreatedAt);
