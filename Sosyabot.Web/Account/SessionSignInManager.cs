using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Account;

// Every way of signing in (password, two-factor, recovery code, refresh) ends in SignInWithClaimsAsync, so the
// session id claim is added here once; sign-out ends this session only.
public sealed class SessionSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    UserSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A refresh for the signed-in user (after a password or two-factor change) keeps their session.
        var sessionId = Context.User.Session() is { } current && current.UserId == user.Id && await sessions.IsActiveAsync(user.Id, current.SessionId)
            ? current.SessionId
            : await sessions.StartAsync(user.Id);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(UserSessions.ClaimType, sessionId)]);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.Session() is { } current) await sessions.EndAsync(current.UserId, current.SessionId);
        await base.SignOutAsync();
    }

    // For "sign out of all sessions" and a password reset: no cookie issued before this works any more.
    public async Task EndAllSessionsAsync(AppUser user)
    {
        await sessions.EndAllAsync(user.Id);
        await UserManager.UpdateSecurityStampAsync(user);
    }

    // After a password change: the other sessions end now, this one goes on with the new security stamp.
    public async Task EndOtherSessionsAsync(AppUser user)
    {
        if (Context.User.Session() is { } current) await sessions.EndOthersAsync(user.Id, current.SessionId);
        await RefreshSignInAsync(user);
    }
}
