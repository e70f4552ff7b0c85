namespace Sosyabot.Tests.TestSupport;

// A finished child process: its exit code and everything it printed (stdout and stderr interleaved as they came).
public sealed record ProcessResult(int ExitCode, string Output);
