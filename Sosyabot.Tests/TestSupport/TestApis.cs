using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.TestSupport;

// A ProviderApiFactory over hand-made clients, for provider tests that build a provider themselves.
public static class TestApis
{
    public static ProviderApiFactory Factory(IHttpClientFactory clients, TimeProvider? clock = null) =>
        new(clients, clock ?? TimeProvider.System, Options.Create(new ProviderHttpOptions()));

    public static ProviderApi Api(HttpMessageHandler handler, string platform, TimeProvider clock, IProviderErrorInspector? inspector = null) =>
        new(new HttpClient(handler), platform, clock, new ProviderHttpOptions().Timeout, inspector);

    // For tests whose provider must never reach the network.
    public static ProviderApiFactory NoHttp => Factory(new NoHttpClients());

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No HTTP in this test.");
    }
}
