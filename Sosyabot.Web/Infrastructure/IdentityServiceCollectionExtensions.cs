using Microsoft.AspNetCore.Identity;
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
                // NIST SP 800-63B: length, not composition rules.
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
            })
            .AddEntityFrameworkStores<SosyabotDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
