using System.Text.Json;
using Sosyabot.Core.Net;

namespace Sosyabot.Core.Providers.Http;

// Sends one request to a platform and turns every failure into a ProviderException. It never
// retries: retrying a POST that may have reached the platform is how duplicate posts happen.
public sealed class ProviderApi(HttpClient http, string platform, TimeProvider clock, IProviderErrorInspector? inspector = null)
{
    private const int MaxBodyChars = 1_000_000;

    public async Task<ProviderResponse> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (BlockedDestinationException e)
        {
            // Not a network hiccup: the address is refused by policy, so retrying cannot help.
            throw new ProviderException(ProviderErrorKind.Rejected, e.Message);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new ProviderException(ProviderErrorKind.Transient, $"{platform} could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Transient, $"{platform} did not answer in time.");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (body.Length > MaxBodyChars) body = body[..MaxBodyChars];
            var read = new ProviderResponse(response.StatusCode, response.Headers, body, TryParse(body));
            var error = inspector?.Inspect(read) ?? ProviderErrors.Classify(platform, read, clock.GetUtcNow());
            return error is null ? read : throw error;
        }
    }

    public async Task<JsonElement> SendForJsonAsync(HttpRequestMessage request, CancellationToken ct) =>
        (await SendAsync(request, ct)).RequireJson(platform);

    private static JsonElement? TryParse(string body)
    {
        if (body.Length == 0 || (body[0] != '{' && body[0] != '[' && !char.IsWhiteSpace(body[0]))) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
