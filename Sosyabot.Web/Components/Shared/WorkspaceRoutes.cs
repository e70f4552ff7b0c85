using System.Text.RegularExpressions;

namespace Sosyabot.Web.Components.Shared;

// Workspace pages live under /w/{id}/..., so the current workspace is always in the address.
public static partial class WorkspaceRoutes
{
    public static Guid? WorkspaceIdOf(string uri)
    {
        var match = WorkspacePath().Match(new Uri(uri).AbsolutePath);
        return match.Success && Guid.TryParse(match.Groups[1].Value, out var id) ? id : null;
    }

    // Switching keeps the user on the same kind of page (members, settings...) in the other workspace.
    public static string Switch(string uri, Guid workspaceId)
    {
        var path = new Uri(uri).AbsolutePath;
        var match = WorkspacePath().Match(path);
        return match.Success ? $"/w/{workspaceId}{path[match.Length..]}" : $"/w/{workspaceId}";
    }

    [GeneratedRegex("^/w/([0-9a-fA-F-]{36})")]
    private static partial Regex WorkspacePath();
}
