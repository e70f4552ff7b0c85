namespace Sosyabot.Bench.Publishing;

public sealed record BenchOptions(Uri App, string Database, int AppPid, string KeyCertificate, int EmulatorPort,
    int Channels, int SteadyPosts, TimeSpan SteadyOver, int BurstPosts, int ChannelsPerPost, TimeSpan Latency)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string Required(string name) => values.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
        return new(new Uri(Required("url")), Required("db"), int.Parse(Required("pid")), Required("keys"), Number("emulator-port", 5090),
            Number("channels", 500), Number("steady-posts", 2000), TimeSpan.FromSeconds(Number("steady-seconds", 60)),
            Number("burst-posts", 2000), Number("channels-per-post", 5), TimeSpan.FromMilliseconds(Number("latency-ms", 50)));
    }
}
