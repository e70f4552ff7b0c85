using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Data;
using Sosyabot.Core.Users;
using Sosyabot.Web.Account;
using Sosyabot.Web.Mail;

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
            o.ExpireTimeSpan = UserSessions.MaxAge;
            o.Events.OnValidatePrincipal = SessionCookieValidation.ValidatePrincipalAsync;
            o.Events.OnCheckSlidingExpiration = SessionCookieValidation.RenewSessionAsync;
        });
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.Section);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SignInSessionOptions>>((o, sessions) =>
        {
            o.ValidationInterval = sessions.Value.RevalidationInterval;
            o.OnRefreshingPrincipal = SessionCookieValidation.KeepSessionClaim;
        });
        // A password reset link lasts a day; it works once, since a reset changes the security stamp it is bound to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
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
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddErrorDescriber<AccountErrorDescriber>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddEntityFrameworkStores<SosyabotDbContext>()
            .AddSignInManager<SessionSignInManager>()
            .AddDefaultTokenProviders();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddScoped<UserSessions>();
        services.AddMemoryCache();
        services.AddSingleton<UnknownEmailLockout>();
        services.AddScoped<PasswordLogin>();
        services.AddSingleton<RegistrationModes>();
        services.AddScoped<PasswordResetLinks>();
        services.AddSosyabotMail();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
