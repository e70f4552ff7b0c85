using Sosyabot.Core.Accounts;

namespace Sosyabot.Web.Account;

// The account pages read the sign-up mode while rendering, and a form post's handler may run before
// that read ends: in the request's DbContext the two would collide, so the read gets a scope of its own.
public sealed class RegistrationModes(IServiceScopeFactory scopes)
{
    public async Task<RegistrationMode> EffectiveAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationPolicy>().EffectiveModeAsync();
    }
}
