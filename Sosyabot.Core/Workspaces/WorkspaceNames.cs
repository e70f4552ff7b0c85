namespace Sosyabot.Core.Workspaces;

public static class WorkspaceNames
{
    public const int MaxLength = 100;

    public static string Validate(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new InvalidRequestException("A workspace needs a name.");
        if (trimmed.Length > MaxLength) throw new InvalidRequestException($"A workspace name has at most {MaxLength} characters.");
        return trimmed;
    }
}
