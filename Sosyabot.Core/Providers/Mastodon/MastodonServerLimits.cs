using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Mastodon;

// Each server sets its own text limit (configuration.statuses.max_characters of GET /api/v2/instance,
// https://docs.joinmastodon.org/methods/instance/#v2). Read once an hour per server: the composer
// asks on every keystroke. A server without v2 (before 4.0) or without the field has the stock 500.
public sealed class MastodonServerLimits(MastodonClients clients, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<int> MaxCharactersAsync(string instance, CancellationToken ct)
    {
        var key = "mastodon-max-characters:" + instance;
        if (cache.TryGetValue(key, out int cached)) return cached;
        int limit;
        try
        {
            var response = await clients.For(instance).SendAsync(new HttpRequestMessage(HttpMethod.Get, instance + MastodonDefaults.InstancePath), ct);
            limit = MaxCharacters(response.Json);
        }
        catch (ProviderException e) when (e.Kind is ProviderErrorKind.Rejected or ProviderErrorKind.Auth)
        {
            // 404 from a server older than 4.0 (or one that is not Mastodon): it keeps the stock limit.
            limit = MastodonRules.DefaultMaxCharacters;
        }
        // Transient failures propagate uncached: validation must not pass on a guess that may be too high.
        cache.Set(key, limit, Lifetime);
        return limit;
    }

    internal static int MaxCharacters(JsonElement? instance) =>
        instance is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
        && configuration.TryGetProperty("statuses", out var statuses) && statuses.ValueKind == JsonValueKind.Object
        && statuses.TryGetProperty("max_characters", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var value) && value > 0
            ? value
            : MastodonRules.DefaultMaxCharacters;
}
