using System.Diagnostics;
using System.Text;

namespace Sosyabot.Tests.TestSupport;

// One app instance as a container would run it: its own `dotnet Sosyabot.Web.dll` process from the build
// output, configured through environment variables only, on a free loopback port. Kill() is kill -9.
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    // The build of Sosyabot.Web next to this test build (same configuration), run from its own folder.
    private static string WebBuildDirectory()
    {
        var testBuild = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(SosyabotScript.RepoRoot, "Sosyabot.Web", "bin", testBuild.Parent!.Name, testBuild.Name);
    }

    // settings use configuration keys ("Publishing:LeaseTime"); they become Publishing__LeaseTime.
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var directory = WebBuildDirectory();
        var baseAddress = new Uri($"http://127.0.0.1:{TestPorts.Free()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "Sosyabot.Web.dll"));
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Sosyabot" }) start.Environment.Remove(name);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.AbsoluteUri.TrimEnd('/');
        start.Environment["App__BaseUrl"] = baseAddress.AbsoluteUri.TrimEnd('/');
        foreach (var (key, value) in settings)
            if (value is not null) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await AppHealth.WaitAsync("The app", process, baseAddress, StartTimeout, () => app.Output);
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    // SIGKILL: no shutdown, no lease released, no job completed; as a node that loses power.
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(stopped.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
