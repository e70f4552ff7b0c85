using Npgsql;

namespace Sosyabot.Tests.TestSupport;

// The local PostgreSQL that `./sosyabot start-db` makes, in a temporary data directory on a free port.
public sealed class ScriptedLocalDatabase : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"sosyabot-script-db-{Guid.NewGuid():N}");
    public int Port { get; } = TestPorts.Free();
    public string ClusterDir => Path.Combine(DataDir, "postgres");
    public string SocketDir => Path.Combine(DataDir, "postgres-socket");
    public string SuperuserPasswordFile => Path.Combine(DataDir, "postgres.password");
    public string AppPasswordFile => Path.Combine(DataDir, "sosyabot.password");

    public string ConnectionString(string user, string? password, string database = "sosyabot") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password, Pooling = false,
        }.ConnectionString;

    public string AppConnectionString() => ConnectionString("sosyabot", File.ReadAllText(AppPasswordFile));

    public string SuperuserConnectionString(string database) => ConnectionString("postgres", File.ReadAllText(SuperuserPasswordFile), database);

    public Task<ProcessResult> ScriptAsync(string command) =>
        SosyabotScript.RunAsync(command, new Dictionary<string, string?>
        {
            ["SOSYABOT_DATA_DIR"] = DataDir,
            ["SOSYABOT_PG_PORT"] = Port.ToString(),
        }, ScriptTimeout);

    public async Task StartAsync()
    {
        var result = await ScriptAsync("start-db");
        if (result.ExitCode != 0) throw new InvalidOperationException($"./sosyabot start-db failed ({result.ExitCode}): {result.Output}");
    }

    // psql over the Unix socket that never asks for a password, as the given OS user (root only) or as this one.
    public Task<ProcessResult> SocketPsqlAsync(string? osUser, string dbUser)
    {
        string[] psql = [Path.Combine(PostgresBinaries.Find(), "psql"), "-X", "-w", "-h", SocketDir, "-p", Port.ToString(),
                         "-U", dbUser, "-d", "postgres", "-c", "SELECT 1"];
        return osUser is null
            ? SosyabotScript.RunAsync(psql[0], psql[1..], ScriptTimeout)
            : SosyabotScript.RunAsync("runuser", ["-u", osUser, "--", .. psql], ScriptTimeout);
    }

    // The superuser, over the socket, as the OS user the cluster runs as (postgres when root).
    public Task<ProcessResult> SocketPsqlAsClusterOwnerAsync() => SocketPsqlAsync(SosyabotScript.RunningAsRoot ? "postgres" : null, "postgres");

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await ScriptAsync("stop-db");
        Directory.Delete(DataDir, recursive: true);
    }
}
