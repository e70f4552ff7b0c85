using System.Diagnostics;

namespace Sosyabot.Tests.TestSupport;

// Waiting for an app process to answer /healthz; an exit on the way fails at once, with what it printed.
public static class AppHealth
{
    public static async Task WaitAsync(string what, Process process, Uri baseAddress, TimeSpan timeout, Func<string> output)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"{what} exited ({process.ExitCode}) before the app was healthy:\n{output()}");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Still building or starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{what} was not healthy at {baseAddress} within {timeout}:\n{output()}");
    }
}
