using System.Runtime.Versioning;
using Npgsql;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Scripts;

// The database `./sosyabot run` starts is reachable by no other OS user, trusts no login, and gives the app no superuser.
[UnsupportedOSPlatform("windows")]
public class LocalDatabaseTests(ScriptedLocalDatabase db) : IClassFixture<ScriptedLocalDatabase>
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Data_socket_and_password_files_are_closed_to_other_os_users()
    {
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(db.ClusterDir) & GroupOrOther);
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(db.SocketDir) & GroupOrOther);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db.SuperuserPasswordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db.AppPasswordFile));

        // Only root can act as another OS user; elsewhere the mode bits are what can be checked.
        if (!SosyabotScript.RunningAsRoot) return;
        var nobody = await db.SocketPsqlAsync("nobody", "postgres");
        Assert.NotEqual(0, nobody.ExitCode);
        Assert.Contains("Permission denied", nobody.Output);
    }

    [Fact]
    public async Task No_login_is_trusted_not_even_the_clusters_own_os_user_on_the_socket()
    {
        var socket = await db.SocketPsqlAsClusterOwnerAsync();
        Assert.NotEqual(0, socket.ExitCode);
        Assert.Contains("no password supplied", socket.Output);

        await using var tcp = new NpgsqlConnection(db.ConnectionString("postgres", password: null, database: "postgres"));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => tcp.OpenAsync());
    }

    [Fact]
    public async Task The_app_role_logs_in_with_its_password_owns_its_database_and_is_no_superuser()
    {
        await using var connection = new NpgsqlConnection(db.AppConnectionString());
        await connection.OpenAsync();

        Assert.False((bool)(await connection.ScalarAsync("SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user"))!);
        Assert.Equal("sosyabot", await connection.ScalarAsync("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        Assert.False((bool)(await connection.ScalarAsync("SELECT has_database_privilege('public', current_database(), 'CONNECT')"))!);
        // What migrations and Quartz's schema provisioning need.
        await connection.ScalarAsync("CREATE TABLE app_made (id serial PRIMARY KEY)");
        var denied = await Assert.ThrowsAsync<PostgresException>(() => connection.ScalarAsync("COPY (SELECT 1) TO PROGRAM 'true'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task A_second_start_reuses_the_cluster_and_keeps_the_passwords()
    {
        var password = await File.ReadAllTextAsync(db.AppPasswordFile);

        await db.StartAsync();

        Assert.Equal(password, await File.ReadAllTextAsync(db.AppPasswordFile));
        await using var connection = new NpgsqlConnection(db.AppConnectionString());
        await connection.OpenAsync();
    }
}
