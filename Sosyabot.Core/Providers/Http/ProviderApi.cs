using System.Text.Json;
using Sosyabot.Core.Net;

namespace Sosyabot.Core.Providers.Http;

// Sends one request to a platform and turns every failure into a ProviderException. It never
// retries: retrying a POST that may have reached the platform is how duplicate posts happen. Whether
// a failure proves the request had no effect (Transient) or not (Unknown) is decided here, once.
// Made by ProviderApiFactory.
public sealed class ProviderApi(HttpClient http, string platform, TimeProvider clock, TimeSpan defaultTimeout, IProviderErrorInspector? inspector = null)
{
    private const int MaxBodyChars = 1_000_000;

    public string Platform => platform;

    // timeout: this call's own budget (an upload takes longer than a profile read); the client's
    // default otherwise. The caller's token still cancels at once.
    public async Task<ProviderResponse> SendAsync(HttpRequestMessage request, CancellationToken ct, TimeSpan? timeout = null)
    {
        var maySideEffect = ProviderRequests.MayHaveSideEffects(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout ?? defaultTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (BlockedDestinationException e)
        {
            // Not a network hiccup: the address is refused by policy, so retrying cannot help.
            throw new ProviderException(ProviderErrorKind.Rejected, e.Message);
        }
        catch (HttpRequestException e) when (e.StatusCode is null && (ProviderRequests.NeverSent(e) || !maySideEffect))
        {
            throw new ProviderException(ProviderErrorKind.Transient, $"{platform} could not be reached: {e.Message}");
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new ProviderException(ProviderErrorKind.Unknown, $"The connection to {platform} broke after the request was sent ({e.Message}); it may or may not have been applied.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw TimedOut(maySideEffect);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(deadline.Token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // The status line arrived, the body did not: a 2xx POST happened but its result is lost.
                if (maySideEffect && response.IsSuccessStatusCode)
                    throw new ProviderException(ProviderErrorKind.Unknown, $"{platform} accepted the request but its answer was cut off; it may have been applied.", statusCode: (int)response.StatusCode);
                throw e is OperationCanceledException ? TimedOut(maySideEffect: false) : new ProviderException(ProviderErrorKind.Transient, $"{platform} could not be reached: {e.Message}");
            }
            if (body.Length > MaxBodyChars) body = body[..MaxBodyChars];
            var read = new ProviderResponse(response.StatusCode, response.Headers, body, TryParse(body)) { MayHaveApplied = maySideEffect };
            var error = inspector?.Inspect(read) ?? ProviderErrors.Classify(platform, read, clock.GetUtcNow());
            return error is null ? read : throw error;
        }
    }

    public async Task<JsonElement> SendForJsonAsync(HttpRequestMessage request, CancellationToken ct, TimeSpan? timeout = null) =>
        (await SendAsync(request, ct, timeout)).RequireJson(platform);

    private ProviderException TimedOut(bool maySideEffect) => maySideEffect
        ? new ProviderException(ProviderErrorKind.Unknown, $"{platform} did not answer in time; the request may or may not have been applied.")
        : new ProviderException(ProviderErrorKind.Transient, $"{platform} did not answer in time.");

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
