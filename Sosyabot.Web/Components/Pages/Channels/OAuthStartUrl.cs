namespace Sosyabot.Web.Components.Pages.Channels;

// The start endpoint for a connect or reconnect, returning to the workspace's channels page. Opened
// as a full page load: the endpoint sets the browser-binding cookie and redirects to the platform.
public static class OAuthStartUrl
{
    public static string For(string platform, Guid workspaceId, string? instance)
    {
        var url = $"/api/v1/auth/{platform}/start?workspace={workspaceId}&returnTo={Uri.EscapeDataString($"/w/{workspaceId}/channels")}";
        return instance is null ? url : url + $"&instance={Uri.EscapeDataString(instance)}";
    }
}
