using System.Net;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.TestSupport;

// Platform answers built by hand for table-driven error-inspector tests, read the way ProviderApi reads them.
public static class CannedResponses
{
    public static ProviderResponse Of(int status, string body, params (string Name, string Value)[] headers)
    {
        var message = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON, like a proxy's error page.
        }
        return new ProviderResponse(message.StatusCode, message.Headers, body, json);
    }

    // What ProviderApi would throw: the platform's inspector first, then the generic rules.
    public static ProviderException? Classify(IProviderErrorInspector inspector, string platform, ProviderResponse response, DateTimeOffset now) =>
        inspector.Inspect(response) ?? ProviderErrors.Classify(platform, response, now);
}

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
