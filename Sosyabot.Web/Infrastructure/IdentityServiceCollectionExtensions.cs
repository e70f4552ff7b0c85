using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Data;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = "sosyabot.auth";
        });
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email address, which may quote, use + or be non-ASCII; RegistrationService checks it.
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
            })
            .AddErrorDescriber<AccountErrorDescriber>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddEntityFrameworkStores<SosyabotDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
