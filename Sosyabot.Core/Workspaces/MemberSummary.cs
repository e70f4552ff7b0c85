namespace Sosyabot.Core.Workspaces;

public sealed record MemberSummary(Guid UserId, string Email, WorkspaceRole Role, DateTimeOffset JoinedAt);
