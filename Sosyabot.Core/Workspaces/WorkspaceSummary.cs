namespace Sosyabot.Core.Workspaces;

public sealed record WorkspaceSummary(Guid Id, string Name, string TimeZone, WorkspaceRole Role);
