namespace Sosyabot.Bench;

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
    public static double RssMegabytes(int pid) => StatusMegabytes(pid, "VmRSS:");

    // The most resident memory the process ever had (its high-water mark), in MB.
    public static double PeakRssMegabytes(int pid) => StatusMegabytes(pid, "VmHWM:");

    private static double StatusMegabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public static string Verdict(double value, double target) => value <= target ? "ok" : "OVER TARGET";
}
