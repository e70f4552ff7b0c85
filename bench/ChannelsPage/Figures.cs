namespace Sosyabot.Bench.ChannelsPage;

public static class Figures
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    // Nearest rank: p95 of 20 samples is the 19th smallest.
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    // The app's resident memory as the kernel counts it, in MB.
    public static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public static string Verdict(double value, double target) => value <= target ? "ok" : "OVER TARGET";
}
