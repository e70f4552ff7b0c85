using System.Diagnostics;
using System.Text;

namespace Sosyabot.Tests.TestSupport;

// The repository's ./sosyabot script and other child processes, run as a user would run them.
public static class SosyabotScript
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static bool RunningAsRoot => Environment.UserName == "root";

    // `bash sosyabot COMMAND` from the repository root, with the given variables added to (or, when null, removed from) this process's environment.
    public static ProcessStartInfo StartInfo(string command, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "sosyabot"));
        start.ArgumentList.Add(command);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return start;
    }

    public static Task<ProcessResult> RunAsync(string command, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
        RunAsync(StartInfo(command, environment), timeout);

    public static Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return RunAsync(start, timeout);
    }

    private static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {timeout}: {output}");
        }
        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    public static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sosyabot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Sosyabot.sln above {AppContext.BaseDirectory}.");
    }
}
