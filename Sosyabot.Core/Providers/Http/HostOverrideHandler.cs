namespace Sosyabot.Core.Providers.Http;

public sealed class HostOverrideHandler(HostOverrides overrides) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri is { } uri) request.RequestUri = overrides.Rewrite(uri);
        return base.SendAsync(request, ct);
    }
}
