using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Sosyabot.Tests.TestSupport;

// Signs a user in for rendered components, the way the app's cookie does: by user id.
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void SignIn(Guid userId, string email)
    {
        _user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Name, email)], "Test"));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
