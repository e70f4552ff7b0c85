using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Net;

// Fails start-up on a typo in the allow-list rather than at the first outbound request.
internal sealed class SafeHttpOptionsValidator : IValidateOptions<SafeHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, SafeHttpOptions options)
    {
        if (!AllowedPrivateHosts.TryParse(options.AllowedPrivateHosts, out _, out var invalidEntry))
            return ValidateOptionsResult.Fail(AllowedPrivateHosts.InvalidEntryMessage(invalidEntry));
        if (options.ConnectTimeout <= TimeSpan.Zero || options.Timeout <= TimeSpan.Zero || options.MaxResponseBytes <= 0)
            return ValidateOptionsResult.Fail(
                $"{SafeHttpOptions.Section}: ConnectTimeout, Timeout and MaxResponseBytes must be greater than zero.");
        return ValidateOptionsResult.Success;
    }
}
