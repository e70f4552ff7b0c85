using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sosyabot.Core.Providers.Http;

// A platform's answer, read once: status, headers and the body as JSON when it is JSON.
public sealed record ProviderResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body, JsonElement? Json)
{
    // A failed POST may still have been applied; a failed read changed nothing (ProviderRequests).
    public bool MayHaveApplied { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    // A 2xx that cannot be read: for a POST the platform did act, we just cannot tell on what.
    public JsonElement RequireJson(string platform) =>
        Json ?? throw new ProviderException(MayHaveApplied && IsSuccess ? ProviderErrorKind.Unknown : ProviderErrorKind.Transient,
            $"{platform} answered with something that is not JSON.", statusCode: (int)Status);

    public string? String(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
