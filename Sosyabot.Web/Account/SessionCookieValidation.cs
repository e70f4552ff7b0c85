using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Sosyabot.Web.Account;

// Runs on every request that carries the sign-in cookie: Identity's security stamp check (every
// ValidationInterval), then whether the cookie's session is still listed (every time: one primary-key lookup).
public static class SessionCookieValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal.Session() is { } session && await sessions.IsActiveAsync(session.UserId, session.SessionId))
        {
            // The stamp check reissues the cookie, so sliding expiration never comes due for a session in steady use.
            if (context.ShouldRenew) await sessions.RenewAsync(session.UserId, session.SessionId);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static async Task RenewSessionAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.Session() is { } session)
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().RenewAsync(session.UserId, session.SessionId);
    }

    // The security stamp check rebuilds the principal from the database; the session id must survive that.
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(UserSessions.ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        return Task.CompletedTask;
    }
}
