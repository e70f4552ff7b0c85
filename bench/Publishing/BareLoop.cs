using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Sosyabot.Tests.Emulator;

namespace Sosyabot.Bench.Publishing;

// The yardstick for the burst: the same create calls the engine made (same endpoints, credentials and
// bodies), sent again by a plain HttpClient loop with the engine's measured concurrency, with no
// database, claims or validation. Each is made a new post: a new marker (X refuses duplicate text), a
// new Idempotency-Key (Mastodon would answer its stored status) and no Bluesky record key (the PDS
// picks one; the engine's is taken).
public static class BareLoop
{
    private static readonly string[] CopiedHeaders = ["Authorization", "User-Agent", "Idempotency-Key", "Accept"];

    public static async Task<(DateTimeOffset Started, TimeSpan Elapsed)> RunAsync(ProviderEmulator emulator, IReadOnlyList<RecordedRequest> creates, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var requests = creates.Select(r => (r, Body: Rewrite(r))).ToList();
        var next = -1;
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                var (original, body) = requests[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Url(original.Path + original.Query));
                foreach (var name in CopiedHeaders)
                    if (original.Header(name) is { } value)
                        request.Headers.TryAddWithoutValidation(name, name == "Idempotency-Key" ? value + "-bare" : value);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", original.Header("Content-Type"));
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"bare loop: {original.Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        })));
        return (started, watch.Elapsed);
    }

    private static byte[] Rewrite(RecordedRequest original)
    {
        var body = original.Body.Replace("bench-burst-", "bench-bare-", StringComparison.Ordinal);
        if (original.Path.EndsWith("com.atproto.repo.createRecord", StringComparison.Ordinal))
        {
            var json = JsonNode.Parse(body)!.AsObject();
            json.Remove("rkey");
            body = json.ToJsonString();
        }
        return Encoding.UTF8.GetBytes(body);
    }
}
