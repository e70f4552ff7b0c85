using Microsoft.AspNetCore.Components;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Web.Components.Pages.Channels;

// Opens the start endpoint for a connect or reconnect, returning to the workspace's channels page. A full
// page load: the endpoint sets the browser-binding cookie and redirects to the platform. The ticket is
// minted at the moment of the click, in the user's circuit, as the proof that this page made the request.
public sealed class OAuthStartNavigation(ConnectStartTickets tickets, CurrentUser user, NavigationManager navigation)
{
    public async Task GoAsync(string platform, Guid workspaceId, string? instance)
    {
        var ticket = tickets.Issue(await user.IdAsync(), workspaceId, platform, instance);
        var url = $"/api/v1/auth/{platform}/start?workspace={workspaceId}&returnTo={Uri.EscapeDataString($"/w/{workspaceId}/channels")}"
            + $"&ticket={Uri.EscapeDataString(ticket)}";
        navigation.NavigateTo(instance is null ? url : url + $"&instance={Uri.EscapeDataString(instance)}", forceLoad: true);
    }
}
