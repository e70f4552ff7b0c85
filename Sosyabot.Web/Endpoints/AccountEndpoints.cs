using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Endpoints;

public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // Sign-out is a form POST (antiforgery-checked), so a link on another site cannot sign people out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        return app;
    }
}
