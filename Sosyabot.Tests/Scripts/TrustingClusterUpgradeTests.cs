using System.Text.RegularExpressions;
using System.Runtime.Versioning;
using Npgsql;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Scripts;

// A cluster made by the script before it was hardened: socket logins trusted, the database and the app's
// tables owned by the superuser, no app role. The next start must close it and hand the data to the app role.
[UnsupportedOSPlatform("windows")]
public partial class TrustingClusterUpgradeTests : IAsyncLifetime
{
    private readonly ScriptedLocalDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.StartAsync();
        await MakeItLookOldAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_next_start_requires_passwords_and_hands_database_and_tables_to_the_app_role()
    {
        var before = await _db.SocketPsqlAsClusterOwnerAsync();
        Assert.Equal(0, before.ExitCode);

        await _db.StartAsync();

        Assert.DoesNotMatch(TrustLine(), await File.ReadAllTextAsync(Path.Combine(_db.ClusterDir, "pg_hba.conf")));
        var after = await _db.SocketPsqlAsClusterOwnerAsync();
        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("no password supplied", after.Output);
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(_db.SocketDir) & (UnixFileMode.OtherExecute | UnixFileMode.GroupExecute));

        await using var app = new NpgsqlConnection(_db.AppConnectionString());
        await app.OpenAsync();
        Assert.Equal("sosyabot", await app.ScalarAsync("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'legacy'"));
        Assert.Equal("sosyabot", await app.ScalarAsync("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        Assert.False((bool)(await app.ScalarAsync("SELECT has_database_privilege('public', current_database(), 'CONNECT')"))!);
        // The serial's sequence moved with its table, so the app can still add rows.
        Assert.Equal(2, await app.ScalarAsync("INSERT INTO legacy (name) VALUES ('new') RETURNING id"));
    }

    // What the old script left behind, rebuilt from a new cluster with the superuser's password.
    private async Task MakeItLookOldAsync()
    {
        await ExecuteAsync(_db.SuperuserConnectionString("sosyabot"),
            "ALTER SCHEMA public OWNER TO postgres",
            "CREATE TABLE legacy (id serial PRIMARY KEY, name text)",
            "INSERT INTO legacy (name) VALUES ('old')",
            "ALTER DATABASE sosyabot OWNER TO postgres",
            "GRANT CONNECT, TEMPORARY ON DATABASE sosyabot TO PUBLIC");
        var hba = Path.Combine(_db.ClusterDir, "pg_hba.conf");
        var lines = (await File.ReadAllLinesAsync(hba))
            .Select(l => l.StartsWith("local") ? l.Replace("scram-sha-256", "trust") : l);
        await File.WriteAllLinesAsync(hba, lines);
        await ExecuteAsync(_db.SuperuserConnectionString("postgres"), "DROP ROLE sosyabot", "SELECT pg_reload_conf()");
        File.Delete(_db.AppPasswordFile);
        File.SetUnixFileMode(_db.SocketDir, File.GetUnixFileMode(_db.SocketDir) | UnixFileMode.GroupExecute | UnixFileMode.GroupRead
            | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements) await connection.ScalarAsync(sql);
    }

    [GeneratedRegex(@"^\s*[^#\s].*\strust\s*$", RegexOptions.Multiline)]
    private static partial Regex TrustLine();
}
