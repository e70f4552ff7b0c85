using System.Security.Claims;

namespace Sosyabot.Web.Account;

// Reads the user id and session id the sign-in cookie carries.
public static class SessionClaims
{
    public static (Guid UserId, string SessionId)? Session(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
        && principal.FindFirstValue(UserSessions.ClaimType) is { Length: > 0 } sessionId
            ? (userId, sessionId)
            : null;
}
