using System.Diagnostics;

namespace Sosyabot.Bench.ChannelsPage;

// The prerendered page as a plain GET: the server's render time and what it sends.
public static class HttpLoads
{
    public static async Task<(List<double> Milliseconds, List<long> Bytes)> RunAsync(BenchAccount account, string path, int loads)
    {
        var times = new List<double>();
        var sizes = new List<long>();
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await account.Client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
            sizes.Add(body.LongLength);
            if (Environment.GetEnvironmentVariable("BENCH_DUMP") is { Length: > 0 } dump) await File.WriteAllBytesAsync(dump, body);
        }
        return (times, sizes);
    }
}
