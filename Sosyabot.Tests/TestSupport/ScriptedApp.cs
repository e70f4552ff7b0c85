using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace Sosyabot.Tests.TestSupport;

// The app as `./sosyabot run` starts it: a separate process group (the script and its dotnet child) that
// publishes and runs the app on a free port, against a fresh empty database of the test PostgreSQL, so
// the script starts no cluster. Its data directory (publish output, keys) is temporary, never the developer's .data/.
public sealed class ScriptedApp : IAsyncLifetime
{
    // A first publish on two busy cores takes minutes.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly StringBuilder _output = new();
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"sosyabot-run-{Guid.NewGuid():N}");
    private PostgresServer? _server;
    private string _connectionString = "";
    private Process? _script;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{TestPorts.Free()}");
    public IBrowser Browser { get; private set; } = default!;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_output) return _output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        }
    }

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateEmptyDatabaseAsync();
        var start = SosyabotScript.StartInfo("run", new Dictionary<string, string?>
        {
            ["SOSYABOT_PORT"] = BaseAddress.Port.ToString(),
            ["SOSYABOT_DATA_DIR"] = _dataDir,
            ["ConnectionStrings__Sosyabot"] = _connectionString,
            ["DataProtection__CertificatePath"] = Path.Combine(_dataDir, "keys", "dataprotection.pfx"),
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["App__BaseUrl"] = null,
        });
        // Its own process group, so one signal ends the script and the app it started.
        start.ArgumentList.Insert(0, start.FileName);
        start.FileName = "setsid";
        _script = new Process { StartInfo = start };
        _script.OutputDataReceived += (_, e) => SosyabotScript.Append(_output, e.Data);
        _script.ErrorDataReceived += (_, e) => SosyabotScript.Append(_output, e.Data);
        _script.Start();
        _script.BeginOutputReadLine();
        _script.BeginErrorReadLine();
        await AppHealth.WaitAsync("./sosyabot run", _script, BaseAddress, StartTimeout, () => string.Join('\n', OutputLines));

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_script is not null)
        {
            await SignalGroupAsync("TERM");
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _script.WaitForExitAsync(stopped.Token);
            }
            catch (OperationCanceledException)
            {
                await SignalGroupAsync("KILL");
            }
            _script.Dispose();
        }
        if (_server is not null) await _server.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    // setsid made the script a group leader, so its pid is the group's id.
    private Task<ProcessResult> SignalGroupAsync(string signal) =>
        SosyabotScript.RunAsync("kill", [$"-{signal}", "--", $"-{_script!.Id}"], TimeSpan.FromSeconds(10));
}
