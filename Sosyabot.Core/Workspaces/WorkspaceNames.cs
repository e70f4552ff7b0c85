namespace Sosyabot.Core.Workspaces;

public static class WorkspaceNames
{
    public const int MaxLength = 100;

    public static string Validate(string? name) =>
        RequiredText.Validate(name, MaxLength, "A workspace needs a name.", $"A workspace name has at most {MaxLength} characters.");
}
