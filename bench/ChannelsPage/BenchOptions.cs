namespace Sosyabot.Bench.ChannelsPage;

public sealed record BenchOptions(Uri App, string Database, int AppPid, int Channels, int Loads, int BrowserLoads, string Chromium)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string Required(string name) => values.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
        return new(new Uri(Required("url")), Required("db"), int.Parse(Required("pid")), Number("channels", 1000), Number("loads", 20),
            Number("browser-loads", 20), values.GetValueOrDefault("chromium") ?? Environment.GetEnvironmentVariable("SOSYABOT_CHROMIUM") ?? "/usr/bin/chromium");
    }
}
