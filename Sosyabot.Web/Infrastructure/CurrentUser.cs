using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Sosyabot.Web.Infrastructure;

// The signed-in user's id as the services want it, read from the circuit's authentication state.
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<Guid> IdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var id = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(id, out var userId) ? userId : throw new InvalidOperationException("No signed-in user.");
    }
}
