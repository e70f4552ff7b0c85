using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Providers.Http;

// The one way providers get a ProviderApi: the named client (the SSRF-guarded one for user-supplied
// servers), the name errors are told under, the platform's error inspector and the default timeout.
public sealed class ProviderApiFactory(IHttpClientFactory clients, TimeProvider clock, IOptions<ProviderHttpOptions> options)
{
    public ProviderHttpOptions Options => options.Value;

    public ProviderApi Create(string clientName, string platformName, IProviderErrorInspector? inspector = null) =>
        new(clients.CreateClient(clientName), platformName, clock, options.Value.Timeout, inspector);
}
