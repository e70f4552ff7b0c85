namespace Sosyabot.Tests.TestSupport;

public static class PostgresBinaries
{
    // SOSYABOT_PG_BIN, or the newest Debian PostgreSQL, as the script chooses them.
    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("SOSYABOT_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        const string debian = "/usr/lib/postgresql";
        var found = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL binaries found under /usr/lib/postgresql. Install them (apt-get install postgresql), " +
            "set SOSYABOT_PG_BIN, or point SOSYABOT_TEST_CONNECTION at a server.");
    }
}
