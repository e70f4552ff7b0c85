using System.Net;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Providers;

// Builds a ProviderResponse the way ProviderApi does, and classifies it the way ProviderApi does:
// the platform's inspector first, the generic rules after.
public static class ProviderResponses
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TimeProvider Clock { get; } = new FixedClock(Now);

    public static ProviderResponse Create(int status, string body, params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        JsonElement? json = null;
        try
        {
            if (body.Length > 0) json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        return new ProviderResponse((HttpStatusCode)status, message.Headers, body, json);
    }

    public static ProviderException? Classify(IProviderErrorInspector inspector, string platform, ProviderResponse response) =>
        inspector.Inspect(response) ?? ProviderErrors.Classify(platform, response, Now);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
