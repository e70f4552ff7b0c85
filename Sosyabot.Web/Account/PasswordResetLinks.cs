using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Account;

// One-time password reset links, built on Identity's reset token: it expires (TokenLifespan) and works once,
// because a reset changes the security stamp the token is bound to.
public sealed class PasswordResetLinks(UserManager<AppUser> users, AdminWorkspaceService admin, IOptions<AppOptions> app)
{
    // A fresh install has no mail server, so a system admin hands the link to the user.
    public async Task<string> CreateForUserAsync(Guid actorId, string email)
    {
        if (!await admin.IsSystemAdminAsync(actorId)) throw new NotSystemAdminException();
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new InvalidRequestException($"No account uses {email.Trim()}.");
        return await CreateAsync(user);
    }

    public async Task<string> CreateAsync(AppUser user)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return $"{app.Value.BaseUrl.TrimEnd('/')}/account/reset-password?user={user.Id}&code={code}";
    }

    public async Task<IdentityResult> ResetAsync(string? userId, string? code, string newPassword)
    {
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId!) : null;
        if (user is null || string.IsNullOrEmpty(code)) return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }
        return await users.ResetPasswordAsync(user, token, newPassword);
    }
}
