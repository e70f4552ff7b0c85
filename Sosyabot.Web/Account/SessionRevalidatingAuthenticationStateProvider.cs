using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Sosyabot.Web.Account;

// An open tab's circuit keeps the identity it started with; this checks every interval that its session is
// still listed, so a tab signed out elsewhere loses access. Not the security stamp: a password change renews
// it for this browser's cookie, and the browser's other tabs would be signed out for no reason; every action
// meant to end sessions (sign-out, sign out of all, password change or reset) removes their rows.
public sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SignInSessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Session() is not { } session) return false;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserSessions>().IsActiveAsync(session.UserId, session.SessionId);
    }
}
