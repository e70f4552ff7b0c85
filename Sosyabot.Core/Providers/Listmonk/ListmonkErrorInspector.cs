using System.Net;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Listmonk;

// Listmonk errors are {"message": "…"}. Bad API credentials are 403 "invalid API credentials" and a
// missing permission is 403 "permission denied: <perm>" (internal/auth/auth.go). At connect a refusal
// is the user's input being wrong (Rejected); on a connected channel dead credentials need a reconnect.
public sealed class ListmonkErrorInspector(bool atConnect) : IProviderErrorInspector
{
    private const string Name = "Listmonk";

    public ProviderException? Inspect(ProviderResponse response)
    {
        if (response.IsSuccess) return null;
        var status = (int)response.Status;
        var message = response.String("message") ?? ProviderErrors.MessageOf(response);

        if (response.Status == HttpStatusCode.Forbidden && message.StartsWith("permission denied", StringComparison.OrdinalIgnoreCase))
            return Rejected($"The {Name} API user is missing a permission ({message}). Give its user role access to lists (lists:get_all, or this list) and campaigns, then try again.", status);
        if (response.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            return atConnect
                ? Rejected($"{Name} rejected the API user or token. Check both in Listmonk under Admin → Users; the token is shown only when the user is created.", status)
                : new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts the API user or token ({message}). Reconnect the channel with a valid API user.", statusCode: status);
        if (response.Json is null && response.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return Rejected($"Nothing at this address answers like {Name}'s API (HTTP {status}). Check the address, including any path such as /listmonk.", status);
        return null;
    }

    private static ProviderException Rejected(string message, int status) => new(ProviderErrorKind.Rejected, message, statusCode: status);
}
