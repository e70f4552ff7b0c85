using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Endpoints;

public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // Sign-out is a form POST with an antiforgery token, so a link or form on another site cannot sign people out.
        // Checked here: the antiforgery middleware only enforces it for endpoints that bind form fields.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        return app;
    }
}
